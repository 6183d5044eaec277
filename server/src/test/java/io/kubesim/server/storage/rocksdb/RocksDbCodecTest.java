package io.kubesim.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.server.storage.StorageEvent;
import io.kubesim.server.storage.StorageException;
import io.kubesim.server.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RocksDbCodecTest {

    @Test
    void revisionKeysSortNumerically() {
        assertThat(Arrays.compareUnsigned(RevisionKeys.encode(255), RevisionKeys.encode(256))).isNegative();
        assertThat(Arrays.compareUnsigned(RevisionKeys.encode(1L << 40), RevisionKeys.encode((1L << 40) + 1))).isNegative();
        assertThat(RevisionKeys.decode(RevisionKeys.encode(123_456_789_012L))).isEqualTo(123_456_789_012L);
        assertThatThrownBy(() -> RevisionKeys.decode(new byte[3])).isInstanceOf(StorageException.class);
    }

    @Test
    void prefixEndIsTheFirstKeyPastThePrefix() {
        assertThat(ObjectKeys.prefixEnd(bytes("/registry/pods/"))).isEqualTo(bytes("/registry/pods0"));
        assertThat(ObjectKeys.prefixEnd(new byte[] {'a', (byte) 0xFF, (byte) 0xFF})).isEqualTo(new byte[] {'b'});
        assertThat(ObjectKeys.prefixEnd(new byte[] {(byte) 0xFF})).isNull();
        assertThat(ObjectKeys.prefixEnd(new byte[0])).isNull();
        assertThat(ObjectKeys.successor(bytes("ab"))).isEqualTo(new byte[] {'a', 'b', 0});
    }

    @Test
    void objectRecordsRoundTrip() {
        StoredObject object = new StoredObject("/registry/pods/ns/\u00E9", bytes("{\"a\":1}"), 3, 7);

        StoredObject decoded = ObjectRecordCodec.decode(object.key(), ObjectRecordCodec.encode(object));

        assertThat(decoded).usingRecursiveComparison().isEqualTo(object);
        assertThatThrownBy(() -> ObjectRecordCodec.decode("/k", new byte[] {9, 0}))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void logRecordsRoundTripEveryEventType() {
        StoredObject before = new StoredObject("/k", bytes("old"), 2, 5);
        StoredObject after = new StoredObject("/k", bytes("new"), 2, 9);
        for (StorageEvent event : new StorageEvent[] {
                new StorageEvent(StorageEvent.Type.CREATE, "/k", 2, new StoredObject("/k", bytes("v"), 2, 2), null),
                new StorageEvent(StorageEvent.Type.UPDATE, "/k", 9, after, before),
                new StorageEvent(StorageEvent.Type.DELETE, "/k", 10, null, after),
                new StorageEvent(StorageEvent.Type.UPDATE, "/k", 11, new StoredObject("/k", new byte[0], 2, 11), after)}) {
            assertThat(LogRecordCodec.decode(event.revision(), LogRecordCodec.encode(event)))
                    .usingRecursiveComparison().isEqualTo(event);
        }
    }

    @Test
    void logRecordKeyPrefixIsCheckedWithoutDecoding() {
        byte[] record = LogRecordCodec.encode(new StorageEvent(
                StorageEvent.Type.CREATE, "/registry/pods/ns/a", 1, new StoredObject("/registry/pods/ns/a", bytes("v"), 1, 1), null));

        assertThat(LogRecordCodec.keyStartsWith(record, bytes("/registry/pods/"))).isTrue();
        assertThat(LogRecordCodec.keyStartsWith(record, bytes("/registry/pods/ns/a"))).isTrue();
        assertThat(LogRecordCodec.keyStartsWith(record, bytes("/registry/podsx/"))).isFalse();
        assertThat(LogRecordCodec.keyStartsWith(record, bytes("/registry/pods/ns/ab"))).isFalse();
    }

    @Test
    void corruptLogRecordsFailWithStorageException() {
        assertThatThrownBy(() -> LogRecordCodec.decode(4, new byte[] {1, 2, 0, 0, 0, 50, 'x'}))
                .isInstanceOf(StorageException.class).hasMessageContaining("revision 4");
        assertThatThrownBy(() -> LogRecordCodec.decode(4, new byte[] {1, 9, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(StorageException.class).hasMessageContaining("type 9");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
