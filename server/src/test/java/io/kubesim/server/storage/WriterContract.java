package io.kubesim.server.storage;

import static io.kubesim.server.storage.StorageTestSupport.TIMEOUT;
import static io.kubesim.server.storage.StorageTestSupport.assertClosedFailure;
import static io.kubesim.server.storage.StorageTestSupport.assertFailure;
import static io.kubesim.server.storage.StorageTestSupport.assertObject;
import static io.kubesim.server.storage.StorageTestSupport.failsWithClosed;
import static io.kubesim.server.storage.StorageTestSupport.join;
import static io.kubesim.server.storage.StorageTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of the writer: requests sharing a commit group, concurrent writers and closing.
 * Mixed into {@link StorageContractTest}; not run on its own.
 */
public interface WriterContract {

    /** The open store under test. */
    Storage storage();

    @Test
    default void encoderThatThrowsFailsOnlyItsOwnRequest() throws Exception {
        List<CompletableFuture<WriteResult>> writes = new ArrayList<>();
        WriterGate gate = WriterGate.hold(storage());
        try {
            writes.add(storage().create("/a", value("a")));
            writes.add(storage().create("/broken", revision -> {
                throw new IllegalStateException("cannot encode");
            }));
            writes.add(storage().create("/nulled", revision -> null));
            writes.add(storage().create("/b", value("b")));
        } finally {
            gate.release();
        }

        assertThat(join(writes.get(0)).revision()).isEqualTo(2);
        assertThatThrownBy(() -> join(writes.get(1)))
                .isInstanceOf(StorageException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertFailure(writes.get(2), StorageException.class);
        assertThat(join(writes.get(3)).revision()).isEqualTo(3);
        assertThat(join(storage().get("/broken"))).isEmpty();
        assertThat(storage().currentRevision()).isEqualTo(3);
    }

    @Test
    default void requestsInOneGroupSeeTheEffectsOfEarlierOnes() throws Exception {
        CompletableFuture<WriteResult> create;
        CompletableFuture<WriteResult> duplicate;
        CompletableFuture<WriteResult> update;
        CompletableFuture<WriteResult> staleUpdate;
        CompletableFuture<WriteResult> delete;
        CompletableFuture<WriteResult> recreate;
        WriterGate gate = WriterGate.hold(storage());
        try {
            create = storage().create("/k", value("v1"));
            duplicate = storage().create("/k", value("dup"));
            update = storage().update("/k", 2, value("v2"));
            staleUpdate = storage().update("/k", 2, value("stale"));
            delete = storage().delete("/k", 3);
            recreate = storage().create("/k", value("v3"));
        } finally {
            gate.release();
        }

        assertThat(join(create).revision()).isEqualTo(2);
        assertFailure(duplicate, KeyExistsException.class);
        assertObject(join(update).current(), "/k", "v2", 2, 3);
        assertFailure(staleUpdate, RevisionMismatchException.class);
        assertObject(join(delete).previous(), "/k", "v2", 2, 3);
        assertObject(join(recreate).current(), "/k", "v3", 5, 5);
        assertThat(storage().currentRevision()).isEqualTo(5);
    }

    // ---- concurrency -------------------------------------------------------------------------

    @Test
    default void concurrentWritersGetUniqueDenseRevisionsAndOrderedEvents() throws Exception {
        int threads = 8;
        int writesPerThread = 500;
        int total = threads * writesPerThread;
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        storage().addListener(event -> seen.add(event.revision()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    List<Long> revisions = new ArrayList<>();
                    for (int i = 0; i < writesPerThread; i++) {
                        String key = "/registry/load/t" + thread + "/" + i;
                        revisions.add(join(storage().create(key, value(key))).revision());
                    }
                    return revisions;
                }));
            }
            List<Long> acknowledged = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                List<Long> revisions = worker.get(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
                assertThat(revisions).as("one writer's revisions increase").isSorted();
                acknowledged.addAll(revisions);
            }

            assertThat(acknowledged).hasSize(total).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(storage().currentRevision()).isEqualTo(total);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(join(storage().list("/registry/load/", null, 0)).items()).hasSize(total);
        assertThat(join(storage().eventsAfter(0, null, 0))).extracting(StorageEvent::revision)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    }

    // ---- close -------------------------------------------------------------------------------

    @Test
    default void closeLetsTheGroupInProgressFinishAndFailsQueuedAndNewOperations() throws Exception {
        WriterGate gate = WriterGate.hold(storage());
        CompletableFuture<WriteResult> queued = storage().create("/queued", value("q"));
        Thread closer = new Thread(() -> storage().close(), "test-closer");
        closer.start();
        await().atMost(TIMEOUT).until(() -> failsWithClosed(storage().get("/any")));

        gate.release();
        closer.join(TIMEOUT.toMillis());

        assertThat(closer.isAlive()).isFalse();
        assertThat(gate.held()).succeedsWithin(TIMEOUT);
        assertClosedFailure(queued);
        assertClosedFailure(storage().create("/new", value("n")));
        assertClosedFailure(storage().update("/queued", 1, value("n")));
        assertClosedFailure(storage().delete("/held", 0));
        assertClosedFailure(storage().compact(0));
        assertClosedFailure(storage().get("/held"));
        assertClosedFailure(storage().list("/", null, 0));
        assertClosedFailure(storage().eventsAfter(0, null, 0));
        storage().close();
    }

    @Test
    default void closeOnTheWriterThreadIsRejectedInsteadOfDeadlocking() {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        storage().addListener(event -> {
            try {
                storage().close();
            } catch (IllegalStateException e) {
                failures.add(e);
            }
        });

        assertThat(join(storage().create("/k", value("v"))).revision()).isEqualTo(1);
        assertThat(failures).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("close() must not be called on a storage thread");
        assertThat(join(storage().get("/k"))).isPresent();
    }
}
