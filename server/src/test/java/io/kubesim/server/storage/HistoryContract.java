package io.kubesim.server.storage;

import static io.kubesim.server.storage.StorageTestSupport.TIMEOUT;
import static io.kubesim.server.storage.StorageTestSupport.assertFailure;
import static io.kubesim.server.storage.StorageTestSupport.assertObject;
import static io.kubesim.server.storage.StorageTestSupport.join;
import static io.kubesim.server.storage.StorageTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of the event history ({@link Storage#eventsAfter}, {@link Storage#compact}) and
 * of listeners.
 * Mixed into {@link StorageContractTest}; not run on its own.
 */
public interface HistoryContract {

    /** The open store under test. */
    Storage storage();

    @Test
    default void eventsAfterReturnsCommittedMutationsWithValueAndPrevious() {
        join(storage().create("/registry/pods/ns/a", value("a1")));
        join(storage().create("/registry/svc/ns/a", value("s1")));
        join(storage().update("/registry/pods/ns/a", 1, value("a2")));
        join(storage().delete("/registry/pods/ns/a", 0));

        List<StorageEvent> all = join(storage().eventsAfter(0, null, 0));
        assertThat(all).extracting(StorageEvent::revision).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all).extracting(StorageEvent::type).containsExactly(
                StorageEvent.Type.CREATE, StorageEvent.Type.CREATE, StorageEvent.Type.UPDATE, StorageEvent.Type.DELETE);
        assertObject(all.get(0).value(), "/registry/pods/ns/a", "a1", 1, 1);
        assertThat(all.get(0).previous()).isNull();
        assertObject(all.get(2).value(), "/registry/pods/ns/a", "a2", 1, 3);
        assertObject(all.get(2).previous(), "/registry/pods/ns/a", "a1", 1, 1);
        assertThat(all.get(3).value()).isNull();
        assertObject(all.get(3).previous(), "/registry/pods/ns/a", "a2", 1, 3);

        assertThat(join(storage().eventsAfter(0, "/registry/pods/", 0)))
                .extracting(StorageEvent::revision).containsExactly(1L, 3L, 4L);
        assertThat(join(storage().eventsAfter(1, "/registry/pods/", 1)))
                .extracting(StorageEvent::revision).containsExactly(3L);
        assertThat(join(storage().eventsAfter(2, null, 0)))
                .extracting(StorageEvent::revision).containsExactly(3L, 4L);
        assertThat(join(storage().eventsAfter(4, null, 0))).isEmpty();
        assertThat(join(storage().eventsAfter(0, "/registry/nothing/", 0))).isEmpty();
    }

    @Test
    default void compactionDiscardsHistoryButNotObjects() {
        for (int i = 1; i <= 5; i++) {
            join(storage().create("/k" + i, value("v" + i)));
        }

        join(storage().compact(3));

        assertThat(storage().compactedRevision()).isEqualTo(3);
        assertThat(join(storage().eventsAfter(3, null, 0))).extracting(StorageEvent::revision).containsExactly(4L, 5L);
        assertThatThrownBy(() -> join(storage().eventsAfter(2, null, 0)))
                .isInstanceOfSatisfying(CompactedException.class, e -> {
                    assertThat(e.requested()).isEqualTo(2);
                    assertThat(e.compacted()).isEqualTo(3);
                });
        assertThat(join(storage().list("/", null, 0)).items()).hasSize(5);

        join(storage().compact(2));
        assertThat(storage().compactedRevision()).as("compacting below is a no-op").isEqualTo(3);
        assertFailure(storage().compact(6), StorageException.class);
        assertThat(storage().compactedRevision()).isEqualTo(3);

        assertThat(join(storage().create("/k6", value("v6"))).revision()).isEqualTo(6);
        join(storage().compact(6));
        assertThat(join(storage().eventsAfter(6, null, 0))).isEmpty();
        assertFailure(storage().eventsAfter(5, null, 0), CompactedException.class);
    }

    @Test
    default void listenersSeeEveryEventInOrderBeforeTheWriteCompletes() {
        List<StorageEvent> seen = new CopyOnWriteArrayList<>();
        storage().addListener(seen::add);
        List<Boolean> seenBeforeCompletion = new CopyOnWriteArrayList<>();
        List<CompletableFuture<WriteResult>> writes = new ArrayList<>();

        writes.add(storage().create("/a", value("a1")));
        writes.add(storage().update("/a", 1, value("a2")));
        writes.add(storage().create("/b", value("b1")));
        writes.add(storage().delete("/a", 0));
        for (CompletableFuture<WriteResult> write : writes) {
            write.thenAccept(result -> seenBeforeCompletion.add(
                    seen.stream().anyMatch(event -> event.revision() == result.revision())));
        }
        writes.forEach(StorageTestSupport::join);

        assertThat(seen).extracting(StorageEvent::revision).containsExactly(1L, 2L, 3L, 4L);
        assertObject(seen.get(1).value(), "/a", "a2", 1, 2);
        assertObject(seen.get(1).previous(), "/a", "a1", 1, 1);
        assertObject(seen.get(3).previous(), "/a", "a2", 1, 2);
        assertThat(seen.get(3).value()).isNull();
        await().atMost(TIMEOUT).until(() -> seenBeforeCompletion.size() == 4);
        assertThat(seenBeforeCompletion).containsOnly(true);
    }

    @Test
    default void currentRevisionNeverRunsAheadOfTheListeners() {
        List<Long> lagging = new CopyOnWriteArrayList<>();
        storage().addListener(event -> {
            if (storage().currentRevision() >= event.revision()) {
                lagging.add(event.revision());
            }
        });

        for (int i = 0; i < 20; i++) {
            join(storage().create("/k" + i, value("v")));
        }

        assertThat(lagging).isEmpty();
        assertThat(storage().currentRevision()).isEqualTo(20);
    }

    @Test
    default void aFailingListenerDoesNotStopTheWriterOrOtherListeners() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        storage().addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        storage().addListener(event -> seen.add(event.revision()));

        join(storage().create("/a", value("a")));
        join(storage().create("/b", value("b")));

        assertThat(seen).containsExactly(1L, 2L);
    }
}
