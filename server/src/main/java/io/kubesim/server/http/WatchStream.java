package io.kubesim.server.http;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.watch.CacheEvent;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.EventType;
import io.kubesim.server.watch.Subscription;
import io.kubesim.server.watch.WatchListener;
import io.vertx.core.Context;

/**
 * One watch connection. The cache hands it events on the storage thread; it queues them (bounded)
 * and writes them on its own event loop, honouring the transport's back-pressure. A watcher that
 * falls {@code capacity} events behind is closed rather than waited for; the client resumes from
 * the last revision it saw.
 *
 * <p>Thread-safe: the listener methods may be called from any thread, everything else runs on
 * {@code context}.
 */
final class WatchStream implements WatchListener {

    private sealed interface Item permits Event, Bookmark, Close {
    }

    private record Event(EventType type, CachedObject object, byte[] frame) implements Item {
    }

    private record Bookmark(long revision) implements Item {
    }

    private record Close(String reason) implements Item {
    }

    private final Context context;
    private final FrameSink sink;
    private final FrameEncoder encoder;
    private final int capacity;
    private final Consumer<WatchStream> onFinished;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Iterator<CachedObject> initial;
    private volatile Subscription subscription;
    private boolean finished;
    private long eventsSent;

    WatchStream(Context context, FrameSink sink, FrameEncoder encoder, int capacity, Consumer<WatchStream> onFinished) {
        this.context = context;
        this.sink = sink;
        this.encoder = encoder;
        this.capacity = capacity;
        this.onFinished = onFinished;
        sink.closeHandler(() -> context.runOnContext(v -> finish()));
    }

    void attach(Subscription s) {
        this.subscription = s;
        if (finished) {
            s.cancel();
        }
    }

    /** The current state sent first to a watch that started without a resourceVersion. */
    void initialState(List<CachedObject> objects) {
        this.initial = objects.iterator();
        schedule();
    }

    @Override
    public boolean onEvent(EventType type, CachedObject object, byte[] frame, long revision) {
        if (pending.incrementAndGet() > capacity) {
            return false;
        }
        queue.add(new Event(type, object, frame));
        schedule();
        return true;
    }

    @Override
    public boolean onBookmark(long revision) {
        if (pending.incrementAndGet() > capacity) {
            return false;
        }
        queue.add(new Bookmark(revision));
        schedule();
        return true;
    }

    @Override
    public void onClosed(String reason) {
        queue.add(new Close(reason));
        schedule();
    }

    /** Sends one error event (a 410 Expired Status) and ends the stream. */
    void failAndEnd(ApiException error) {
        context.runOnContext(v -> {
            if (!finished) {
                sink.write(encoder.error(error));
                finish();
            }
        });
    }

    /** Ends the stream cleanly (timeoutSeconds elapsed, server stopping). */
    void end() {
        onClosed("done");
    }

    long eventsSent() {
        return eventsSent;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                scheduled.set(false);
                drain();
            });
        }
    }

    private void drain() {
        if (finished) {
            return;
        }
        while (!sink.writeQueueFull()) {
            Iterator<CachedObject> init = initial;
            if (init != null) {
                if (init.hasNext()) {
                    CachedObject o = init.next();
                    sink.write(encoder.event(EventType.ADDED, o, CacheEvent.addedFrame(o)));
                    eventsSent++;
                    continue;
                }
                initial = null;
            }
            Item item = queue.poll();
            if (item == null) {
                return;
            }
            if (item instanceof Close) {
                finish();
                return;
            }
            pending.decrementAndGet();
            if (item instanceof Event e) {
                sink.write(encoder.event(e.type(), e.object(), e.frame()));
                eventsSent++;
            } else if (item instanceof Bookmark b) {
                sink.write(encoder.bookmark(b.revision()));
            }
        }
        sink.drainHandler(this::drain);
    }

    /** Stops delivery, ends the transport and releases the subscription. Idempotent; on context. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        queue.clear();
        sink.end();
        onFinished.accept(this);
    }

    Subscription subscription() {
        return subscription;
    }
}
