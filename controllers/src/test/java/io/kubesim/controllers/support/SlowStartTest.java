package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SlowStartTest {

    @Test
    void runsEverythingWhenAllSucceed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SlowStart.Outcome o = SlowStart.run(100, 1, 500, pool, calls::incrementAndGet);
            assertThat(o.successes()).isEqualTo(100);
            assertThat(o.error()).isNull();
            assertThat(calls.get()).isEqualTo(100);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void stopsAfterTheBatchWithTheFirstFailure() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SlowStart.Outcome o = SlowStart.run(20, 1, 500, Runnable::run, () -> {
            if (calls.incrementAndGet() == 5) {
                throw new IllegalStateException("quota");
            }
            return null;
        });
        // batches 1, 2, 4: the fifth call is in the third batch, which still completes
        assertThat(calls.get()).isEqualTo(7);
        assertThat(o.successes()).isEqualTo(6);
        assertThat(o.error()).hasMessage("quota");
    }

    @Test
    void batchesAreCappedAtTheMaximum() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SlowStart.Outcome o = SlowStart.run(10, 4, 3, Runnable::run, calls::incrementAndGet);
        assertThat(o.successes()).isEqualTo(10);
    }
}
