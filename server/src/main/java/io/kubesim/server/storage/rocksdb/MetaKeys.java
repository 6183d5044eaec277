package io.kubesim.server.storage.rocksdb;

import java.nio.charset.StandardCharsets;

/**
 * Keys of the {@code meta} column family; values are {@link RevisionKeys}-encoded. Returned as
 * fresh arrays because arrays are mutable. Stateless.
 */
final class MetaKeys {

    private MetaKeys() {
    }

    /** The last committed revision. */
    static byte[] currentRevision() {
        return "current-revision".getBytes(StandardCharsets.US_ASCII);
    }

    /** The revision at or below which the {@code log} column family has been trimmed. */
    static byte[] compactedRevision() {
        return "compacted-revision".getBytes(StandardCharsets.US_ASCII);
    }
}
