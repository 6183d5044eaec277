package io.kubesim.server.storage;

import static io.kubesim.server.storage.StorageTestSupport.join;
import static io.kubesim.server.storage.StorageTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kubesim.server.metrics.ApiMetrics;
import io.kubesim.server.storage.memory.InMemoryStorage;
import io.micrometer.core.instrument.Timer;

class MeteredStorageTest {

    private final ApiMetrics metrics = new ApiMetrics();
    private final MeteredStorage storage = new MeteredStorage(new InMemoryStorage(), metrics);

    @AfterEach
    void close() {
        storage.close();
        metrics.close();
    }

    private long count(String op) {
        Timer timer = metrics.registry().find("storage.operation.duration").tag("op", op).timer();
        assertThat(timer).as("timer for %s", op).isNotNull();
        return timer.count();
    }

    @Test
    void timesEveryOperationUntilItsFutureCompletes() {
        WriteResult created = join(storage.create("/registry/things/a", value("a")));
        join(storage.get("/registry/things/a"));
        join(storage.list("/registry/things/", null, 0));
        join(storage.update("/registry/things/a", created.revision(), value("b")));
        join(storage.eventsAfter(0, null, 0));
        join(storage.delete("/registry/things/a", 0));
        join(storage.compact(1));
        for (String op : List.of("create", "get", "list", "update", "events", "delete", "compact")) {
            assertThat(count(op)).as(op).isEqualTo(1);
        }
        assertThat(metrics.scrape()).contains("storage_operation_duration_seconds_bucket{op=\"create\"");
    }

    @Test
    void failuresAreTimedAndPassedThroughUnchanged() {
        join(storage.create("/registry/things/a", value("a")));
        assertThatThrownBy(() -> join(storage.create("/registry/things/a", value("again"))))
                .isInstanceOf(KeyExistsException.class);
        assertThat(count("create")).isEqualTo(2);
    }

    @Test
    void revisionsAndListenersAreTheDelegates() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        storage.addListener(e -> seen.add(e.revision()));
        long revision = join(storage.create("/registry/things/a", value("a"))).revision();
        assertThat(seen).containsExactly(revision);
        assertThat(storage.currentRevision()).isEqualTo(revision);
        assertThat(storage.compactedRevision()).isZero();
    }
}
