package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * Changes through the real kubectl: {@code label}, {@code annotate}, the three {@code patch}
 * types, {@code scale} on the /scale subresource, {@code delete} in its forms and {@code wait}.
 * Every test works in its own namespace, so the tests are independent of their order.
 */
class KubectlMutateIT {

    private static TestServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kubectl = new Kubectl(server.adminKubeconfig());
    }

    @AfterAll
    static void stop() {
        kubectl.cleanUp();
        server.close();
    }

    @Test
    void label() {
        InNamespace k = InNamespace.create(kubectl, "label-e2e");
        k.ok("create", "configmap", "l1");
        k.ok("create", "configmap", "l2");

        assertThat(k.ok("label", "configmap", "l1", "tier=web")).isEqualTo("configmap/l1 labeled\n");
        Kubectl.Result refused = k.run("label", "configmap", "l1", "tier=db");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("error: 'tier' already has a value (web), and --overwrite is false\n");
        assertThat(k.jsonpath("configmap/l1", "{.metadata.labels}")).isEqualTo("{\"tier\":\"web\"}");

        assertThat(k.ok("label", "configmap", "l1", "tier=db", "--overwrite")).isEqualTo("configmap/l1 labeled\n");
        assertThat(k.jsonpath("configmap/l1", "{.metadata.labels}")).isEqualTo("{\"tier\":\"db\"}");

        assertThat(k.ok("label", "configmap", "--all", "env=test")).isEqualTo("""
                configmap/l1 labeled
                configmap/l2 labeled
                """);
        assertThat(k.ok("get", "configmap", "-l", "tier=db,env=test", "-o", "name")).isEqualTo("configmap/l1\n");

        assertThat(k.ok("label", "configmap", "l2", "env-")).isEqualTo("configmap/l2 unlabeled\n");
        assertThat(k.json("configmap/l2").path("metadata").has("labels"))
                .as("removing the last label leaves no labels map, as Go's omitempty does").isFalse();
    }

    @Test
    void annotate() {
        InNamespace k = InNamespace.create(kubectl, "annotate-e2e");
        k.ok("create", "configmap", "a1");

        assertThat(k.ok("annotate", "configmap", "a1", "note=hello")).isEqualTo("configmap/a1 annotated\n");
        Kubectl.Result refused = k.run("annotate", "configmap", "a1", "note=bye");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("error: --overwrite is false but found the following declared "
                + "annotation(s): 'note' already has a value (hello)\n");
        assertThat(k.ok("annotate", "configmap", "a1", "note=bye", "--overwrite"))
                .isEqualTo("configmap/a1 annotated\n");
        assertThat(k.jsonpath("configmap/a1", "{.metadata.annotations.note}")).isEqualTo("bye");

        assertThat(k.ok("annotate", "configmap", "a1", "note-")).isEqualTo("configmap/a1 annotated\n");
        assertThat(k.json("configmap/a1").path("metadata").has("annotations")).isFalse();
    }

    @Test
    void patchMergeJsonAndStrategic() {
        InNamespace k = InNamespace.create(kubectl, "patch-e2e");
        k.ok("create", "configmap", "p1", "--from-literal=a=1", "--from-literal=b=2");

        assertThat(k.ok("patch", "configmap", "p1", "--type", "merge", "-p", "{\"data\":{\"a\":null,\"c\":\"3\"}}"))
                .isEqualTo("configmap/p1 patched\n");
        assertThat(k.jsonpath("configmap/p1", "{.data}")).isEqualTo("{\"b\":\"2\",\"c\":\"3\"}");
        assertThat(k.ok("patch", "configmap", "p1", "--type", "merge", "-p", "{\"data\":{\"c\":\"3\"}}"))
                .isEqualTo("configmap/p1 patched (no change)\n");

        assertThat(k.ok("patch", "configmap", "p1", "--type", "json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/data/b\",\"value\":\"20\"},{\"op\":\"add\",\"path\":\"/data/d\","
                        + "\"value\":\"4\"},{\"op\":\"remove\",\"path\":\"/data/c\"}]"))
                .isEqualTo("configmap/p1 patched\n");
        assertThat(k.jsonpath("configmap/p1", "{.data}")).isEqualTo("{\"b\":\"20\",\"d\":\"4\"}");

        k.ok("apply", "-f", Manifests.path("deployment.yaml"));
        assertThat(k.ok("patch", "deployment", "web", "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":["
                + "{\"name\":\"sidecar\",\"image\":\"busybox:1.36\"},"
                + "{\"name\":\"nginx\",\"env\":[{\"name\":\"MODE\",\"value\":\"prod\"}]}]}}}}"))
                .isEqualTo("deployment.apps/web patched\n");
        assertThat(k.jsonpath("deployment/web", "{range .spec.template.spec.containers[*]}{.name}={.image} "
                + "{.ports[0].containerPort} {.env[0].value};{end}"))
                .as("containers merge by name: nginx keeps image and ports and gains env; the patch's order wins")
                .isEqualTo("sidecar=busybox:1.36  ;nginx=nginx:1.25 80 prod;");
        assertThat(k.jsonpath("deployment/web", "{.metadata.generation}")).isEqualTo("2");

        assertThat(k.ok("patch", "deployment", "web", "--type", "strategic", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}}}"))
                .isEqualTo("deployment.apps/web patched\n");
        assertThat(k.jsonpath("deployment/web", "{.spec.template.spec.containers[*].name}")).isEqualTo("nginx");
    }

    @Test
    void scaleUsesTheScaleSubresourceWithPreconditions() {
        InNamespace k = InNamespace.create(kubectl, "scale-e2e");
        k.ok("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2");

        assertThat(k.ok("scale", "deployment", "web", "--replicas=5")).isEqualTo("deployment.apps/web scaled\n");
        assertThat(k.jsonpath("deployment/web", "{.spec.replicas} {.metadata.generation}")).isEqualTo("5 2");

        Kubectl.Result mismatch = k.run("scale", "deployment", "web", "--current-replicas=2", "--replicas=6");
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.stderr()).isEqualTo("error: Expected replicas to be 2, was 5\n");
        assertThat(k.jsonpath("deployment/web", "{.spec.replicas}")).isEqualTo("5");

        assertThat(k.ok("scale", "deployment/web", "--current-replicas=5", "--replicas=1"))
                .isEqualTo("deployment.apps/web scaled\n");
        assertThat(k.jsonpath("deployment/web", "{.spec.replicas}")).isEqualTo("1");

        k.ok("create", "-f", Manifests.path("replicaset.yaml"));
        assertThat(k.ok("scale", "rs", "rs1", "--replicas=0")).isEqualTo("replicaset.apps/rs1 scaled\n");
        assertThat(k.jsonpath("rs/rs1", "{.spec.replicas}")).isEqualTo("0");
    }

    @Test
    void deleteByNameSelectorAllAndFile() {
        InNamespace k = InNamespace.create(kubectl, "delete-e2e");
        for (String name : new String[] {"d1", "d2", "d3", "d4"}) {
            k.ok("create", "configmap", name);
        }
        k.ok("label", "configmap", "d2", "d3", "grp=x");

        assertThat(k.ok("delete", "configmap", "d1")).isEqualTo("configmap \"d1\" deleted\n");
        assertThat(k.ok("delete", "configmap", "-l", "grp=x")).isEqualTo("""
                configmap "d2" deleted
                configmap "d3" deleted
                """);
        assertThat(k.ok("get", "configmaps", "-o", "name")).isEqualTo("configmap/d4\n");
        assertThat(k.ok("delete", "configmaps", "--all")).isEqualTo("configmap \"d4\" deleted\n");
        assertThat(k.run("get", "configmaps").stderr()).isEqualTo("No resources found in delete-e2e namespace.\n");

        Kubectl.Result missing = k.run("delete", "configmap", "nosuch");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("Error from server (NotFound): configmaps \"nosuch\" not found\n");

        k.ok("create", "-f", Manifests.path("multi.yaml"));
        k.ok("apply", "-f", Manifests.path("deployment.yaml"));
        assertThat(k.ok("delete", "deployment", "web")).isEqualTo("deployment.apps \"web\" deleted\n");
        assertThat(k.ok("delete", "-f", Manifests.path("multi.yaml"))).isEqualTo("""
                configmap "cm-a" deleted
                service "svc-a" deleted
                pod "pod-a" deleted
                """);
    }

    @Test
    void deletedNamespaceIsTerminatingAndRefusesNewContent() {
        InNamespace k = InNamespace.create(kubectl, "doomed-e2e");
        k.ok("create", "configmap", "old");
        assertThat(kubectl.run("delete", "namespace", "doomed-e2e", "--wait=false").assertOk().stdout())
                .isEqualTo("namespace \"doomed-e2e\" deleted\n");
        assertThat(PrintedTable.parse(kubectl.run("get", "namespace", "doomed-e2e").assertOk().stdout())
                .row("doomed-e2e").get(1)).isEqualTo("Terminating");

        Kubectl.Result refused = k.run("create", "configmap", "new");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("error: failed to create configmap: configmaps \"new\" is forbidden: "
                + "unable to create new content in namespace doomed-e2e because it is being terminated\n");
    }

    @Test
    void deletingAnUnboundPodIsImmediate() {
        InNamespace k = InNamespace.create(kubectl, "pod-delete-e2e");
        k.ok("create", "-f", Manifests.path("multi.yaml"));
        assertThat(k.jsonpath("pod/pod-a", "{.status.phase} {.spec.nodeName}")).isEqualTo("Pending ");

        assertThat(k.ok("delete", "pod", "pod-a", "--wait=false")).isEqualTo("pod \"pod-a\" deleted\n");
        Kubectl.Result gone = k.run("get", "pod", "pod-a");
        assertThat(gone.exitCode()).as("no grace period for a pod no kubelet runs").isEqualTo(1);
        assertThat(gone.stderr()).isEqualTo("Error from server (NotFound): pods \"pod-a\" not found\n");
    }

    @Test
    void waitForJsonpathAndForDelete() {
        InNamespace k = InNamespace.create(kubectl, "wait-e2e");
        k.ok("create", "configmap", "w", "--from-literal=a=1");

        assertThat(k.ok("wait", "--for=jsonpath={.data.a}=1", "configmap/w", "--timeout=10s"))
                .isEqualTo("configmap/w condition met\n");
        Kubectl.Result timedOut = k.run("wait", "--for=jsonpath={.data.a}=2", "configmap/w", "--timeout=1s");
        assertThat(timedOut.exitCode()).isEqualTo(1);
        assertThat(timedOut.stderr()).isEqualTo("error: timed out waiting for the condition on configmaps/w\n");

        try (StreamedRun waiting = StreamedRun.start(kubectl, "-n", "wait-e2e", "wait", "--for=jsonpath={.data.a}=2",
                "configmap/w", "--timeout=30s")) {
            k.ok("patch", "configmap", "w", "--type", "merge", "-p", "{\"data\":{\"a\":\"2\"}}");
            waiting.awaitStdout(out -> out.equals("configmap/w condition met\n"), Duration.ofSeconds(20));
        }
        try (StreamedRun waiting = StreamedRun.start(kubectl, "-n", "wait-e2e", "wait", "--for=delete",
                "configmap/w", "--timeout=30s")) {
            // a wait that starts after the object is gone succeeds silently: delete only once it watches
            awaitWatches("configmaps");
            k.ok("delete", "configmap", "w");
            waiting.awaitStdout(out -> out.equals("configmap/w condition met\n"), Duration.ofSeconds(20));
        }
        Kubectl.Result nothing = k.run("wait", "--for=condition=Ready", "pod", "-l", "app=none", "--timeout=1s");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.stderr()).isEqualTo("error: no matching resources found\n");
    }

    /** Waits until the server counts an open watch on {@code resource} (its long-running request gauge). */
    private static void awaitWatches(String resource) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                PrometheusText.parse(kubectl.run("get", "--raw", "/metrics").assertOk().stdout())
                        .find("apiserver_longrunning_requests", "resource", resource, "verb", "WATCH").stream()
                        .anyMatch(sample -> sample.value() >= 1));
    }
}
