package io.kubesim.server.http;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;

/** The two kinds of watch transport. */
final class FrameSinks {

    private FrameSinks() {
    }

    /** A streaming HTTP response: chunked on HTTP/1.1, DATA frames on HTTP/2. */
    static FrameSink http(HttpServerResponse response) {
        return new FrameSink() {
            @Override
            public void write(Buffer frame) {
                response.write(frame);
            }

            @Override
            public boolean writeQueueFull() {
                return response.writeQueueFull();
            }

            @Override
            public void drainHandler(Runnable onDrain) {
                response.drainHandler(v -> onDrain.run());
            }

            @Override
            public void end() {
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }

            @Override
            public void closeHandler(Runnable onClose) {
                response.closeHandler(v -> onClose.run());
            }
        };
    }

    /** A WebSocket carrying one text message per event, as the Fabric8 client expects. */
    static FrameSink webSocket(ServerWebSocket ws) {
        return new FrameSink() {
            private boolean ended;

            // Vert.x throws from these once the socket is closed, which the watch may not know yet
            @Override
            public void write(Buffer frame) {
                if (!ws.isClosed()) {
                    ws.writeTextMessage(frame.toString(StandardCharsets.UTF_8));
                }
            }

            @Override
            public boolean writeQueueFull() {
                return !ws.isClosed() && ws.writeQueueFull();
            }

            @Override
            public void drainHandler(Runnable onDrain) {
                if (!ws.isClosed()) {
                    ws.drainHandler(v -> onDrain.run());
                }
            }

            @Override
            public void end() {
                if (!ended) {
                    ended = true;
                    if (!ws.isClosed()) {
                        ws.close();
                    }
                }
            }

            @Override
            public void closeHandler(Runnable onClose) {
                if (ws.isClosed()) {
                    onClose.run();
                } else {
                    ws.closeHandler(v -> onClose.run());
                }
            }
        };
    }
}
