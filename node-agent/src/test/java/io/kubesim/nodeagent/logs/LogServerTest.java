package io.kubesim.nodeagent.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;

class LogServerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now = T0.plusSeconds(2);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final AtomicReference<Pod> pod = new AtomicReference<>(ContainerLogsTest.pod(ContainerLogsTest.RUNNING));
    private final LogServer server = new LogServer("127.0.0.1", 0,
            (ns, name) -> ns.equals("default") && name.equals("web") ? Optional.ofNullable(pod.get()) : Optional.empty(),
            clock, Duration.ofMillis(20));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTailsTimestampsAndByteLimits() throws Exception {
        HttpResponse<String> tail = get("/containerLogs/default/web/nginx?tailLines=2&timestamps=true");
        assertThat(tail.statusCode()).isEqualTo(200);
        assertThat(tail.body().lines().toList()).hasSize(2).first().asString()
                .startsWith("2025-01-01T00:00:01.000000000Z 172.18.0.3 - - [01/Jan/2025:00:00:01 +0000]");
        assertThat(get("/containerLogs/default/web/nginx?limitBytes=5").body()).isEqualTo("/dock");
        assertThat(get("/containerLogs/default/web/nginx?sinceTime=2025-01-01T00:00:02Z").body().lines())
                .singleElement().asString().contains("00:00:02 +0000");
        assertThat(get("/containerLogs/default/web/nginx?previous=true&tailLines=1").body())
                .as("the previous run, which ended at 23:59:30").contains("[31/Dec/2024:23:59:30 +0000]");
    }

    @Test
    void answersErrorsInTheKubeletsWords() throws Exception {
        HttpResponse<String> noPod = get("/containerLogs/default/nope/nginx");
        assertThat(noPod.statusCode()).isEqualTo(404);
        assertThat(noPod.body()).isEqualTo("pod \"nope\" does not exist");
        assertThat(get("/containerLogs/default/web/").body()).isEqualTo("{\"message\": \"Missing container name.\"}");
        assertThat(get("/containerLogs/default/web/nginx?tailLines=-3").statusCode()).isEqualTo(422);
        assertThat(get("/containerLogs/default/web/nginx?sinceSeconds=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void followStreamsNewLinesUntilTheContainerStops() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/containerLogs/default/web/nginx?follow=true&tailLines=1")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            List<String> read = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    read.add(l);
                    if (read.size() == 1) {
                        clock.now = T0.plusSeconds(4);
                    } else if (read.size() == 3) {
                        pod.set(ContainerLogsTest.pod(ContainerLogsTest.RUNNING.replace(
                                "\"running\": {\"startedAt\": \"2025-01-01T00:00:00Z\"}",
                                "\"terminated\": {\"exitCode\": 0, \"startedAt\": \"2025-01-01T00:00:00Z\", "
                                        + "\"finishedAt\": \"2025-01-01T00:00:05Z\", \"containerID\": \"containerd://run2\"}")));
                        clock.now = T0.plusSeconds(9);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return read;
        });
        assertThat(lines.get(10, TimeUnit.SECONDS)).extracting(l -> l.substring(l.indexOf("2025:") + 5, l.indexOf(" +0000")))
                .containsExactly("00:00:02", "00:00:03", "00:00:04", "00:00:05");
    }
}
