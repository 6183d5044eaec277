package io.kubesim.controllers.namespace;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one deletion pass left in a namespace. Immutable.
 *
 * @param remainingByResource {@code resource.group} (e.g. {@code pods.}, {@code deployments.apps}) → objects left
 * @param remainingByFinalizer finalizer → objects left that carry it
 * @param failures             one message per resource type whose deletion failed
 * @param estimateSeconds      how long the remaining content is expected to take to go
 */
record ContentReport(SortedMap<String, Integer> remainingByResource, SortedMap<String, Integer> remainingByFinalizer,
                     List<String> failures, long estimateSeconds) {

    ContentReport {
        remainingByResource = new TreeMap<>(remainingByResource);
        remainingByFinalizer = new TreeMap<>(remainingByFinalizer);
        failures = List.copyOf(failures);
    }

    boolean empty() {
        return remainingByResource.values().stream().allMatch(n -> n == 0) && failures.isEmpty();
    }

    static ContentReport of(Map<String, Integer> byResource, Map<String, Integer> byFinalizer, List<String> failures,
                            long estimateSeconds) {
        return new ContentReport(new TreeMap<>(byResource), new TreeMap<>(byFinalizer), failures, estimateSeconds);
    }
}
