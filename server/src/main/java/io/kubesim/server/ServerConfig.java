package io.kubesim.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code serve} is configured with. Immutable.
 *
 * @param dataDir            holds {@code pki/}, the storage directory and the generated kubeconfigs
 * @param bindAddress        the address to listen on (loopback by default)
 * @param port               0 picks a free port
 * @param storage            {@code rocksdb} (durable, default) or {@code memory}
 * @param tlsSans            extra subject alternative names for the serving certificate
 * @param eventLoops         HTTP server instances, one per event loop
 * @param historySize        events kept per resource in the watch cache
 * @param retainedRevisions  revisions of event log kept in storage before compaction
 * @param compactionInterval how often old event log is compacted
 * @param watchCapacity      events a watcher may fall behind before it is closed
 * @param bookmarkInterval   interval of watch bookmarks
 */
public record ServerConfig(
        Path dataDir,
        String bindAddress,
        int port,
        String storage,
        List<String> tlsSans,
        int eventLoops,
        int historySize,
        long retainedRevisions,
        Duration compactionInterval,
        int watchCapacity,
        Duration bookmarkInterval) {

    public ServerConfig {
        tlsSans = List.copyOf(tlsSans);
        if (!storage.equals("rocksdb") && !storage.equals("memory")) {
            throw new IllegalArgumentException("--storage must be rocksdb or memory, not " + storage);
        }
    }

    /** Defaults for a data directory: loopback, port 6443, RocksDB. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, "127.0.0.1", 6443, "rocksdb", List.of(),
                Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000, 20_000, Duration.ofMinutes(5),
                10_000, Duration.ofMinutes(1));
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(dataDir, bindAddress, p, storage, tlsSans, eventLoops, historySize, retainedRevisions,
                compactionInterval, watchCapacity, bookmarkInterval);
    }

    public ServerConfig withStorage(String s) {
        return new ServerConfig(dataDir, bindAddress, port, s, tlsSans, eventLoops, historySize, retainedRevisions,
                compactionInterval, watchCapacity, bookmarkInterval);
    }

    public ServerConfig withHistory(int events, long revisions) {
        return new ServerConfig(dataDir, bindAddress, port, storage, tlsSans, eventLoops, events, revisions,
                compactionInterval, watchCapacity, bookmarkInterval);
    }

    public ServerConfig withBookmarkInterval(Duration d) {
        return new ServerConfig(dataDir, bindAddress, port, storage, tlsSans, eventLoops, historySize,
                retainedRevisions, compactionInterval, watchCapacity, d);
    }

    public ServerConfig withBindAddress(String a) {
        return new ServerConfig(dataDir, a, port, storage, tlsSans, eventLoops, historySize, retainedRevisions,
                compactionInterval, watchCapacity, bookmarkInterval);
    }

    public ServerConfig withTlsSans(List<String> sans) {
        return new ServerConfig(dataDir, bindAddress, port, storage, sans, eventLoops, historySize, retainedRevisions,
                compactionInterval, watchCapacity, bookmarkInterval);
    }

    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    public Path storageDir() {
        return dataDir.resolve("storage");
    }
}
