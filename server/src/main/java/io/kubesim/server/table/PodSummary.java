package io.kubesim.server.table;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What {@code kubectl get pods} shows of a pod's state, derived exactly as kube-apiserver's pod
 * printer does: ready containers over all containers (sidecars, i.e. init containers with
 * {@code restartPolicy: Always}, count as containers), the STATUS reason and the restart count with
 * the time of the most recent restart.
 *
 * @param lastRestart when a container last terminated before being restarted; null if never
 */
record PodSummary(int ready, int total, String reason, long restarts, Instant lastRestart) {

    private static final String SCHEDULING_GATED = "SchedulingGated";
    private static final String NODE_LOST = "NodeLost";

    static PodSummary of(JsonNode pod) {
        JsonNode spec = Fields.at(pod, "spec");
        JsonNode status = Fields.at(pod, "status");
        String phase = Fields.text(status, "phase");
        Scan scan = new Scan(Fields.or(Fields.text(status, "reason"), phase));
        for (JsonNode c : Fields.items(status, "conditions")) {
            if (Fields.text(c, "type").equals("PodScheduled") && Fields.text(c, "reason").equals(SCHEDULING_GATED)) {
                scan.reason = SCHEDULING_GATED;
            }
        }

        int total = Fields.size(spec, "containers");
        for (JsonNode c : Fields.items(spec, "initContainers")) {
            if (isSidecar(c)) {
                total++;
            }
        }

        boolean initializing = scan.initContainers(spec, status);
        Counter counted = scan.all;
        if (!initializing || firstConditionTrue(status, "Initialized")) {
            // Once initialized, only sidecar restarts stay counted next to the app containers'.
            counted = scan.sidecars;
            scan.containers(status);
        }

        if (!Fields.text(pod, "metadata", "deletionTimestamp").isEmpty()) {
            if (Fields.text(status, "reason").equals(NODE_LOST)) {
                scan.reason = "Unknown";
            } else if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
                scan.reason = "Terminating";
            }
        }
        return new PodSummary(scan.ready, total, scan.reason, counted.restarts, counted.last);
    }

    /** The READY cell, e.g. {@code 1/2}. */
    String readyCell() {
        return ready + "/" + total;
    }

    /** The RESTARTS cell: {@code 0}, or {@code 2 (5m ago)} once a restart time is known. */
    String restartsCell(Instant now) {
        return restarts != 0 && lastRestart != null
                ? restarts + " (" + Ages.since(lastRestart, now) + " ago)"
                : Long.toString(restarts);
    }

    private static String initReason(JsonNode state, int index, int initCount) {
        if (Fields.present(state, "terminated")) {
            return terminatedReason(Fields.at(state, "terminated"), "Init:");
        }
        String waiting = Fields.text(state, "waiting", "reason");
        if (!waiting.isEmpty() && !waiting.equals("PodInitializing")) {
            return "Init:" + waiting;
        }
        return "Init:" + index + "/" + initCount;
    }

    private static String terminatedReason(JsonNode terminated, String prefix) {
        String reason = Fields.text(terminated, "reason");
        if (!reason.isEmpty()) {
            return prefix + reason;
        }
        long signal = Fields.integer(terminated, "signal");
        return signal != 0 ? prefix + "Signal:" + signal
                : prefix + "ExitCode:" + Fields.integer(terminated, "exitCode");
    }

    private static boolean isSidecar(JsonNode initContainer) {
        return initContainer != null && Fields.text(initContainer, "restartPolicy").equals("Always");
    }

    /** Whether the first condition of {@code type} is True (the printer stops at the first match). */
    private static boolean firstConditionTrue(JsonNode status, String type) {
        for (JsonNode c : Fields.items(status, "conditions")) {
            if (Fields.text(c, "type").equals(type)) {
                return isTrue(c);
            }
        }
        return false;
    }

    /** Whether any condition of {@code type} is True. */
    private static boolean anyConditionTrue(JsonNode status, String type) {
        return Fields.items(status, "conditions").stream()
                .anyMatch(c -> Fields.text(c, "type").equals(type) && isTrue(c));
    }

    private static boolean isTrue(JsonNode condition) {
        return Fields.text(condition, "status").equals("True");
    }

    /** The state of one walk over a pod's container statuses. */
    private static final class Scan {
        String reason;
        int ready;
        final Counter all = new Counter();
        final Counter sidecars = new Counter();

        Scan(String reason) {
            this.reason = reason;
        }

        /**
         * Walks init containers up to the first one that has not completed (sidecars count once
         * started); returns whether the pod is still initializing, with {@link #reason} set.
         */
        boolean initContainers(JsonNode spec, JsonNode status) {
            List<JsonNode> specs = Fields.items(spec, "initContainers");
            Map<String, JsonNode> byName = new HashMap<>();
            specs.forEach(c -> byName.put(Fields.text(c, "name"), c));
            List<JsonNode> statuses = Fields.items(status, "initContainerStatuses");
            for (int i = 0; i < statuses.size(); i++) {
                JsonNode cs = statuses.get(i);
                boolean sidecar = isSidecar(byName.get(Fields.text(cs, "name")));
                all.add(cs);
                if (sidecar) {
                    sidecars.add(cs);
                }
                JsonNode state = Fields.at(cs, "state");
                if (Fields.present(state, "terminated") && Fields.integer(state, "terminated", "exitCode") == 0) {
                    continue;
                }
                if (sidecar && Fields.bool(cs, "started")) {
                    if (Fields.bool(cs, "ready")) {
                        ready++;
                    }
                    continue;
                }
                reason = initReason(state, i, specs.size());
                return true;
            }
            return false;
        }

        /** Walks the app containers; the printer goes backwards so that the first container's reason wins. */
        void containers(JsonNode status) {
            boolean hasRunning = false;
            List<JsonNode> statuses = Fields.items(status, "containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode cs = statuses.get(i);
                sidecars.add(cs);
                JsonNode state = Fields.at(cs, "state");
                String waiting = Fields.text(state, "waiting", "reason");
                if (!waiting.isEmpty()) {
                    reason = waiting;
                } else if (Fields.present(state, "terminated")) {
                    reason = terminatedReason(Fields.at(state, "terminated"), "");
                } else if (Fields.bool(cs, "ready") && Fields.present(state, "running")) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = anyConditionTrue(status, "Ready") ? "Running" : "NotReady";
            }
        }
    }

    /** Restart count and latest {@code lastState.terminated.finishedAt} over some container statuses. */
    private static final class Counter {
        long restarts;
        Instant last;

        void add(JsonNode cs) {
            restarts += Fields.integer(cs, "restartCount");
            if (Fields.present(cs, "lastState", "terminated")) {
                Fields.time(cs, "lastState", "terminated", "finishedAt")
                        .filter(t -> last == null || last.isBefore(t))
                        .ifPresent(t -> last = t);
            }
        }
    }
}
