package io.kubesim.server.storage.rocksdb;

import static io.kubesim.server.storage.StorageTestSupport.assertObject;
import static io.kubesim.server.storage.StorageTestSupport.join;
import static io.kubesim.server.storage.StorageTestSupport.keys;
import static io.kubesim.server.storage.StorageTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.server.storage.CompactedException;
import io.kubesim.server.storage.ListResult;
import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StorageContractTest;
import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStorageTest extends StorageContractTest {

    @TempDir
    Path dir;

    @Override
    protected Storage openEmpty() {
        return RocksDbStorage.open(dir.resolve("contract"));
    }

    @Test
    void everythingSurvivesARestartAndRevisionsContinue() {
        Path data = dir.resolve("restart");
        try (RocksDbStorage first = RocksDbStorage.open(data)) {
            join(first.create("/registry/pods/ns/a", value("a1")));
            join(first.create("/registry/pods/ns/b", value("b1")));
            join(first.update("/registry/pods/ns/a", 1, value("a2")));
            join(first.create("/registry/pods/ns/c", value("c1")));
            join(first.delete("/registry/pods/ns/b", 0));
            join(first.compact(2));
        }

        try (RocksDbStorage second = RocksDbStorage.open(data)) {
            assertThat(second.currentRevision()).isEqualTo(5);
            assertThat(second.compactedRevision()).isEqualTo(2);
            ListResult list = join(second.list("/registry/pods/", null, 0));
            assertThat(list.revision()).isEqualTo(5);
            assertThat(keys(list.items())).containsExactly("/registry/pods/ns/a", "/registry/pods/ns/c");
            assertObject(list.items().get(0), "/registry/pods/ns/a", "a2", 1, 3);
            assertThat(join(second.eventsAfter(2, null, 0))).extracting(StorageEvent::revision).containsExactly(3L, 4L, 5L);
            StorageEvent delete = join(second.eventsAfter(4, null, 0)).get(0);
            assertThat(delete.type()).isEqualTo(StorageEvent.Type.DELETE);
            assertObject(delete.previous(), "/registry/pods/ns/b", "b1", 2, 2);
            assertThatThrownBy(() -> join(second.eventsAfter(1, null, 0))).isInstanceOf(CompactedException.class);

            assertThat(join(second.update("/registry/pods/ns/c", 4, value("c2"))).revision()).isEqualTo(6);
        }

        try (RocksDbStorage third = RocksDbStorage.open(data)) {
            assertThat(third.currentRevision()).isEqualTo(6);
            assertObject(join(third.get("/registry/pods/ns/c")).orElseThrow(), "/registry/pods/ns/c", "c2", 4, 6);
        }
    }

    @Test
    void openingADirectoryThatIsInUseFails() {
        Path data = dir.resolve("locked");
        try (RocksDbStorage first = RocksDbStorage.open(data)) {
            assertThat(first.currentRevision()).isZero();
            assertThatThrownBy(() -> RocksDbStorage.open(data))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("cannot open RocksDB storage");
        }
    }
}
