package io.kubesim.controllers.gc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@link OwnerLookup} by a live GET. Uids found absent are remembered (a uid never comes back), so
 * a thousand pods of one deleted ReplicaSet cost one request, as upstream's absent-owner cache.
 * Thread-safe.
 */
final class Fabric8OwnerLookup implements OwnerLookup {

    private static final int REMEMBERED = 10_000;

    private final KubernetesClient client;
    private final Set<String> absent = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    Fabric8OwnerLookup(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Presence check(ObjectRef owner) {
        synchronized (absent) {
            if (absent.contains(owner.uid())) {
                return Presence.ABSENT;
            }
        }
        var resources = client.resources(owner.kind().type());
        HasMetadata live = owner.namespace() == null ? resources.withName(owner.name()).get()
                : resources.inNamespace(owner.namespace()).withName(owner.name()).get();
        if (live != null && owner.uid().equals(live.getMetadata().getUid())) {
            return Presence.PRESENT;
        }
        synchronized (absent) {
            absent.add(owner.uid());
        }
        return Presence.ABSENT;
    }
}
