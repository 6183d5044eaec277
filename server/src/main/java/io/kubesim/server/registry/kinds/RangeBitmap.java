package io.kubesim.server.registry.kinds;

import java.util.HashMap;
import java.util.Map;

/**
 * Owned slots of a range of {@code size} with next-fit allocation. Like upstream's allocators,
 * dynamic allocation prefers the slots above a small "static band" at the bottom of the range, so
 * that well-known addresses reserved explicitly (the API server's service, cluster DNS) rarely
 * collide with generated ones. Not thread-safe; callers synchronize.
 */
final class RangeBitmap {

    private final int size;
    private final int band;
    private final Map<Integer, String> owners = new HashMap<>();
    private int cursor;

    RangeBitmap(int size, int band) {
        this.size = size;
        this.band = Math.min(band, size);
        this.cursor = this.band;
    }

    /** Takes the next free slot for {@code owner} (upper part first, then the band); -1 when full. */
    int next(String owner) {
        int upper = size - band;
        for (int i = 0; i < upper; i++) {
            int slot = band + Math.floorMod(cursor - band + i, upper);
            if (!owners.containsKey(slot)) {
                owners.put(slot, owner);
                cursor = slot + 1 >= size ? band : slot + 1;
                return slot;
            }
        }
        for (int slot = 0; slot < band; slot++) {
            if (!owners.containsKey(slot)) {
                owners.put(slot, owner);
                return slot;
            }
        }
        return -1;
    }

    /** Takes {@code slot} for {@code owner}; false when another owner has it. */
    boolean take(int slot, String owner) {
        String current = owners.putIfAbsent(slot, owner);
        return current == null || current.equals(owner);
    }

    /** Frees {@code slot} when {@code owner} holds it. */
    void free(int slot, String owner) {
        owners.remove(slot, owner);
    }

    boolean isTaken(int slot) {
        return owners.containsKey(slot);
    }

    /** Upstream's static band size: a {@code divisor}-th of the range, at least 16 and at most {@code max}. */
    static int band(int size, int divisor, int max) {
        return Math.min(Math.max(16, size / divisor), max);
    }
}
