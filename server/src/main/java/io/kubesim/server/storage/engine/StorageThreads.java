package io.kubesim.server.storage.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the named daemon threads of one storage instance ({@code storage-reader-1}, ...). Daemon,
 * because an unclosed store must not keep the JVM alive: acknowledged writes are already durable.
 * Thread-safe.
 */
final class StorageThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<Thread> created = ConcurrentHashMap.newKeySet();

    StorageThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        created.add(thread);
        return thread;
    }

    /** Whether the calling thread is one of this factory's threads. */
    boolean ownsCurrentThread() {
        return created.contains(Thread.currentThread());
    }
}
