package io.kubesim.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * {@link EventRecorder} against a fake API server that accepts event creations and can hold the first one, so that
 * a backed-up send queue can be arranged deterministically.
 */
class EventRecorderTest {

    private static final Instant RECORDED = Instant.parse("2026-01-01T10:00:00Z");

    private final List<Event> created = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final SettableClock clock = new SettableClock(RECORDED);
    private HttpServer api;
    private KubernetesClient client;

    @BeforeEach
    void startFakeApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/v1/namespaces/default/events", this::createEvent);
        api.start();
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + api.getAddress().getPort()).withRequestRetryBackoffLimit(0)
                .build()).build();
    }

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        client.close();
        api.stop(0);
    }

    private void createEvent(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        firstArrived.countDown();
        if (created.isEmpty()) {
            try {
                releaseFirst.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        created.add(client.getKubernetesSerialization().unmarshal(new String(body, StandardCharsets.UTF_8),
                Event.class));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void eventsCarryTheTimeTheyWereRecordedEvenWhenSentLater() throws Exception {
        HasMetadata object = new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                .withUid("uid-1").endMetadata().build();
        try (EventRecorder recorder = new EventRecorder(client, "test-controller", null, clock)) {
            recorder.normal(object, "First", "first");
            assertThat(firstArrived.await(10, TimeUnit.SECONDS)).as("first event sent").isTrue();
            recorder.normal(object, "Second", "second");
            // The second event waits behind the first while time passes.
            clock.set(RECORDED.plusSeconds(30));
            releaseFirst.countDown();
        }
        assertThat(created).extracting(Event::getReason).containsExactly("First", "Second");
        assertThat(created).allSatisfy(e -> {
            assertThat(e.getFirstTimestamp()).isEqualTo("2026-01-01T10:00:00Z");
            assertThat(e.getLastTimestamp()).isEqualTo("2026-01-01T10:00:00Z");
            assertThat(e.getSource().getComponent()).isEqualTo("test-controller");
        });
    }

    /** A clock the test sets. Thread-safe. */
    private static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
