package io.kubesim.server.http;

import io.vertx.core.buffer.Buffer;

/**
 * Where a watch writes its frames: a chunked HTTP/1.1 or HTTP/2 response, or a WebSocket. Used only
 * on the owning connection's event loop. The client may go away before the watch learns of it (its
 * close handler runs later): from then on writes are dropped and the queue never reports full.
 */
interface FrameSink {

    void write(Buffer frame);

    boolean writeQueueFull();

    void drainHandler(Runnable onDrain);

    /** Ends the stream cleanly. Idempotent. */
    void end();

    /** Called once when the client goes away. */
    void closeHandler(Runnable onClose);
}
