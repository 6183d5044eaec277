package io.kubesim.server.proto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes request bodies sent as {@value #MEDIA_TYPE} (kubectl 1.32 uses it for the
 * {@code kubectl create <generator>} commands and for {@code auth can-i}/{@code whoami} reviews)
 * into the JSON object the same request would have carried as {@code application/json}: with
 * {@code kind} and {@code apiVersion}, and with members as Go's JSON encoder writes them (see
 * {@link ProtoJson} for the zero-value rule).
 *
 * <p>The body is {@code "k8s\0"} followed by a {@code runtime.Unknown} envelope whose
 * {@code typeMeta} names the kind and whose {@code raw} holds the object's own protobuf message,
 * which is parsed with the descriptors of the {@code io.kubernetes:client-java-proto} classes.
 * Failures are {@link ApiException}s with {@link Reason#BadRequest} and the apiserver's message.
 *
 * <p>Fields the library's descriptors do not know (API fields newer than the library) are dropped.
 *
 * <p>Thread-safe. The descriptor index is built once, on first use or by {@link #preload()} (about a
 * second: protobuf-java's own start-up plus the descriptors), and is immutable afterwards.
 */
public final class ProtobufBodies {

    /** The Content-Type of Kubernetes protobuf bodies. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    /** Bytes of the body shown in "unrecognized object" errors, as the apiserver does. */
    private static final int SUMMARY_BYTES = 30;

    private ProtobufBodies() {
    }

    /** The shared decoder, created lazily and thread-safely by class initialisation. */
    private static final class Holder {
        static final ObjectDecoder DECODER = new ObjectDecoder(ProtoKinds.build(), GoJsonFieldRules.load());
    }

    /**
     * Builds the descriptor index now. The first decode otherwise pays for it (loading the
     * generated descriptors takes from a few hundred milliseconds to seconds), so call this once
     * at startup, off any event loop.
     */
    public static void preload() {
        Objects.requireNonNull(Holder.DECODER);
    }

    /**
     * Decodes a body without knowing the endpoint's kind; error messages are the decoder's own
     * (for example {@code no kind "Foo" is registered for version "apps/v1" in scheme ...}).
     *
     * @throws ApiException BadRequest for a missing prefix, malformed bytes or an unknown type
     */
    public static ObjectNode decode(byte[] body) {
        return decode(body, null);
    }

    /**
     * Decodes a body posted to an endpoint of {@code expectedKind} (e.g. {@code Deployment}). A body
     * without a kind is taken to be of that kind, and errors are worded as kube-apiserver's create
     * and update handlers word them:
     * {@code Deployment in version "v1" cannot be handled as a Deployment: <reason>}, or, when the
     * body's type could not be read,
     * {@code the object provided is unrecognized (must be of type Deployment): <reason> (<hex>)}.
     * The caller still has to check that the decoded {@code kind}/{@code apiVersion} fit the endpoint.
     *
     * @param expectedKind the endpoint's kind, or null for the plain messages of {@link #decode(byte[])}
     * @throws ApiException BadRequest when the body cannot be decoded
     */
    public static ObjectNode decode(byte[] body, String expectedKind) {
        try {
            return Holder.DECODER.decodeFramed(body, expectedKind);
        } catch (ProtoDecodeException e) {
            throw new ApiException(Reason.BadRequest, message(e, body, expectedKind));
        }
    }

    private static String message(ProtoDecodeException e, byte[] body, String expectedKind) {
        if (expectedKind == null) {
            return e.getMessage();
        }
        if (e.kind() != null && !e.kind().isEmpty()) {
            String apiVersion = e.apiVersion() == null ? "" : e.apiVersion();
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            return e.kind() + " in version \"" + version + "\" cannot be handled as a " + expectedKind + ": "
                    + e.getMessage();
        }
        return "the object provided is unrecognized (must be of type " + expectedKind + "): " + e.getMessage()
                + " (" + summary(body) + ")";
    }

    /** The apiserver's short rendering of a body: text if it looks like JSON, hex otherwise. */
    private static String summary(byte[] body) {
        if (body.length == 0) {
            return "<empty>";
        }
        int shown = Math.min(body.length, SUMMARY_BYTES);
        String head = body[0] == '{'
                ? new String(body, 0, shown, StandardCharsets.UTF_8)
                : HexFormat.of().formatHex(body, 0, shown);
        return body.length > SUMMARY_BYTES ? head + " ..." : head;
    }
}
