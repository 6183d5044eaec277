package io.kubesim.server.storage;

/**
 * Produces the bytes to store for a write, given the revision the write is committed at. Called at
 * most once per attempt, on the storage's writer thread, so it must be quick and side-effect free.
 */
@FunctionalInterface
public interface ValueEncoder {
    byte[] encode(long revision);
}
