package io.kubesim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Values, bounded waits and assertions shared by the storage tests. */
public final class StorageTestSupport {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private StorageTestSupport() {
    }

    /** An encoder producing {@code {"v":"<name>","rv":<revision>}}. */
    public static ValueEncoder value(String name) {
        return revision -> encoded(name, revision);
    }

    public static byte[] encoded(String name, long revision) {
        return ("{\"v\":\"" + name + "\",\"rv\":" + revision + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The future's value, or its failure rethrown unwrapped (a {@link RuntimeException} such as a
     * {@link StorageException}); waits at most {@link #TIMEOUT}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("storage future did not complete within " + TIMEOUT, e);
        }
    }

    /** Asserts that {@code object} is {@code value(name)} stored at {@code key} with these revisions. */
    public static void assertObject(StoredObject object, String key, String name, long createRevision,
                                    long modRevision) {
        assertThat(object).isNotNull();
        assertThat(object.key()).isEqualTo(key);
        assertThat(object.createRevision()).as("createRevision").isEqualTo(createRevision);
        assertThat(object.modRevision()).as("modRevision").isEqualTo(modRevision);
        assertThat(object.value()).asString(StandardCharsets.UTF_8)
                .isEqualTo(new String(encoded(name, modRevision), StandardCharsets.UTF_8));
    }

    public static List<String> keys(List<StoredObject> objects) {
        return objects.stream().map(StoredObject::key).toList();
    }

    public static void assertFailure(CompletableFuture<?> future, Class<? extends Throwable> type) {
        assertThat(future).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class).withCauseInstanceOf(type);
    }

    /** Asserts that {@code future} fails with exactly {@code StorageException("storage closed")}. */
    public static void assertClosedFailure(CompletableFuture<?> future) {
        assertThat(future).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isExactlyInstanceOf(StorageException.class).withMessage("storage closed");
    }

    public static boolean failsWithClosed(CompletableFuture<?> future) throws Exception {
        return future.handle((result, error) -> error != null && "storage closed".equals(error.getMessage()))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
