package io.kubesim.controllers.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for a controller's concurrent API calls (pod creations and deletions). Stateless. */
public final class WorkerPools {

    private WorkerPools() {
    }

    /**
     * A pool of up to {@code threads} daemon threads named {@code name-N}, with an unbounded queue;
     * idle threads exit, so a stopped controller leaves nothing running.
     */
    public static ExecutorService create(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
