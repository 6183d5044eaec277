package io.kubesim.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * Follows the pods with one label in one namespace, from a list and a watch resumed at the list's resource version,
 * so that every state the server went through is seen in order, and remembers the fewest available pods (Ready and
 * not terminating) at any point since it started, and which pods went away. Close to stop
 * watching. Thread-safe: the watch thread updates the state under the monitor.
 */
final class PodAvailability implements Watcher<Pod>, AutoCloseable {

    private final Map<String, Pod> pods = new HashMap<>();
    private final List<Integer> history = new ArrayList<>();
    private final Set<String> deleted = new LinkedHashSet<>();
    private int fewest;
    private WatcherException failure;
    private Watch watch;

    private PodAvailability() {
    }

    static PodAvailability follow(KubernetesClient client, String namespace, String label, String value) {
        PodAvailability tracker = new PodAvailability();
        var list = client.pods().inNamespace(namespace).withLabel(label, value).list();
        synchronized (tracker) {
            list.getItems().forEach(p -> tracker.pods.put(p.getMetadata().getName(), p));
            tracker.fewest = tracker.available();
            tracker.history.add(tracker.fewest);
            tracker.watch = client.pods().inNamespace(namespace).withLabel(label, value).watch(
                    new ListOptionsBuilder().withResourceVersion(list.getMetadata().getResourceVersion()).build(),
                    tracker);
        }
        return tracker;
    }

    @Override
    public synchronized void eventReceived(Action action, Pod pod) {
        switch (action) {
            case ADDED, MODIFIED -> pods.put(pod.getMetadata().getName(), pod);
            case DELETED -> {
                pods.remove(pod.getMetadata().getName());
                deleted.add(pod.getMetadata().getName());
            }
            default -> {
                return;
            }
        }
        int now = available();
        history.add(now);
        fewest = Math.min(fewest, now);
    }

    @Override
    public synchronized void onClose(WatcherException cause) {
        failure = cause;
    }

    /** The fewest available pods seen so far. */
    synchronized int fewestAvailable() {
        return fewest;
    }

    /** The available-pod count after the list and after each watch event, in order. */
    synchronized List<Integer> history() {
        return List.copyOf(history);
    }

    /** The pods whose deletion was seen. */
    synchronized Set<String> deleted() {
        return Set.copyOf(deleted);
    }

    /** Why the watch ended early, or null while it runs (a gap would make the record incomplete). */
    synchronized WatcherException failure() {
        return failure;
    }

    private int available() {
        return (int) pods.values().stream().filter(PodAvailability::isAvailable).count();
    }

    private static boolean isAvailable(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void close() {
        Watch w;
        synchronized (this) {
            w = watch;
        }
        if (w != null) {
            w.close();
        }
    }
}
