package io.kubesim.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code serve} is configured with. Immutable; the {@code withX} methods return copies.
 *
 * @param dataDir            holds {@code pki/}, the storage directory and the generated kubeconfigs
 * @param bindAddress        the address to listen on (loopback by default)
 * @param advertiseAddress   the address published in the {@code default/kubernetes} Endpoints (must not
 *                           be loopback, as on a real cluster; by default the control-plane node's address)
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
        String advertiseAddress,
        int port,
        String storage,
        List<String> tlsSans,
        int eventLoops,
        int historySize,
        long retainedRevisions,
        Duration compactionInterval,
        int watchCapacity,
        Duration bookmarkInterval) {

    /** The control-plane node's address in a default cluster (as kind numbers its nodes). */
    public static final String DEFAULT_ADVERTISE_ADDRESS = "172.18.0.2";

    public ServerConfig {
        tlsSans = List.copyOf(tlsSans);
        if (!storage.equals("rocksdb") && !storage.equals("memory")) {
            throw new IllegalArgumentException("--storage must be rocksdb or memory, not " + storage);
        }
    }

    /** Defaults for a data directory: loopback, port 6443, RocksDB. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, "127.0.0.1", DEFAULT_ADVERTISE_ADDRESS, 6443, "rocksdb", List.of(),
                Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000, 20_000, Duration.ofMinutes(5),
                10_000, Duration.ofMinutes(1));
    }

    public ServerConfig withPort(int p) {
        return copy().port(p).build();
    }

    public ServerConfig withStorage(String s) {
        return copy().storage(s).build();
    }

    public ServerConfig withHistory(int events, long revisions) {
        return copy().history(events, revisions).build();
    }

    public ServerConfig withBookmarkInterval(Duration d) {
        return copy().bookmarkInterval(d).build();
    }

    public ServerConfig withBindAddress(String a) {
        return copy().bindAddress(a).build();
    }

    public ServerConfig withAdvertiseAddress(String a) {
        return copy().advertiseAddress(a).build();
    }

    public ServerConfig withTlsSans(List<String> sans) {
        return copy().tlsSans(sans).build();
    }

    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    public Path storageDir() {
        return dataDir.resolve("storage");
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** A mutable copy used by the {@code withX} methods. */
    private static final class Copy {
        private final ServerConfig c;
        private String bindAddress;
        private String advertiseAddress;
        private int port;
        private String storage;
        private List<String> tlsSans;
        private int historySize;
        private long retainedRevisions;
        private Duration bookmarkInterval;

        Copy(ServerConfig c) {
            this.c = c;
            bindAddress = c.bindAddress;
            advertiseAddress = c.advertiseAddress;
            port = c.port;
            storage = c.storage;
            tlsSans = c.tlsSans;
            historySize = c.historySize;
            retainedRevisions = c.retainedRevisions;
            bookmarkInterval = c.bookmarkInterval;
        }

        Copy bindAddress(String v) {
            bindAddress = v;
            return this;
        }

        Copy advertiseAddress(String v) {
            advertiseAddress = v;
            return this;
        }

        Copy port(int v) {
            port = v;
            return this;
        }

        Copy storage(String v) {
            storage = v;
            return this;
        }

        Copy tlsSans(List<String> v) {
            tlsSans = v;
            return this;
        }

        Copy history(int events, long revisions) {
            historySize = events;
            retainedRevisions = revisions;
            return this;
        }

        Copy bookmarkInterval(Duration v) {
            bookmarkInterval = v;
            return this;
        }

        ServerConfig build() {
            return new ServerConfig(c.dataDir, bindAddress, advertiseAddress, port, storage, tlsSans, c.eventLoops,
                    historySize, retainedRevisions, c.compactionInterval, c.watchCapacity, bookmarkInterval);
        }
    }
}
