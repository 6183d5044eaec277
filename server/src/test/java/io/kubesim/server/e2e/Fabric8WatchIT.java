package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/** Watches, resume, 410 Expired, informers, paging and selectors through the Fabric8 client. */
class Fabric8WatchIT {

    private static TestServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
        for (String ns : List.of("w1", "w2", "w3", "w4", "w5")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ConfigMap cm(String ns, String name, Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels)
                .endMetadata().addToData("v", "1").build();
    }

    /** Records events as "TYPE name" strings. */
    private static final class Recorder implements Watcher<ConfigMap> {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final AtomicReference<WatcherException> closed = new AtomicReference<>();

        @Override
        public void eventReceived(Action action, ConfigMap resource) {
            events.add(action + " " + resource.getMetadata().getName() + " "
                    + resource.getMetadata().getResourceVersion());
        }

        @Override
        public void onClose(WatcherException cause) {
            closed.set(cause);
        }

        String next() throws InterruptedException {
            String e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("a watch event within 10 s").isNotNull();
            return e;
        }
    }

    @Test
    @SuppressWarnings("try")
    void watchSeesAddedModifiedDeleted() throws Exception {
        Recorder r = new Recorder();
        try (Watch w = client.configMaps().inNamespace("w1").watch(r)) {
            client.resource(cm("w1", "a", Map.of())).create();
            client.configMaps().inNamespace("w1").withName("a").edit(c -> new ConfigMapBuilder(c)
                    .addToData("v", "2").build());
            client.configMaps().inNamespace("w1").withName("a").delete();
            assertThat(r.next()).startsWith("ADDED a");
            assertThat(r.next()).startsWith("MODIFIED a");
            assertThat(r.next()).startsWith("DELETED a");
        }
    }

    @Test
    @SuppressWarnings("try")
    void watchResumesFromAResourceVersionAndReplaysEveryMissedEventOnce() throws Exception {
        ConfigMap first = client.resource(cm("w2", "r0", Map.of())).create();
        String from = first.getMetadata().getResourceVersion();
        for (int i = 1; i <= 5; i++) {
            client.resource(cm("w2", "r" + i, Map.of())).create();
        }
        Recorder r = new Recorder();
        try (Watch w = client.configMaps().inNamespace("w2").watch(new ListOptionsBuilder()
                .withResourceVersion(from).build(), r)) {
            for (int i = 1; i <= 5; i++) {
                assertThat(r.next()).startsWith("ADDED r" + i + " ");
            }
            assertThat(r.events.poll(500, TimeUnit.MILLISECONDS)).as("no duplicates").isNull();
        }
    }

    @Test
    @SuppressWarnings("try")
    void tooOldResourceVersionIsGone() throws Exception {
        try (TestServer small = TestServer.start(c -> c.withHistory(5, 5));
             KubernetesClient smallClient = small.client()) {
            ConfigMap first = smallClient.resource(cm("default", "old", Map.of())).create();
            for (int i = 0; i < 10; i++) {
                smallClient.resource(cm("default", "newer" + i, Map.of())).create();
            }
            Recorder r = new Recorder();
            try (Watch w = smallClient.configMaps().inNamespace("default").watch(new ListOptionsBuilder()
                    .withResourceVersion(first.getMetadata().getResourceVersion()).build(), r)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> r.closed.get() != null);
                assertThat(r.closed.get().isHttpGone()).isTrue();
                assertThat(r.events).isEmpty();
            }
        }
    }

    @Test
    void informerSyncsAndSeesUpdates() throws Exception {
        client.resource(cm("w4", "pre", Map.of())).create();
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("w4").inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ConfigMap obj) {
                        seen.add("add " + obj.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                        seen.add("update " + newObj.getMetadata().getName() + " " + newObj.getData().get("v"));
                    }

                    @Override
                    public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                        seen.add("delete " + obj.getMetadata().getName());
                    }
                });
        try {
            await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
            assertThat(informer.getStore().list()).extracting(c -> c.getMetadata().getName()).containsExactly("pre");
            client.resource(cm("w4", "post", Map.of())).create();
            client.configMaps().inNamespace("w4").withName("pre").edit(c -> new ConfigMapBuilder(c)
                    .addToData("v", "9").build());
            client.configMaps().inNamespace("w4").withName("post").delete();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen)
                    .contains("add pre", "add post", "update pre 9", "delete post"));
        } finally {
            informer.close();
        }
    }

    @Test
    void listPagesWithLimitAndContinueAndFiltersBySelectors() {
        for (int i = 0; i < 25; i++) {
            client.resource(cm("w5", String.format("p%02d", i), Map.of("parity", i % 2 == 0 ? "even" : "odd")))
                    .create();
        }
        ConfigMapList page1 = client.configMaps().inNamespace("w5").list(new ListOptionsBuilder().withLimit(10L)
                .build());
        assertThat(page1.getItems()).hasSize(10);
        assertThat(page1.getMetadata().getContinue()).isNotBlank();
        ConfigMapList page2 = client.configMaps().inNamespace("w5").list(new ListOptionsBuilder().withLimit(10L)
                .withContinue(page1.getMetadata().getContinue()).build());
        ConfigMapList page3 = client.configMaps().inNamespace("w5").list(new ListOptionsBuilder().withLimit(10L)
                .withContinue(page2.getMetadata().getContinue()).build());
        assertThat(page3.getItems()).hasSize(5);
        assertThat(page3.getMetadata().getContinue()).isNullOrEmpty();
        assertThat(page2.getMetadata().getResourceVersion()).isEqualTo(page1.getMetadata().getResourceVersion());

        assertThat(client.configMaps().inNamespace("w5").withLabel("parity", "even").list().getItems()).hasSize(13);
        assertThat(client.configMaps().inNamespace("w5").withLabelIn("parity", "odd", "none").list().getItems())
                .hasSize(12);
        assertThat(client.configMaps().inNamespace("w5").withField("metadata.name", "p07").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("p07");
        assertThat(client.configMaps().inAnyNamespace().withLabel("parity").list().getItems()).hasSize(25);
    }
}
