package io.kubesim.controllers.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Records core/v1 Events the way Kubernetes components do: {@code source.component} and
 * {@code reportingComponent} name the component, events go to the object's namespace
 * ({@code default} for cluster-scoped objects), and a repeat of the same type/reason/message on the
 * same object increments {@code count} and {@code lastTimestamp} instead of creating another
 * event. Sending is asynchronous and best effort, like the real broadcaster: a full queue drops
 * events rather than slowing the caller; timestamps are those of the {@code record} call, not of
 * the send. Thread-safe.
 */
public final class EventRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int MAX_REMEMBERED = 4096;

    private final KubernetesClient client;
    private final String component;
    private final String host;
    private final Clock clock;
    private final ExecutorService sender;
    private final Map<String, Sent> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    private record Sent(String namespace, String name, int count, String firstTimestamp) {
    }

    /**
     * @param component {@code source.component}, e.g. {@code deployment-controller}, {@code default-scheduler}, {@code kubelet}
     * @param host      {@code source.host} (the node name for kubelets), or null
     */
    public EventRecorder(KubernetesClient client, String component, String host) {
        this(client, component, host, Clock.systemUTC());
    }

    public EventRecorder(KubernetesClient client, String component, String host, Clock clock) {
        this.client = client;
        this.component = component;
        this.host = host;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "events-" + component);
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** A {@code Normal} event. */
    public void normal(HasMetadata object, String reason, String message) {
        record(object, null, "Normal", reason, message);
    }

    /** A {@code Warning} event. */
    public void warning(HasMetadata object, String reason, String message) {
        record(object, null, "Warning", reason, message);
    }

    /** An event about a part of the object, e.g. {@code spec.containers{nginx}}. */
    public void record(HasMetadata object, String fieldPath, String type, String reason, String message) {
        // Stamped now, not when sent: a backed-up queue must not make an event look later than what it caused.
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        sender.execute(() -> send(object, fieldPath, type, reason, message, now));
    }

    private void send(HasMetadata object, String fieldPath, String type, String reason, String message, String now) {
        String namespace = object.getMetadata().getNamespace();
        if (namespace == null || namespace.isEmpty()) {
            namespace = "default";
        }
        String key = object.getMetadata().getUid() + "|" + fieldPath + "|" + type + "|" + reason + "|" + message;
        Sent previous;
        synchronized (recent) {
            previous = recent.get(key);
        }
        try {
            if (previous != null) {
                int count = previous.count() + 1;
                client.v1().events().inNamespace(previous.namespace()).withName(previous.name())
                        .patch(PatchContext.of(PatchType.JSON_MERGE),
                                "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}");
                remember(key, new Sent(previous.namespace(), previous.name(), count, previous.firstTimestamp()));
                return;
            }
            String name = object.getMetadata().getName() + "." + Long.toHexString(System.nanoTime()
                    + clock.millis() * 1_000_000L);
            Event event = new EventBuilder()
                    .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                    .withNewInvolvedObject()
                        .withKind(object.getKind()).withApiVersion(object.getApiVersion())
                        .withNamespace(object.getMetadata().getNamespace()).withName(object.getMetadata().getName())
                        .withUid(object.getMetadata().getUid())
                        .withResourceVersion(object.getMetadata().getResourceVersion())
                        .withFieldPath(fieldPath)
                    .endInvolvedObject()
                    .withReason(reason).withMessage(message).withType(type)
                    .withNewSource().withComponent(component).withHost(host).endSource()
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withReportingComponent(component).withReportingInstance(host == null ? "" : host)
                    .build();
            client.v1().events().inNamespace(namespace).resource(event).create();
            remember(key, new Sent(namespace, name, 1, now));
        } catch (RuntimeException e) {
            LOG.debug("cannot record event {} on {}: {}", reason, object.getMetadata().getName(), e.getMessage());
            synchronized (recent) {
                recent.remove(key);
            }
        }
    }

    private void remember(String key, Sent sent) {
        synchronized (recent) {
            recent.put(key, sent);
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
