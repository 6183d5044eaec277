package io.kubesim.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class WorkQueueTest {

    @Test
    void aKeyAddedTwiceIsQueuedOnce() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        q.add("a");
        q.add("a");
        q.add("b");
        assertThat(q.length()).isEqualTo(2);
        assertThat(q.take()).isEqualTo("a");
        assertThat(q.take()).isEqualTo("b");
    }

    @Test
    void aKeyInFlightIsNotHandedOutAgainUntilDone() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        q.add("a");
        assertThat(q.take()).isEqualTo("a");
        q.add("a");
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(second).isNotDone();
        q.done("a");
        assertThat(second.get(2, TimeUnit.SECONDS)).isEqualTo("a");
    }

    @Test
    void delayedKeysBecomeReadyInDueOrder() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        long start = System.nanoTime();
        q.addAfter("late", Duration.ofMillis(120));
        q.addAfter("early", Duration.ofMillis(40));
        assertThat(q.take()).isEqualTo("early");
        assertThat(q.take()).isEqualTo("late");
        // The queue's clock counts whole milliseconds, so "due" may come up to 1 ms before 120 ms of nanoTime.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(119));
    }

    @Test
    void rateLimitedRetriesBackOffPerKeyUntilForgotten() {
        WorkQueue<String> q = new WorkQueue<>(java.time.Clock.systemUTC(), Duration.ofMillis(10),
                Duration.ofMillis(50));
        q.addRateLimited("a");
        q.addRateLimited("a");
        q.addRateLimited("a");
        assertThat(q.failures("a")).isEqualTo(3);
        q.forget("a");
        assertThat(q.failures("a")).isZero();
    }

    @Test
    void shutDownReleasesWaitingWorkers() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(20);
        q.shutDown();
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isNull();
    }
}
