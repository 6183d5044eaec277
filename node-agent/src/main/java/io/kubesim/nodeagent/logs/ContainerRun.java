package io.kubesim.nodeagent.logs;

import java.time.Instant;

/**
 * One run of a container whose log is served: what ran, from when, until when. Immutable.
 *
 * @param container   the container name
 * @param image       the image
 * @param containerId the runtime's ID of this run
 * @param startedAt   when it started
 * @param finishedAt  when it ended, or null while it runs
 * @param exitCode    its exit code once ended
 * @param clientIp    the address its simulated clients (probes) come from
 */
public record ContainerRun(String container, String image, String containerId, Instant startedAt, Instant finishedAt,
                           int exitCode, String clientIp) {

    public boolean running() {
        return finishedAt == null;
    }
}
