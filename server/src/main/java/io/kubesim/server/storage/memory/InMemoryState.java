package io.kubesim.server.storage.memory;

import io.kubesim.server.storage.CompactedException;
import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.engine.BackendReads;
import io.kubesim.server.storage.engine.CommitBackend;
import io.kubesim.server.storage.engine.CommitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The objects, event log and revisions of an {@link InMemoryStorage}. A group commit takes the
 * write lock, so every read (taken under the read lock) sees whole groups and one consistent
 * revision, just as a RocksDB snapshot would.
 *
 * <p>Thread-safe: {@link #commit} and {@link #load} are called only by the storage-writer (the sole
 * mutator, so {@code load} needs no lock); the read methods from any thread.
 */
final class InMemoryState implements CommitBackend, BackendReads {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, StoredObject> objects = new TreeMap<>(new CodePointOrder());
    private final NavigableMap<Long, StorageEvent> log = new TreeMap<>();
    private long revision;
    private long compactedRevision;

    @Override
    public StoredObject load(String key) {
        return objects.get(key);
    }

    @Override
    public void commit(CommitGroup group) {
        lock.writeLock().lock();
        try {
            for (StorageEvent event : group.events()) {
                if (event.value() == null) {
                    objects.remove(event.key());
                } else {
                    objects.put(event.key(), event.value());
                }
                log.put(event.revision(), event);
            }
            if (group.compacts()) {
                log.headMap(group.compactedRevision(), true).clear();
            }
            revision = group.revision();
            compactedRevision = group.compactedRevision();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(objects.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public ListResult list(String prefix, String startAfterKey, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<String, StoredObject> range = objects.tailMap(prefix, true);
            if (startAfterKey != null && objects.comparator().compare(startAfterKey, prefix) >= 0) {
                range = objects.tailMap(startAfterKey, false);
            }
            List<StoredObject> items = new ArrayList<>();
            boolean more = false;
            for (Map.Entry<String, StoredObject> entry : range.entrySet()) {
                if (!entry.getKey().startsWith(prefix)) {
                    break;
                }
                if (limit > 0 && items.size() == limit) {
                    more = true;
                    break;
                }
                items.add(entry.getValue());
            }
            return new ListResult(List.copyOf(items), revision, more);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<StorageEvent> eventsAfter(long after, String prefix, int limit) {
        lock.readLock().lock();
        try {
            if (after < compactedRevision) {
                throw new CompactedException(after, compactedRevision);
            }
            List<StorageEvent> events = new ArrayList<>();
            for (StorageEvent event : log.tailMap(after, false).values()) {
                if (limit > 0 && events.size() == limit) {
                    break;
                }
                if (prefix == null || event.key().startsWith(prefix)) {
                    events.add(event);
                }
            }
            return List.copyOf(events);
        } finally {
            lock.readLock().unlock();
        }
    }
}
