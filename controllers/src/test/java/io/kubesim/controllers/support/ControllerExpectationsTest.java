package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kubesim.controllers.testing.MutableClock;

class ControllerExpectationsTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final ControllerExpectations e = new ControllerExpectations(clock);

    @Test
    void unknownKeysAreSatisfied() {
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void creationsAreAwaitedUntilAllAreObserved() {
        e.expectCreations("ns/a", 2);
        e.creationObserved("ns/a");
        assertThat(e.satisfied("ns/a")).isFalse();
        e.creationObserved("ns/a");
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void eachExpectedDeletionCountsOnceAndUnexpectedOnesNotAtAll() {
        e.expectDeletions("ns/a", List.of("ns/p1", "ns/p2"));
        e.deletionObserved("ns/a", "ns/p1");
        e.deletionObserved("ns/a", "ns/p1");
        e.deletionObserved("ns/a", "ns/other");
        assertThat(e.pending("ns/a")).containsExactly(0, 1);
        e.deletionObserved("ns/a", "ns/p2");
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void expectationsExpire() {
        e.expectCreations("ns/a", 1);
        clock.advance(ControllerExpectations.TIMEOUT);
        assertThat(e.satisfied("ns/a")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(e.satisfied("ns/a")).isTrue();
    }

    @Test
    void deletingForgets() {
        e.expectCreations("ns/a", 1);
        e.delete("ns/a");
        assertThat(e.satisfied("ns/a")).isTrue();
    }
}
