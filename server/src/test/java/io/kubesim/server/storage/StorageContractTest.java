package io.kubesim.server.storage;

import static io.kubesim.server.storage.StorageTestSupport.assertFailure;
import static io.kubesim.server.storage.StorageTestSupport.assertObject;
import static io.kubesim.server.storage.StorageTestSupport.join;
import static io.kubesim.server.storage.StorageTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} must show: single-key writes and reads here, the rest in the
 * mixed-in {@link ListContract}, {@link HistoryContract} and {@link WriterContract}. A subclass only
 * says how to open an empty store; each test gets a fresh one, closed afterwards.
 */
public abstract class StorageContractTest implements ListContract, HistoryContract, WriterContract {
    protected Storage storage;

    /** Opens a new, empty store. */
    protected abstract Storage openEmpty() throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = openEmpty();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Override
    public Storage storage() {
        return storage;
    }

    // ---- create / get ------------------------------------------------------------------------

    @Test
    void createThenGetReturnsTheStoredObject() {
        WriteResult created = join(storage.create("/registry/pods/ns/a", value("a")));

        assertThat(created.revision()).isEqualTo(1);
        assertThat(created.previous()).isNull();
        assertObject(created.current(), "/registry/pods/ns/a", "a", 1, 1);
        assertObject(join(storage.get("/registry/pods/ns/a")).orElseThrow(), "/registry/pods/ns/a", "a", 1, 1);
        assertThat(storage.currentRevision()).isEqualTo(1);
    }

    @Test
    void emptyStoreIsAtRevisionZeroAndGetOfMissingKeyIsEmpty() {
        assertThat(storage.currentRevision()).isZero();
        assertThat(storage.compactedRevision()).isZero();
        assertThat(join(storage.get("/registry/pods/ns/missing"))).isEmpty();
    }

    @Test
    void createOfExistingKeyFailsWithKeyExists() {
        join(storage.create("/k", value("one")));

        assertFailure(storage.create("/k", value("two")), KeyExistsException.class);
        assertObject(join(storage.get("/k")).orElseThrow(), "/k", "one", 1, 1);
        assertThat(storage.currentRevision()).isEqualTo(1);
    }

    // ---- update ------------------------------------------------------------------------------

    @Test
    void updateWithCurrentRevisionReplacesValueAndKeepsCreateRevision() {
        join(storage.create("/other", value("x")));
        WriteResult created = join(storage.create("/k", value("v1")));

        WriteResult updated = join(storage.update("/k", created.revision(), value("v2")));

        assertThat(updated.revision()).isEqualTo(3);
        assertObject(updated.current(), "/k", "v2", 2, 3);
        assertObject(updated.previous(), "/k", "v1", 2, 2);
        assertObject(join(storage.get("/k")).orElseThrow(), "/k", "v2", 2, 3);
    }

    @Test
    void updateWithStaleRevisionFailsWithRevisionMismatch() {
        WriteResult created = join(storage.create("/k", value("v1")));
        join(storage.update("/k", created.revision(), value("v2")));

        assertFailure(storage.update("/k", created.revision(), value("v3")), RevisionMismatchException.class);
        assertObject(join(storage.get("/k")).orElseThrow(), "/k", "v2", 1, 2);
    }

    @Test
    void updateOfMissingKeyFailsWithKeyNotFound() {
        assertFailure(storage.update("/missing", 1, value("v")), KeyNotFoundException.class);
        assertThat(storage.currentRevision()).isZero();
    }

    // ---- delete ------------------------------------------------------------------------------

    @Test
    void deleteWithZeroIsUnconditionalAndReturnsThePreviousValue() {
        join(storage.create("/k", value("v1")));
        join(storage.update("/k", 1, value("v2")));

        WriteResult deleted = join(storage.delete("/k", 0));

        assertThat(deleted.revision()).isEqualTo(3);
        assertThat(deleted.current()).isNull();
        assertObject(deleted.previous(), "/k", "v2", 1, 2);
        assertThat(join(storage.get("/k"))).isEmpty();
    }

    @Test
    void deleteWithRevisionChecksIt() {
        WriteResult created = join(storage.create("/k", value("v1")));
        join(storage.update("/k", created.revision(), value("v2")));

        assertFailure(storage.delete("/k", created.revision()), RevisionMismatchException.class);
        assertThat(join(storage.get("/k"))).isPresent();

        WriteResult deleted = join(storage.delete("/k", 2));
        assertThat(deleted.revision()).isEqualTo(3);
        assertThat(join(storage.get("/k"))).isEmpty();
    }

    @Test
    void deleteOfMissingKeyFailsWithKeyNotFound() {
        assertFailure(storage.delete("/missing", 0), KeyNotFoundException.class);
        assertFailure(storage.delete("/missing", 7), KeyNotFoundException.class);
    }

    @Test
    void keyCanBeCreatedAgainAfterDeleteWithANewCreateRevision() {
        join(storage.create("/k", value("v1")));
        join(storage.delete("/k", 0));

        WriteResult recreated = join(storage.create("/k", value("v2")));

        assertObject(recreated.current(), "/k", "v2", 3, 3);
    }

    // ---- revisions and encoders --------------------------------------------------------------

    @Test
    void revisionsAreDenseAndMonotonicAcrossKeysAndFailedWritesConsumeNone() {
        List<Long> revisions = new ArrayList<>();
        revisions.add(join(storage.create("/a", value("a"))).revision());
        assertFailure(storage.create("/a", value("again")), KeyExistsException.class);
        revisions.add(join(storage.create("/b", value("b"))).revision());
        assertFailure(storage.update("/a", 99, value("stale")), RevisionMismatchException.class);
        revisions.add(join(storage.update("/a", 1, value("a2"))).revision());
        assertFailure(storage.delete("/c", 0), KeyNotFoundException.class);
        revisions.add(join(storage.delete("/b", 2)).revision());

        assertThat(revisions).containsExactly(1L, 2L, 3L, 4L);
        assertThat(storage.currentRevision()).isEqualTo(4);
    }

    @Test
    void storedBytesAreWhatTheEncoderReturnedForTheCommittedRevision() {
        join(storage.create("/first", value("first")));
        List<Long> encoderCalls = new CopyOnWriteArrayList<>();
        ValueEncoder encoder = revision -> {
            encoderCalls.add(revision);
            return ("{\"resourceVersion\":\"" + revision + "\"}").getBytes(StandardCharsets.UTF_8);
        };

        WriteResult result = join(storage.create("/second", encoder));

        assertThat(encoderCalls).containsExactly(2L);
        assertThat(result.current().value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"resourceVersion\":\"2\"}");
        assertThat(join(storage.get("/second")).orElseThrow().value())
                .asString(StandardCharsets.UTF_8).isEqualTo("{\"resourceVersion\":\"2\"}");
    }
}
