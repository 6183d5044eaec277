package io.kubesim.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.kubesim.server.json.Json;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * Watch delivery latency: opens N all-namespaces pod watches (each on its own HTTP/2 connection,
 * from the current resourceVersion, as informers resume), then creates pods at a steady rate, open
 * loop, and pairs every watcher's arrival time of each pod with the time its create was sent and
 * the time its 201 arrived. Not thread-safe; one run at a time.
 */
final class WatchProbe {

    private static final long DELIVERY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Writer connections, used in turn. */
    private static final int WRITERS = 4;

    /** Latencies over all watcher × event deliveries. */
    record Result(int watchers, int events, double sentPerSecond, Latencies.Summary sinceSent,
                  Latencies.Summary sinceAcknowledged, Latencies.Summary writes, long missing, List<String> ended,
                  CpuMeter.Usage cpu) {
    }

    /** When each create was sent and acknowledged, by pod name, and the rate achieved. */
    private record Writes(Map<String, Long> sent, Map<String, Long> acknowledged, Latencies latencies,
                          double perSecond) {
    }

    private final LeanClient http;
    private final CpuMeter cpu;

    WatchProbe(LeanClient http, CpuMeter cpu) {
        this.http = http;
        this.cpu = cpu;
    }

    Result run(String namespace, String prefix, int watcherCount, int events, int perSecond) throws Exception {
        List<LeanClient.Connection> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(http.connection());
        }
        String revision = Json.parse(http.call(writers.get(0), HttpMethod.GET, "/api/v1/pods?limit=1",
                LeanClient.JSON, null, 200).body().getBytes()).path("metadata").path("resourceVersion").asString();
        String uri = "/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=" + revision;
        List<PodWatcher> watchers = new ArrayList<>();
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = 0; i < watcherCount; i++) {
            PodWatcher w = new PodWatcher(prefix, http.connection());
            watchers.add(w);
            opened.add(w.open(http, uri));
        }
        try {
            LeanClient.await(Future.all(opened));
            CpuMeter.Sample start = cpu.sample();
            Writes writes = write(writers, namespace, prefix, events, perSecond);
            awaitDeliveries(watchers, events);
            return result(watchers, writes, cpu.sample().since(start));
        } finally {
            watchers.forEach(PodWatcher::close);
            writers.forEach(LeanClient.Connection::close);
        }
    }

    /** Sends creates at {@code perSecond} without waiting for answers, then waits for all of them. */
    private Writes write(List<LeanClient.Connection> writers, String namespace, String prefix, int events, int perSecond)
            throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies(events);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long begin = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long due = begin + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String name = prefix + "-" + i;
            long at = System.nanoTime();
            sent.put(name, at);
            pending.add(http.send(writers.get(i % writers.size()), HttpMethod.POST, PodBodies.path(namespace),
                    LeanClient.JSON, PodBodies.json(namespace, name), 201).onSuccess(r -> {
                        long now = System.nanoTime();
                        acknowledged.put(name, now);
                        latencies.record(now - at);
                    }).toCompletionStage().toCompletableFuture());
        }
        double perSecondSent = events / ((System.nanoTime() - begin) / 1e9);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .get(LeanClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        return new Writes(sent, acknowledged, latencies, perSecondSent);
    }

    private static Result result(List<PodWatcher> watchers, Writes writes, CpuMeter.Usage used) {
        int events = writes.sent().size();
        Latencies sinceSent = new Latencies(watchers.size() * events);
        Latencies sinceAcknowledged = new Latencies(watchers.size() * events);
        long missing = 0;
        List<String> ended = new ArrayList<>();
        for (PodWatcher w : watchers) {
            for (Map.Entry<String, Long> e : writes.sent().entrySet()) {
                Long got = w.receivedAt(e.getKey());
                if (got == null) {
                    missing++;
                    continue;
                }
                sinceSent.record(got - e.getValue());
                sinceAcknowledged.record(got - writes.acknowledged().get(e.getKey()));
            }
            if (w.ended() != null) {
                ended.add(w.ended());
            }
        }
        return new Result(watchers.size(), events, writes.perSecond(), sinceSent.summary(),
                sinceAcknowledged.summary(), writes.latencies().summary(), missing, ended, used);
    }

    /** Polls (this is a load generator, not a test) until every watcher saw every event or the bound passed. */
    private static void awaitDeliveries(List<PodWatcher> watchers, int events) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline
                && watchers.stream().anyMatch(w -> w.count() < events && w.ended() == null)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
