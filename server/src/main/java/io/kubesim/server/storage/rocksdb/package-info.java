/**
 * The RocksDB implementation of {@link io.kubesim.server.storage.Storage}: {@link
 * io.kubesim.server.storage.rocksdb.RocksDbStorage} and the codecs of its three column families.
 */
package io.kubesim.server.storage.rocksdb;
