package io.kubesim.nodeagent.pods;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The made-up but stable facts a container runtime would report: normalized image references,
 * image IDs and sizes, container IDs and pull errors. Everything is derived by hashing, so the same
 * pod and image always yield the same values (golden tests rely on that). Stateless.
 */
public final class ContainerFacts {

    private static final String DOCKER_HUB = "docker.io";
    private static final long MIN_IMAGE_SIZE = 5_000_000L;
    private static final long IMAGE_SIZE_RANGE = 200_000_000L;

    private ContainerFacts() {
    }

    /**
     * The fully qualified reference a runtime resolves {@code image} to:
     * {@code nginx:1.15} → {@code docker.io/library/nginx:1.15}, {@code busybox} →
     * {@code docker.io/library/busybox:latest}.
     */
    public static String normalizedImage(String image) {
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        if (slash < 0) {
            name = DOCKER_HUB + "/library/" + name;
        } else if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            name = DOCKER_HUB + "/" + name;
        }
        boolean tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
        if (!tagged && !name.contains("@")) {
            name = name + ":latest";
        }
        return name;
    }

    /** The repository of a normalized reference, without tag or digest. */
    static String repository(String normalized) {
        String repo = normalized;
        int at = repo.indexOf('@');
        if (at >= 0) {
            repo = repo.substring(0, at);
        }
        int colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            repo = repo.substring(0, colon);
        }
        return repo;
    }

    /** The image ID a runtime reports: {@code docker.io/library/nginx@sha256:<digest>}. */
    public static String imageId(String image) {
        String normalized = normalizedImage(image);
        int at = normalized.indexOf("@sha256:");
        if (at >= 0) {
            return normalized;
        }
        return repository(normalized) + "@sha256:" + sha256("image:" + normalized);
    }

    /** The image size in bytes, between 5 MB and 205 MB. */
    public static long imageSize(String image) {
        BigInteger h = new BigInteger(1, digest("size:" + normalizedImage(image)));
        return MIN_IMAGE_SIZE + h.mod(BigInteger.valueOf(IMAGE_SIZE_RANGE)).longValue();
    }

    /** The ID of the {@code attempt}-th run (0 first) of a pod's container: {@code containerd://<64 hex>}. */
    public static String containerId(String podUid, String container, long attempt) {
        return "containerd://" + sha256("container:" + podUid + "/" + container + "/" + attempt);
    }

    /** The error containerd returns for an image that does not exist, as the kubelet reports it. */
    public static String pullError(String image) {
        String ref = normalizedImage(image);
        return "rpc error: code = NotFound desc = failed to pull and unpack image \"" + ref
                + "\": failed to resolve reference \"" + ref + "\": " + ref + ": not found";
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
