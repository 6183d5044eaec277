package io.kubesim.server.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop create load: {@code concurrency} clients, each sending its next create as soon as
 * the previous one was acknowledged, until pods {@code [from, to)} exist. Latency is measured from
 * sending to the 201 response. Stateless; each {@link #run} is independent.
 */
final class CreateLoad {

    private static final long TIMEOUT_MINUTES = 10;

    private CreateLoad() {
    }

    /** Pod names are {@code prefix-i}. */
    static Result run(PodCreator creator, CpuMeter cpu, String namespace, String prefix, int from, int to,
                      int concurrency) throws Exception {
        return run(creator, cpu, namespace, prefix, from, to, concurrency, false);
    }

    /** As {@link #run(PodCreator, CpuMeter, String, String, int, int, int)}, optionally as dry runs. */
    static Result run(PodCreator creator, CpuMeter cpu, String namespace, String prefix, int from, int to,
                      int concurrency, boolean dryRun) throws Exception {
        Latencies latencies = new Latencies(to - from);
        AtomicInteger next = new AtomicInteger(from);
        CompletableFuture<?>[] clients = new CompletableFuture<?>[concurrency];
        CpuMeter.Sample start = cpu.sample();
        for (int c = 0; c < concurrency; c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            clients[c] = done;
            sendNext(new Client(creator, c, namespace, prefix, dryRun, next, to, latencies, done));
        }
        CompletableFuture.allOf(clients).get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        return new Result(to - from, latencies, cpu.sample().since(start));
    }

    /** One concurrent client's loop: the next create starts in the completion of the previous one. */
    private static void sendNext(Client c) {
        int i = c.next.getAndIncrement();
        if (i >= c.to) {
            c.done.complete(null);
            return;
        }
        long sent = System.nanoTime();
        c.creator.create(c.index, c.namespace, c.prefix + "-" + i, c.dryRun).whenComplete((r, t) -> {
            if (t != null) {
                c.done.completeExceptionally(t);
                return;
            }
            c.latencies.record(System.nanoTime() - sent);
            sendNext(c);
        });
    }

    private record Client(PodCreator creator, int index, String namespace, String prefix, boolean dryRun,
                          AtomicInteger next, int to, Latencies latencies, CompletableFuture<Void> done) {
    }

    /** The outcome of one run. */
    record Result(int count, Latencies latencies, CpuMeter.Usage cpu) {

        double perSecond() {
            return count / (cpu.wallNanos() / 1e9);
        }
    }
}
