package io.kubesim.server.registry.kinds;

/**
 * A {@link NodePortAllocator} over a port range held in memory. Thread-safe (all methods
 * synchronize on the instance).
 */
public final class InMemoryNodePortAllocator implements NodePortAllocator {

    public static final int DEFAULT_FIRST = 30000;
    public static final int DEFAULT_LAST = 32767;

    private final int first;
    private final int last;
    private final RangeBitmap bitmap;

    public InMemoryNodePortAllocator() {
        this(DEFAULT_FIRST, DEFAULT_LAST);
    }

    public InMemoryNodePortAllocator(int first, int last) {
        if (first < 1 || last > 65535 || last < first) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
        this.first = first;
        this.last = last;
        int size = last - first + 1;
        this.bitmap = new RangeBitmap(size, RangeBitmap.band(size, 32, 128));
    }

    @Override
    public String range() {
        return first + "-" + last;
    }

    @Override
    public synchronized int allocateNext(String owner) {
        int slot = bitmap.next(owner);
        if (slot < 0) {
            throw new AllocationException(AllocationException.Kind.FULL, "range is full");
        }
        return first + slot;
    }

    @Override
    public synchronized void allocate(int port, String owner) {
        if (port < first || port > last) {
            throw new AllocationException(AllocationException.Kind.NOT_IN_RANGE,
                    "provided port is not in the valid range. The range of valid ports is " + range());
        }
        if (!bitmap.take(port - first, owner)) {
            throw new AllocationException(AllocationException.Kind.ALREADY_ALLOCATED, "provided port is already allocated");
        }
    }

    @Override
    public synchronized void release(int port, String owner) {
        if (port >= first && port <= last) {
            bitmap.free(port - first, owner);
        }
    }

    @Override
    public synchronized boolean isAllocated(int port) {
        return port >= first && port <= last && bitmap.isTaken(port - first);
    }
}
