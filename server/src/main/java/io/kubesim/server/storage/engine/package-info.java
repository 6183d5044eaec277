/**
 * Machinery shared by the local {@link io.kubesim.server.storage.Storage} implementations: the
 * single {@code storage-writer} thread with group commit ({@code WriteSequencer}), precondition
 * checks and revision assignment ({@code GroupAssembler}), and the {@link
 * io.kubesim.server.storage.engine.SequencedStorage} base class that adds the reader pool and the
 * close protocol. A backend only supplies a {@link io.kubesim.server.storage.engine.CommitBackend}
 * and its read paths.
 */
package io.kubesim.server.storage.engine;
