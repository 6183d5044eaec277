package io.kubesim.server.bench;

import java.util.concurrent.CompletionStage;

/**
 * Creates one pod through some client; the stage completes once the server acknowledged it (201).
 * A dry run ({@code ?dryRun=All}) goes through the same admission, validation and serialization
 * but stores nothing.
 * The {@code client} index chooses which of the load generator's concurrent clients sends it.
 * Implementations are thread-safe.
 */
interface PodCreator extends AutoCloseable {

    /** Opens the clients' connections (TLS handshakes) before anything is timed. */
    void connect() throws Exception;

    CompletionStage<?> create(int client, String namespace, String name, boolean dryRun);

    /** One line naming the client and the transport it negotiated. */
    String describe();

    @Override
    void close();
}
