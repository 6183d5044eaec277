package io.kubesim.server.storage.rocksdb;

import io.kubesim.server.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open RocksDB database with the {@code objects}, {@code log} and {@code meta} column families,
 * plus every native object it depends on. {@link #close()} releases them in dependency order
 * (column family handles, database, then options, filter and cache).
 *
 * <p>Thread-safety: the handles themselves are thread-safe as RocksDB objects are; closing is
 * not, and the owner must make sure nothing uses the handles any more when it closes them.
 */
final class RocksDbHandles implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(RocksDbHandles.class);
    private static final long BLOCK_CACHE_BYTES = 64L << 20;
    /**
     * The meta column family is rewritten by every group but holds one key, so its memtable almost
     * never fills and would pin old WAL files indefinitely; this cap forces its flush instead.
     */
    private static final long MAX_TOTAL_WAL_BYTES = 256L << 20;

    final RocksDB db;
    final ColumnFamilyHandle objects;
    final ColumnFamilyHandle log;
    final ColumnFamilyHandle meta;
    /** {@code sync=true}: a write returns only after the WAL is on disk. */
    final WriteOptions syncWrites;
    /** Released last to first. */
    private final Deque<AutoCloseable> owned;

    private RocksDbHandles(RocksDB db, List<ColumnFamilyHandle> handles, WriteOptions syncWrites,
                           Deque<AutoCloseable> owned) {
        this.db = db;
        this.objects = handles.get(1);
        this.log = handles.get(2);
        this.meta = handles.get(3);
        this.syncWrites = syncWrites;
        this.owned = owned;
    }

    /** Opens (creating if missing) the database in {@code dir}. */
    static RocksDbHandles open(Path dir) {
        RocksDB.loadLibrary();
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        try {
            Files.createDirectories(dir);
            LRUCache cache = push(owned, new LRUCache(BLOCK_CACHE_BYTES));
            BloomFilter filter = push(owned, new BloomFilter(10));
            ColumnFamilyOptions columnOptions = push(owned, new ColumnFamilyOptions()
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter)));
            DBOptions dbOptions = push(owned, new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setMaxBackgroundJobs(2)
                    .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES)
                    .setKeepLogFileNum(5));
            WriteOptions syncWrites = push(owned, new WriteOptions().setSync(true));
            List<ColumnFamilyDescriptor> descriptors = List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions),
                    new ColumnFamilyDescriptor(name("objects"), columnOptions),
                    new ColumnFamilyDescriptor(name("log"), columnOptions),
                    new ColumnFamilyDescriptor(name("meta"), columnOptions));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = push(owned, RocksDB.open(dbOptions, dir.toString(), descriptors, handles));
            // Handles must be closed before the database they belong to.
            handles.forEach(owned::push);
            return new RocksDbHandles(db, handles, syncWrites, owned);
        } catch (RocksDBException | IOException | RuntimeException e) {
            closeAll(owned);
            throw new StorageException("cannot open RocksDB storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> owned, T resource) {
        owned.push(resource);
        return resource;
    }

    private static byte[] name(String columnFamily) {
        return columnFamily.getBytes(StandardCharsets.UTF_8);
    }

    private static void closeAll(Deque<AutoCloseable> owned) {
        for (AutoCloseable resource; (resource = owned.poll()) != null; ) {
            try {
                if (resource instanceof RocksDB db) {
                    // closeE reports errors (e.g. a failed final sync) that close() would swallow.
                    db.closeE();
                } else {
                    resource.close();
                }
            } catch (Exception e) {
                logger.warn("closing RocksDB resource failed: resource={} error={}",
                        resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
