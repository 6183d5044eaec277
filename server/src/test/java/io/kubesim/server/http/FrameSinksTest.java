package io.kubesim.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

class FrameSinksTest {

    /** A socket the client has already closed: like Vert.x's, it throws from everything but isClosed. */
    private static ServerWebSocket closedSocket() {
        return (ServerWebSocket) Proxy.newProxyInstance(FrameSinksTest.class.getClassLoader(),
                new Class<?>[] {ServerWebSocket.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isClosed")) {
                        return true;
                    }
                    throw new IllegalStateException("WebSocket is closed");
                });
    }

    @Test
    void aWebSocketClosedBeforeTheWatchNoticedSwallowsFrames() {
        FrameSink sink = FrameSinks.webSocket(closedSocket());
        assertThatCode(() -> sink.write(Buffer.buffer("{}\n"))).doesNotThrowAnyException();
        assertThat(sink.writeQueueFull()).isFalse();
        assertThatCode(() -> sink.drainHandler(() -> { })).doesNotThrowAnyException();
        AtomicBoolean closed = new AtomicBoolean();
        sink.closeHandler(() -> closed.set(true));
        assertThat(closed).as("the watch learns of the close at once").isTrue();
    }
}
