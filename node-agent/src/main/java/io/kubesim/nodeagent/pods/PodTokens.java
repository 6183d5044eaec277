package io.kubesim.nodeagent.pods;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.kubesim.nodeagent.lifecycle.GoDuration;
import io.kubesim.nodeagent.lifecycle.Timestamps;
import io.kubesim.nodeagent.lifecycle.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The tokens pod stages use. Pod scope: {@code now}, {@code nodeName}, {@code hostIP},
 * {@code podIP} (allocated on first use; the host IP for host-network pods), {@code podName},
 * {@code namespace}, {@code delay} (how long the stage waited, as Go prints durations),
 * {@code exitCode} (annotation {@value #EXIT_CODE_ANNOTATION}, default 0), {@code containerNames}
 * and {@code initContainerNames} (space separated). Inside a {@code $forEach} over
 * {@code /spec/containers}, {@code /spec/initContainers} or the matching status lists:
 * {@code container.name}, {@code .image}, {@code .imageRef}, {@code .imageID},
 * {@code .imageSize}, {@code .containerID} (the current one, else the one this run gets),
 * {@code .nextContainerID}, {@code .restartCount},
 * {@code .nextRestartCount}, {@code .startedAt}, {@code .pullError}. Immutable; values that
 * allocate (pod IP) are thread-safe through {@link PodIpam}.
 */
public final class PodTokens implements Tokens {

    /** Annotation with the exit code of simulated containers that complete. */
    public static final String EXIT_CODE_ANNOTATION = "kubesim.io/exit-code";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode pod;
    private final String hostIp;
    private final Supplier<String> podIp;
    private final Instant now;
    private final Duration waited;

    /**
     * @param pod    the pod as JSON
     * @param hostIp the node's internal IP
     * @param podIp  allocates (or returns) the pod's IP; may throw {@code StageDeferredException}
     * @param now    the current time
     * @param waited how long the stage waited
     */
    public PodTokens(JsonNode pod, String hostIp, Supplier<String> podIp, Instant now, Duration waited) {
        this.pod = pod;
        this.hostIp = hostIp;
        this.podIp = podIp;
        this.now = now;
        this.waited = waited;
    }

    @Override
    public JsonNode value(String name) {
        return switch (name) {
            case "now" -> NODES.stringNode(Timestamps.seconds(now));
            case "nodeName" -> NODES.stringNode(pod.path("spec").path("nodeName").asString(""));
            case "hostIP" -> NODES.stringNode(hostIp);
            case "podIP" -> NODES.stringNode(podIp());
            case "podName" -> NODES.stringNode(pod.path("metadata").path("name").asString(""));
            case "namespace" -> NODES.stringNode(pod.path("metadata").path("namespace").asString(""));
            case "delay" -> NODES.stringNode(GoDuration.format(waited.truncatedTo(ChronoUnit.MILLIS)));
            case "exitCode" -> NODES.numberNode(exitCode());
            case "containerNames" -> NODES.stringNode(names("containers"));
            case "initContainerNames" -> NODES.stringNode(names("initContainers"));
            default -> null;
        };
    }

    private String podIp() {
        String existing = pod.path("status").path("podIP").asString("");
        if (!existing.isEmpty()) {
            return existing;
        }
        if (pod.path("spec").path("hostNetwork").asBoolean(false)) {
            return hostIp;
        }
        return podIp.get();
    }

    private int exitCode() {
        String v = pod.path("metadata").path("annotations").path(EXIT_CODE_ANNOTATION).asString("0");
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String names(String list) {
        List<String> names = new ArrayList<>();
        pod.path("spec").path(list).forEach(c -> names.add(c.path("name").asString("")));
        return String.join(" ", names);
    }

    @Override
    public Tokens forElement(String list, JsonNode element, int index) {
        boolean init = list.contains("initContainer");
        String name = element.path("name").asString("");
        JsonNode spec = find(pod.path("spec").path(init ? "initContainers" : "containers"), name);
        JsonNode status = find(pod.path("status").path(init ? "initContainerStatuses" : "containerStatuses"), name);
        return new ContainerTokens(this, name, spec, status);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode c : list) {
            if (name.equals(c.path("name").asString(""))) {
                return c;
            }
        }
        return NODES.missingNode();
    }

    /** One container's tokens, falling back to the pod's. */
    private record ContainerTokens(PodTokens pod, String name, JsonNode spec, JsonNode status) implements Tokens {

        @Override
        public JsonNode value(String token) {
            if (!token.startsWith("container.")) {
                return pod.value(token);
            }
            String image = spec.path("image").asString(status.path("image").asString(""));
            String uid = pod.pod.path("metadata").path("uid").asString("");
            long restarts = status.path("restartCount").asLong(0);
            return switch (token.substring("container.".length())) {
                case "name" -> NODES.stringNode(name);
                case "image" -> NODES.stringNode(image);
                case "imageRef" -> NODES.stringNode(ContainerFacts.normalizedImage(image));
                case "imageID" -> NODES.stringNode(ContainerFacts.imageId(image));
                case "imageSize" -> NODES.numberNode(ContainerFacts.imageSize(image));
                case "containerID" -> NODES.stringNode(status.path("containerID").asString("").isEmpty()
                        ? ContainerFacts.containerId(uid, name, restarts) : status.path("containerID").asString());
                case "nextContainerID" -> NODES.stringNode(ContainerFacts.containerId(uid, name, restarts + 1));
                case "restartCount" -> NODES.numberNode(restarts);
                case "nextRestartCount" -> NODES.numberNode(restarts + 1);
                case "startedAt" -> NODES.stringNode(startedAt());
                case "pullError" -> NODES.stringNode(ContainerFacts.pullError(image));
                default -> null;
            };
        }

        private String startedAt() {
            JsonNode state = status.path("state");
            for (String s : new String[] {"running", "terminated"}) {
                String t = state.path(s).path("startedAt").asString("");
                if (!t.isEmpty()) {
                    return t;
                }
            }
            return Timestamps.seconds(pod.now);
        }

        @Override
        public Tokens forElement(String list, JsonNode element, int index) {
            return pod.forElement(list, element, index);
        }
    }
}
