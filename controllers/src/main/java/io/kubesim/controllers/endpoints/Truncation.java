package io.kubesim.controllers.endpoints;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;

/**
 * Keeps an Endpoints object within {@link #MAX_CAPACITY} addresses, as upstream does: ready
 * addresses win over not-ready ones, and each subset keeps its share. Stateless.
 */
final class Truncation {

    static final int MAX_CAPACITY = 1000;

    private Truncation() {
    }

    /** {@code subsets} cut to capacity, or null when they fit. */
    static List<EndpointSubset> truncate(List<EndpointSubset> subsets) {
        int ready = 0;
        int notReady = 0;
        for (EndpointSubset s : subsets) {
            ready += size(s.getAddresses());
            notReady += size(s.getNotReadyAddresses());
        }
        if (ready + notReady <= MAX_CAPACITY) {
            return null;
        }
        boolean cutReady = ready > MAX_CAPACITY;
        int max = cutReady ? MAX_CAPACITY : MAX_CAPACITY - ready;
        int total = cutReady ? ready : notReady;
        int room = max;
        List<EndpointSubset> out = new ArrayList<>();
        for (EndpointSubset s : subsets) {
            List<EndpointAddress> pool = cutReady ? s.getAddresses() : s.getNotReadyAddresses();
            int share = (int) Math.ceil((double) size(pool) / total * max);
            int keep = Math.min(Math.min(share, room), size(pool));
            List<EndpointAddress> kept = pool == null ? null : new ArrayList<>(pool.subList(0, keep));
            room -= keep;
            EndpointSubsetBuilder b = new EndpointSubsetBuilder(s);
            if (cutReady) {
                b.withAddresses(kept).withNotReadyAddresses((List<EndpointAddress>) null);
            } else {
                b.withNotReadyAddresses(kept);
            }
            out.add(b.build());
        }
        return out;
    }

    private static int size(List<?> l) {
        return l == null ? 0 : l.size();
    }
}
