package io.kubesim.server.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageListener;
import io.kubesim.server.storage.StoredObject;

/**
 * The watch caches of every resource type, fed from the storage's commit stream. Routes each
 * committed change to the cache of the resource that owns the key, then advances the global
 * revision, so a quiet resource's cache still reports the newest revision.
 *
 * <p>Thread-safe. {@link #onCommitted} is called by the storage in revision order.
 */
public final class WatchCache implements StorageListener {

    private static final Logger LOG = LoggerFactory.getLogger(WatchCache.class);
    private static final int PAGE = 10_000;

    private final Map<ResourceDescriptor, ResourceCache> caches = new LinkedHashMap<>();
    private final List<Map.Entry<String, ResourceCache>> byPrefix = new ArrayList<>();
    private volatile long revision;

    public WatchCache(Collection<ResourceDescriptor> descriptors, int historyCapacity) {
        Map<String, ResourceDescriptor> seen = new HashMap<>();
        for (ResourceDescriptor d : descriptors) {
            ResourceDescriptor other = seen.putIfAbsent(d.storagePrefix(), d);
            if (other != null) {
                throw new IllegalArgumentException(d.plural() + " and " + other.plural() + " share a storage prefix");
            }
            ResourceCache c = new ResourceCache(d, historyCapacity, () -> revision);
            caches.put(d, c);
            byPrefix.add(Map.entry(d.storagePrefix() + "/", c));
        }
    }

    /** The cache of {@code descriptor}. */
    public ResourceCache cache(ResourceDescriptor descriptor) {
        ResourceCache c = caches.get(descriptor);
        if (c == null) {
            throw new IllegalArgumentException("no cache for " + descriptor.plural());
        }
        return c;
    }

    public Collection<ResourceCache> all() {
        return caches.values();
    }

    /** The newest revision every cache has applied. */
    public long revision() {
        return revision;
    }

    /**
     * Loads every cache from {@code storage} and refills histories from its event log, then
     * subscribes to its commits. Must run before the server takes writes; blocks the calling
     * (startup) thread.
     */
    public void start(Storage storage, long retainedRevisions) throws InterruptedException, ExecutionException {
        storage.addListener(this);
        long current = storage.currentRevision();
        for (ResourceCache c : caches.values()) {
            List<StoredObject> items = new ArrayList<>();
            String after = null;
            long at = current;
            while (true) {
                ListResult page = storage.list(c.descriptor().storagePrefix() + "/", after, PAGE).get();
                items.addAll(page.items());
                at = page.revision();
                if (!page.more() || page.items().isEmpty()) {
                    break;
                }
                after = page.items().get(page.items().size() - 1).key();
            }
            c.load(items, at);
        }
        long from = Math.max(storage.compactedRevision(), current - retainedRevisions);
        from = Math.max(from, 0);
        Map<ResourceCache, List<StorageEvent>> perCache = new HashMap<>();
        long cursor = from;
        while (cursor < current) {
            List<StorageEvent> events = storage.eventsAfter(cursor, null, PAGE).get();
            if (events.isEmpty()) {
                break;
            }
            for (StorageEvent e : events) {
                ResourceCache c = cacheFor(e.key());
                if (c != null && e.revision() <= current) {
                    perCache.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
                }
            }
            cursor = events.get(events.size() - 1).revision();
        }
        for (ResourceCache c : caches.values()) {
            c.refillHistory(perCache.getOrDefault(c, List.of()), from);
        }
        revision = current;
        LOG.info("watch cache loaded at revision {} (history from {})", current, from);
    }

    @Override
    public void onCommitted(StorageEvent event) {
        ResourceCache c = cacheFor(event.key());
        if (c != null) {
            try {
                c.apply(event);
            } catch (RuntimeException e) {
                LOG.error("cannot apply {} at revision {} to the watch cache", event.key(), event.revision(), e);
            }
        }
        revision = event.revision();
    }

    private ResourceCache cacheFor(String key) {
        for (Map.Entry<String, ResourceCache> e : byPrefix) {
            if (key.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Ends every watch (shutdown). */
    public void closeAll() {
        caches.values().forEach(c -> c.closeAll("server shutting down"));
    }
}
