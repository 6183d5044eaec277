package io.kubesim.nodeagent.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Decides which run of a container a log request reads, with the kubelet's answers when there is
 * none: 404 for an unknown container, 400 for a container that has not started ("is waiting to
 * start: ContainerCreating", "image can't be pulled", ...) or has no previous run. Stateless.
 */
public final class ContainerLogs {

    private ContainerLogs() {
    }

    /**
     * The run of {@code container} in {@code pod} to read.
     *
     * @throws LogRequest.Invalid with the kubelet's code and message when there is no such run
     */
    public static ContainerRun resolve(Pod pod, String container, boolean previous) throws LogRequest.Invalid {
        String podName = pod.getMetadata().getName();
        String image = specImage(pod, container);
        if (image == null) {
            throw new LogRequest.Invalid(404, "container \"" + container + "\" not found in pod \"" + podName + "\"");
        }
        ContainerStatus status = status(pod, container);
        String quoted = "container \"" + container + "\" in pod \"" + podName + "\"";
        if (status == null) {
            throw new LogRequest.Invalid(400, quoted + " is not available");
        }
        String clientIp = pod.getStatus().getHostIP() == null ? "127.0.0.1" : pod.getStatus().getHostIP();
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        ContainerState state = status.getState() == null ? new ContainerState() : status.getState();
        if (previous) {
            if (last == null || empty(last.getContainerID())) {
                throw new LogRequest.Invalid(400, "previous terminated " + quoted + " not found");
            }
            return ended(container, image, last, clientIp);
        }
        if (state.getRunning() != null) {
            return new ContainerRun(container, image, status.getContainerID(),
                    time(state.getRunning().getStartedAt()), null, 0, clientIp);
        }
        if (state.getTerminated() != null) {
            if (!empty(state.getTerminated().getContainerID())) {
                return ended(container, image, state.getTerminated(), clientIp);
            }
            if (last != null && !empty(last.getContainerID())) {
                return ended(container, image, last, clientIp);
            }
            throw new LogRequest.Invalid(400, quoted + " is terminated");
        }
        if (last != null) {
            if (empty(last.getContainerID())) {
                throw new LogRequest.Invalid(400, quoted + " is terminated");
            }
            return ended(container, image, last, clientIp);
        }
        if (state.getWaiting() != null) {
            String reason = state.getWaiting().getReason() == null ? "" : state.getWaiting().getReason();
            String why = switch (reason) {
                case "ErrImagePull" -> "image can't be pulled";
                case "ImagePullBackOff" -> "trying and failing to pull image";
                default -> reason;
            };
            throw new LogRequest.Invalid(400, quoted + " is waiting to start: " + why);
        }
        throw new LogRequest.Invalid(400, quoted + " is waiting to start - no logs yet");
    }

    private static ContainerRun ended(String container, String image, ContainerStateTerminated t, String clientIp) {
        Instant started = time(t.getStartedAt());
        Instant finished = t.getFinishedAt() == null ? started : time(t.getFinishedAt());
        return new ContainerRun(container, image, t.getContainerID(), started, finished,
                t.getExitCode() == null ? 0 : t.getExitCode(), clientIp);
    }

    private static String specImage(Pod pod, String container) {
        List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
        all.addAll(pod.getSpec().getInitContainers());
        for (Container c : all) {
            if (container.equals(c.getName())) {
                return c.getImage() == null ? "" : c.getImage();
            }
        }
        for (EphemeralContainer c : pod.getSpec().getEphemeralContainers()) {
            if (container.equals(c.getName())) {
                return c.getImage() == null ? "" : c.getImage();
            }
        }
        return null;
    }

    private static ContainerStatus status(Pod pod, String container) {
        if (pod.getStatus() == null) {
            return null;
        }
        List<ContainerStatus> all = new ArrayList<>(pod.getStatus().getContainerStatuses());
        all.addAll(pod.getStatus().getInitContainerStatuses());
        all.addAll(pod.getStatus().getEphemeralContainerStatuses());
        return all.stream().filter(s -> container.equals(s.getName())).findFirst().orElse(null);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static Instant time(String t) {
        return t == null || t.isEmpty() ? Instant.EPOCH : Instant.parse(t);
    }
}
