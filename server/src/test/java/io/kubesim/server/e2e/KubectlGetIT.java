package io.kubesim.server.e2e;

import static io.kubesim.server.e2e.PrintedTable.AN_AGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get} and {@code describe} output for every served kind, compared cell by cell
 * with what a real 1.32 cluster prints for the same objects (ages masked), plus the output
 * formats, selectors, sorting, cordon, logs and the NotFound lines. Pods stay Pending: no scheduler
 * runs.
 */
class KubectlGetIT {

    private static final String NS = "get-e2e";
    private static final String IPV4 = "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";

    private static TestServer server;
    private static KubernetesClient client;
    private static Kubectl kubectl;
    /** kubectl in {@link #NS}. */
    private static InNamespace k;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client();
        kubectl = new Kubectl(server.adminKubeconfig());
        k = InNamespace.create(kubectl, NS);
        k.run("apply", "-f", Manifests.path("deployment.yaml")).assertOk();
        k.run("create", "-f", Manifests.path("multi.yaml")).assertOk();
        k.run("create", "-f", Manifests.path("replicaset.yaml")).assertOk();
        k.run("create", "-f", Manifests.path("lease.yaml")).assertOk();
        k.run("create", "secret", "generic", "s1", "--from-literal=user=admin").assertOk();
        kubectl.run("create", "-f", Manifests.path("node.yaml")).assertOk();
        createEvents();
    }

    /** Two events about pod-a, as the kubelet and the scheduler would report them. */
    private static void createEvents() {
        String podUid = client.pods().inNamespace(NS).withName("pod-a").get().getMetadata().getUid();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        client.v1().events().inNamespace(NS).resource(new EventBuilder()
                .withNewMetadata().withName("pod-a.backoff").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withNamespace(NS).withName("pod-a")
                .withUid(podUid).withFieldPath("spec.containers{c}").endInvolvedObject()
                .withType("Warning").withReason("BackOff").withMessage("Back-off restarting failed container")
                .withCount(3).withFirstTimestamp(now).withLastTimestamp(now)
                .withNewSource().withComponent("kubelet").withHost("node1").endSource().build()).create();
        client.v1().events().inNamespace(NS).resource(new EventBuilder()
                .withNewMetadata().withName("pod-a.scheduled").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withNamespace(NS).withName("pod-a")
                .withUid(podUid).endInvolvedObject()
                .withType("Normal").withReason("Scheduled").withMessage("Successfully assigned get-e2e/pod-a to node1")
                .withCount(1).withFirstTimestamp(now).withLastTimestamp(now)
                .withNewSource().withComponent("default-scheduler").endSource().build()).create();
    }

    @AfterAll
    static void stop() {
        kubectl.cleanUp();
        client.close();
        server.close();
    }

    @Test
    void pods() {
        PrintedTable t = k.table("get", "pods").withAges("AGE");
        assertThat(t.header()).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE");
        assertThat(t.rows()).containsExactly(List.of("pod-a", "0/1", "Pending", "0", AN_AGE));

        PrintedTable wide = k.table("get", "pods", "-o", "wide").withAges("AGE");
        assertThat(wide.header()).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE",
                "NOMINATED NODE", "READINESS GATES");
        assertThat(wide.rows()).containsExactly(
                List.of("pod-a", "0/1", "Pending", "0", AN_AGE, "<none>", "<none>", "<none>", "<none>"));

        PrintedTable labels = k.table("get", "po", "--show-labels").withAges("AGE");
        assertThat(labels.header()).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE", "LABELS");
        assertThat(labels.rows()).containsExactly(List.of("pod-a", "0/1", "Pending", "0", AN_AGE, "app=web"));

        PrintedTable column = k.table("get", "pods", "-L", "app", "-L", "tier").withAges("AGE");
        assertThat(column.header()).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE", "APP", "TIER");
        assertThat(column.rows()).containsExactly(List.of("pod-a", "0/1", "Pending", "0", AN_AGE, "web", ""));

        PrintedTable all = PrintedTable.parse(kubectl.run("get", "pods", "-A").assertOk().stdout()).withAges("AGE");
        assertThat(all.header()).containsExactly("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE");
        assertThat(all.rows()).containsExactly(List.of(NS, "pod-a", "0/1", "Pending", "0", AN_AGE));
    }

    @Test
    void deploymentsAndReplicaSets() {
        PrintedTable d = k.table("get", "deployments").withAges("AGE");
        assertThat(d.header()).containsExactly("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
        assertThat(d.rows()).containsExactly(List.of("web", "0/2", "0", "0", AN_AGE));

        PrintedTable dw = k.table("get", "deploy", "-o", "wide").withAges("AGE");
        assertThat(dw.header()).containsExactly("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS",
                "IMAGES", "SELECTOR");
        assertThat(dw.rows()).containsExactly(List.of("web", "0/2", "0", "0", AN_AGE, "nginx", "nginx:1.25",
                "app=web"));

        PrintedTable rs = k.table("get", "replicasets").withAges("AGE");
        assertThat(rs.header()).containsExactly("NAME", "DESIRED", "CURRENT", "READY", "AGE");
        assertThat(rs.rows()).containsExactly(List.of("rs1", "2", "0", "0", AN_AGE));

        PrintedTable rsw = k.table("get", "rs", "-o", "wide").withAges("AGE");
        assertThat(rsw.header()).containsExactly("NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES",
                "SELECTOR");
        assertThat(rsw.rows()).containsExactly(List.of("rs1", "2", "0", "0", AN_AGE, "app", "busybox:1.36",
                "app=rs1"));
    }

    @Test
    void servicesConfigMapsSecretsNamespacesLeases() {
        PrintedTable svc = k.table("get", "services", "-o", "wide").withAges("AGE");
        assertThat(svc.header()).containsExactly("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE",
                "SELECTOR");
        List<String> row = svc.row("svc-a");
        assertThat(row.get(2)).matches(IPV4);
        assertThat(row).containsExactly("svc-a", "ClusterIP", row.get(2), "<none>", "80/TCP", AN_AGE, "app=web");

        assertThat(k.table("get", "configmaps").withAges("AGE").rows()).containsExactly(List.of("cm-a", "1", AN_AGE));
        assertThat(k.table("get", "cm").header()).containsExactly("NAME", "DATA", "AGE");

        PrintedTable secrets = k.table("get", "secrets").withAges("AGE");
        assertThat(secrets.header()).containsExactly("NAME", "TYPE", "DATA", "AGE");
        assertThat(secrets.rows()).containsExactly(List.of("s1", "Opaque", "1", AN_AGE));

        PrintedTable ns = PrintedTable.parse(kubectl.run("get", "namespaces").assertOk().stdout()).withAges("AGE");
        assertThat(ns.header()).containsExactly("NAME", "STATUS", "AGE");
        assertThat(ns.rows()).contains(List.of("default", "Active", AN_AGE), List.of("kube-system", "Active", AN_AGE),
                List.of(NS, "Active", AN_AGE));

        PrintedTable leases = k.table("get", "leases").withAges("AGE");
        assertThat(leases.header()).containsExactly("NAME", "HOLDER", "AGE");
        assertThat(leases.rows()).containsExactly(List.of("my-lease", "holder-1", AN_AGE));
    }

    @Test
    void nodes() {
        PrintedTable t = PrintedTable.parse(kubectl.run("get", "nodes").assertOk().stdout()).withAges("AGE");
        assertThat(t.header()).containsExactly("NAME", "STATUS", "ROLES", "AGE", "VERSION");
        assertThat(t.row("node1")).containsExactly("node1", "Ready", "control-plane", AN_AGE, "v1.32.0");

        PrintedTable wide = PrintedTable.parse(kubectl.run("get", "no", "-o", "wide").assertOk().stdout())
                .withAges("AGE");
        assertThat(wide.header()).containsExactly("NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP",
                "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME");
        assertThat(wide.row("node1")).containsExactly("node1", "Ready", "control-plane", AN_AGE, "v1.32.0",
                "10.0.0.11", "<none>", "Ubuntu 22.04.4 LTS", "6.1.0-18-amd64", "containerd://1.7.13");
    }

    @Test
    void cordonAndUncordon() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node2").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.32.0").endNodeInfo().endStatus().build()).create();

        assertThat(kubectl.run("cordon", "node2").assertOk().stdout()).isEqualTo("node/node2 cordoned\n");
        assertThat(PrintedTable.parse(kubectl.run("get", "node", "node2").assertOk().stdout()).row("node2").get(1))
                .isEqualTo("Ready,SchedulingDisabled");
        assertThat(kubectl.run("get", "node", "node2", "-o", "jsonpath={.spec.unschedulable}").stdout())
                .isEqualTo("true");
        assertThat(kubectl.run("cordon", "node2").assertOk().stdout()).isEqualTo("node/node2 already cordoned\n");

        assertThat(kubectl.run("uncordon", "node2").assertOk().stdout()).isEqualTo("node/node2 uncordoned\n");
        assertThat(kubectl.run("get", "node", "node2", "-o", "jsonpath={.spec}").stdout())
                .as("uncordon's null removes the field").isEqualTo("{}");
        assertThat(PrintedTable.parse(kubectl.run("get", "node", "node2").assertOk().stdout()).row("node2").get(1))
                .isEqualTo("Ready");
        assertThat(kubectl.run("uncordon", "node2").assertOk().stdout()).isEqualTo("node/node2 already uncordoned\n");
    }

    @Test
    void events() {
        PrintedTable t = k.table("get", "events").withAges("LAST SEEN");
        assertThat(t.header()).containsExactly("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
        assertThat(t.rows()).containsExactlyInAnyOrder(
                List.of(AN_AGE, "Warning", "BackOff", "pod/pod-a", "Back-off restarting failed container"),
                List.of(AN_AGE, "Normal", "Scheduled", "pod/pod-a", "Successfully assigned get-e2e/pod-a to node1"));

        PrintedTable wide = k.table("get", "ev", "-o", "wide").withAges("LAST SEEN", "FIRST SEEN");
        assertThat(wide.header()).containsExactly("LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE",
                "MESSAGE", "FIRST SEEN", "COUNT", "NAME");
        assertThat(wide.rows()).containsExactlyInAnyOrder(
                List.of(AN_AGE, "Warning", "BackOff", "pod/pod-a", "spec.containers{c}", "kubelet, node1",
                        "Back-off restarting failed container", AN_AGE, "3", "pod-a.backoff"),
                List.of(AN_AGE, "Normal", "Scheduled", "pod/pod-a", "", "default-scheduler",
                        "Successfully assigned get-e2e/pod-a to node1", AN_AGE, "1", "pod-a.scheduled"));

        PrintedTable all = PrintedTable.parse(kubectl.run("get", "events", "-A").assertOk().stdout());
        assertThat(all.header()).containsExactly("NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
        assertThat(all.column("NAMESPACE")).containsOnly(NS);
    }

    @Test
    void getAllPrintsOneTablePerKindWithQualifiedNames() {
        List<PrintedTable> tables = PrintedTable.parseAll(k.run("get", "all").assertOk().stdout());
        assertThat(tables).extracting(PrintedTable::header).containsExactly(
                List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"),
                List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"),
                List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"));
        assertThat(tables).extracting(t -> t.column("NAME")).containsExactly(List.of("pod/pod-a"),
                List.of("service/svc-a"), List.of("deployment.apps/web"), List.of("replicaset.apps/rs1"));
    }

    @Test
    void outputFormats() {
        JsonNode yaml = Json.parseYaml(k.run("get", "configmap", "cm-a", "-o", "yaml").assertOk().stdout().getBytes());
        assertThat(yaml.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(yaml.path("kind").asString()).isEqualTo("ConfigMap");
        assertThat(yaml.path("metadata").path("name").asString()).isEqualTo("cm-a");
        assertThat(yaml.path("metadata").path("namespace").asString()).isEqualTo(NS);
        assertThat(yaml.path("data").path("a").asString()).isEqualTo("1");

        JsonNode list = Json.parse(k.run("get", "pods,services", "-o", "json").assertOk().stdout());
        assertThat(list.path("kind").asString()).isEqualTo("List");
        assertThat(list.path("items")).extracting(i -> i.path("kind").asString() + "/" + i.path("metadata")
                .path("name").asString()).containsExactly("Pod/pod-a", "Service/svc-a");

        assertThat(k.run("get", "deployments,configmaps", "-o", "name").assertOk().stdout())
                .isEqualTo("deployment.apps/web\nconfigmap/cm-a\n");
        assertThat(k.run("get", "pods", "-o", "jsonpath={.items[*].metadata.name} {.items[0].status.phase}").assertOk()
                .stdout()).isEqualTo("pod-a Pending");
        assertThat(k.run("get", "deploy", "-o", "custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,"
                + "IMAGE:.spec.template.spec.containers[0].image").assertOk().stdout()).isEqualTo("""
                NAME   REPLICAS   IMAGE
                web    2          nginx:1.25
                """);
    }

    @Test
    void sortBy() {
        kubectl.run("create", "namespace", "sort-e2e").assertOk();
        for (String name : List.of("sort-c", "sort-a", "sort-b")) {
            kubectl.run("create", "configmap", name, "-n", "sort-e2e", "--from-literal=n=" + name.length()).assertOk();
        }
        assertThat(PrintedTable.parse(kubectl.run("get", "cm", "-n", "sort-e2e", "--sort-by=.metadata.name")
                .assertOk().stdout()).column("NAME")).containsExactly("sort-a", "sort-b", "sort-c");
        PrintedTable all = PrintedTable.parse(kubectl.run("get", "cm", "-A", "--sort-by=.metadata.name").assertOk()
                .stdout());
        assertThat(all.header()).containsExactly("NAMESPACE", "NAME", "DATA", "AGE");
        assertThat(all.column("NAME")).containsExactly("cm-a", "sort-a", "sort-b", "sort-c");
        assertThat(all.column("NAMESPACE")).containsExactly(NS, "sort-e2e", "sort-e2e", "sort-e2e");
    }

    @Test
    void fieldSelectors() {
        assertThat(k.table("get", "pods", "--field-selector", "status.phase=Pending").column("NAME"))
                .containsExactly("pod-a");
        Kubectl.Result none = k.run("get", "pods", "--field-selector", "status.phase=Running");
        assertThat(none.assertOk().stdout()).isEmpty();
        assertThat(none.stderr()).isEqualTo("No resources found in " + NS + " namespace.\n");
        assertThat(k.table("get", "events", "--field-selector", "reason=BackOff,involvedObject.kind=Pod")
                .column("REASON")).containsExactly("BackOff");
        assertThat(k.table("get", "cm", "--field-selector", "metadata.name=cm-a").column("NAME"))
                .containsExactly("cm-a");

        Kubectl.Result bad = k.run("get", "pods", "--field-selector", "spec.foo=bar");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).isEqualTo("Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that "
                + "match label selector \"\", field selector \"spec.foo=bar\": field label not supported: spec.foo\n");
    }

    @Test
    void notFound() {
        Kubectl.Result r = k.run("get", "pod", "nosuch");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("Error from server (NotFound): pods \"nosuch\" not found\n");

        Kubectl.Result mixed = k.run("get", "pods", "nosuch", "pod-a");
        assertThat(mixed.exitCode()).isEqualTo(1);
        assertThat(mixed.stderr()).isEqualTo("Error from server (NotFound): pods \"nosuch\" not found\n");
        assertThat(PrintedTable.parse(mixed.stdout()).column("NAME")).containsExactly("pod-a");

        assertThat(k.run("get", "deployment", "nosuch").stderr())
                .isEqualTo("Error from server (NotFound): deployments.apps \"nosuch\" not found\n");
        assertThat(kubectl.run("get", "namespace", "nosuch").stderr())
                .isEqualTo("Error from server (NotFound): namespaces \"nosuch\" not found\n");
        assertThat(kubectl.run("get", "pods", "-n", "nosuch").stderr())
                .isEqualTo("No resources found in nosuch namespace.\n");
    }

    @Test
    void logsOfAnUnscheduledPodAreEmpty() {
        Kubectl.Result r = k.run("logs", "pod-a");
        assertThat(r.assertOk().stdout()).isEmpty();
        assertThat(r.stderr()).isEmpty();

        Kubectl.Result wrong = k.run("logs", "pod-a", "-c", "nosuch");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stderr()).isEqualTo("error: container nosuch is not valid for pod pod-a\n");
    }

    @Test
    void describePodShowsSpecStatusAndEvents() {
        List<String> lines = k.run("describe", "pod", "pod-a").assertOk().stdout().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("Name:\\s+pod-a"))
                .anyMatch(l -> l.matches("Namespace:\\s+" + NS))
                .anyMatch(l -> l.matches("Labels:\\s+app=web"))
                .anyMatch(l -> l.matches("Status:\\s+Pending"))
                .anyMatch(l -> l.matches("\\s+Image:\\s+busybox"))
                .anyMatch(l -> l.matches("QoS Class:\\s+BestEffort"))
                .anyMatch(l -> l.matches("\\s+Type\\s+Reason\\s+Age\\s+From\\s+Message"))
                // describe's From column is the source component only (get -o wide adds the host)
                .anyMatch(l -> l.matches("\\s+Warning\\s+BackOff\\s+\\S+ \\(x3 over \\S+\\)\\s+kubelet\\s+"
                        + "Back-off restarting failed container"))
                .anyMatch(l -> l.matches("\\s+Normal\\s+Scheduled\\s+\\S+\\s+default-scheduler\\s+"
                        + "Successfully assigned get-e2e/pod-a to node1"));
    }

    @Test
    void describeDeploymentAndNode() {
        List<String> d = k.run("describe", "deployment", "web").assertOk().stdout().lines().toList();
        assertThat(d).anyMatch(l -> l.matches("Name:\\s+web"))
                .anyMatch(l -> l.matches("Selector:\\s+app=web"))
                .anyMatch(l -> l.matches("Replicas:\\s+2 desired \\| 0 updated \\| 0 total \\| 0 available \\| "
                        + "0 unavailable"))
                .anyMatch(l -> l.matches("StrategyType:\\s+RollingUpdate"))
                .anyMatch(l -> l.matches("RollingUpdateStrategy:\\s+25% max unavailable, 25% max surge"))
                .anyMatch(l -> l.matches("\\s+Image:\\s+nginx:1.25"))
                .anyMatch(l -> l.matches("\\s+Port:\\s+80/TCP"));

        List<String> n = kubectl.run("describe", "node", "node1").assertOk().stdout().lines().toList();
        assertThat(n).anyMatch(l -> l.matches("Name:\\s+node1"))
                .anyMatch(l -> l.matches("Roles:\\s+control-plane"))
                .anyMatch(l -> l.matches("Unschedulable:\\s+false"))
                .anyMatch(l -> l.matches("\\s+Ready\\s+True\\s+.*KubeletReady\\s+kubelet is posting ready status"))
                .anyMatch(l -> l.matches("\\s+InternalIP:\\s+10.0.0.11"))
                .anyMatch(l -> l.matches("\\s+Kernel Version:\\s+6.1.0-18-amd64"))
                .anyMatch(l -> l.matches("\\s+Kubelet Version:\\s+v1.32.0"))
                .anyMatch(l -> l.matches("Non-terminated Pods:\\s+\\(0 in total\\)"));
    }
}
