package io.kubesim.controllers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Runs a call {@code count} times in batches that start small and double after each fully
 * successful batch (1, 2, 4, … up to {@code maxBatch}), the calls of a batch running concurrently
 * on an executor. The first failing batch stops the run, so an error that would hit every call
 * (quota, a terminating namespace) costs few requests and few events — Kubernetes'
 * {@code slowStartBatch}. Stateless; the caller's thread waits for each batch.
 */
public final class SlowStart {

    /** How far a run got: successful calls and the first error (null if all succeeded). */
    public record Outcome(int successes, Exception error) {
    }

    private SlowStart() {
    }

    public static <T> Outcome run(int count, int initialBatch, int maxBatch, Executor executor, Callable<T> call)
            throws InterruptedException {
        int remaining = count;
        int successes = 0;
        for (int batch = Math.min(remaining, initialBatch); batch > 0;
             batch = Math.min(Math.min(2 * batch, remaining), maxBatch)) {
            List<FutureTask<T>> tasks = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                FutureTask<T> task = new FutureTask<>(call);
                tasks.add(task);
                executor.execute(task);
            }
            Exception first = null;
            for (FutureTask<T> task : tasks) {
                try {
                    task.get();
                    successes++;
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                return new Outcome(successes, first);
            }
            remaining -= batch;
        }
        return new Outcome(successes, null);
    }
}
