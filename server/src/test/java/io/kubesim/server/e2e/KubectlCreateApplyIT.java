package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Writes through the real kubectl: {@code create -f}, the protobuf generators, client-side
 * {@code apply} (created / unchanged / configured), server-side apply, {@code diff},
 * {@code replace}, {@code edit}, server dry runs, and the exact error lines for AlreadyExists,
 * Invalid, strict decoding and missing namespaces.
 */
class KubectlCreateApplyIT {

    private static final String NS = "create-e2e";

    private static TestServer server;
    private static Kubectl kubectl;
    /** kubectl in {@link #NS}. */
    private static InNamespace k;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kubectl = new Kubectl(server.adminKubeconfig());
        k = InNamespace.create(kubectl, NS);
    }

    @AfterAll
    static void stop() {
        kubectl.cleanUp();
        server.close();
    }

    @Test
    void createFromAMultiDocumentFileThenAgainIsAlreadyExists() {
        String file = Manifests.path("multi.yaml");
        Kubectl.Result first = k.run("create", "-f", file).assertOk();
        assertThat(first.stdout()).isEqualTo("""
                configmap/cm-a created
                service/svc-a created
                pod/pod-a created
                """);

        Kubectl.Result again = k.run("create", "-f", file);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stdout()).isEmpty();
        assertThat(again.stderr()).isEqualTo(
                "Error from server (AlreadyExists): error when creating \"" + file
                        + "\": configmaps \"cm-a\" already exists\n"
                + "Error from server (AlreadyExists): error when creating \"" + file
                        + "\": services \"svc-a\" already exists\n"
                + "Error from server (AlreadyExists): error when creating \"" + file
                        + "\": pods \"pod-a\" already exists\n");
    }

    @Test
    void protobufGeneratorsCreateWhatTheyDescribe() {
        assertThat(kubectl.run("create", "namespace", "gen-e2e").assertOk().stdout())
                .isEqualTo("namespace/gen-e2e created\n");
        assertThat(kubectl.run("get", "namespace", "gen-e2e", "-o", "jsonpath={.status.phase}").assertOk().stdout())
                .isEqualTo("Active");

        assertThat(k.run("create", "configmap", "gen-cm", "--from-literal=a=1", "--from-literal=b=two").assertOk()
                .stdout()).isEqualTo("configmap/gen-cm created\n");
        assertThat(k.jsonpath("configmap/gen-cm", "{.data}")).isEqualTo("{\"a\":\"1\",\"b\":\"two\"}");

        assertThat(k.run("create", "secret", "generic", "gen-secret", "--from-literal=password=s3cr3t").assertOk()
                .stdout()).isEqualTo("secret/gen-secret created\n");
        assertThat(k.jsonpath("secret/gen-secret", "{.type} {.data.password}")).isEqualTo(
                "Opaque " + Base64.getEncoder().encodeToString("s3cr3t".getBytes()));

        assertThat(k.run("create", "deployment", "gen-deploy", "--image=nginx:1.27", "--replicas=2").assertOk()
                .stdout()).isEqualTo("deployment.apps/gen-deploy created\n");
        assertThat(k.jsonpath("deployment/gen-deploy", "{.spec.replicas} {.spec.selector.matchLabels.app} "
                + "{.spec.template.spec.containers[0].name} {.spec.template.spec.containers[0].image} "
                + "{.metadata.generation}")).isEqualTo("2 gen-deploy nginx nginx:1.27 1");

        assertThat(k.run("create", "serviceaccount", "gen-sa").assertOk().stdout())
                .isEqualTo("serviceaccount/gen-sa created\n");
        assertThat(k.jsonpath("serviceaccount/gen-sa", "{.metadata.name}")).isEqualTo("gen-sa");
    }

    @Test
    void applyCreatesThenIsUnchangedThenConfiguresWithAStrategicMerge() {
        assertThat(k.run("apply", "-f", Manifests.path("deployment.yaml")).assertOk().stdout())
                .isEqualTo("deployment.apps/web created\n");
        assertThat(k.jsonpath("deployment/web", "{.metadata.annotations}"))
                .contains("kubectl.kubernetes.io/last-applied-configuration");

        assertThat(k.run("apply", "-f", Manifests.path("deployment.yaml")).assertOk().stdout())
                .isEqualTo("deployment.apps/web unchanged\n");

        assertThat(k.run("apply", "-f", Manifests.path("deployment-v2.yaml")).assertOk().stdout())
                .isEqualTo("deployment.apps/web configured\n");
        assertThat(k.jsonpath("deployment/web", "{.spec.replicas} {.spec.template.spec.containers[0].image} "
                + "{.metadata.generation}")).isEqualTo("3 nginx:1.26 2");
        assertThat(k.jsonpath("deployment/web", "{.spec.template.spec.containers[0].ports}"))
                .as("the strategic merge keeps the container's ports")
                .isEqualTo("[{\"containerPort\":80,\"protocol\":\"TCP\"}]");

        assertThat(k.run("apply", "-f", Manifests.path("deployment-v2.yaml")).assertOk().stdout())
                .isEqualTo("deployment.apps/web unchanged\n");
    }

    @Test
    void serverSideApplyAndDiff() {
        kubectl.run("create", "namespace", "ssa-e2e").assertOk();
        assertThat(kubectl.run("-n", "ssa-e2e", "apply", "--server-side", "-f", Manifests.path("deployment.yaml"))
                .assertOk().stdout()).isEqualTo("deployment.apps/web serverside-applied\n");

        Kubectl.Result diff = kubectl.run("-n", "ssa-e2e", "diff", "-f", Manifests.path("deployment-v2.yaml"));
        assertThat(diff.exitCode()).as("diff exits 1 when there are differences").isEqualTo(1);
        assertThat(diff.stdout().lines()).contains("-  replicas: 2", "+  replicas: 3", "-      - image: nginx:1.25",
                "+      - image: nginx:1.26");
        assertThat(kubectl.run("-n", "ssa-e2e", "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")
                .stdout()).as("diff is a server dry run").isEqualTo("2");

        assertThat(kubectl.run("-n", "ssa-e2e", "apply", "--server-side", "-f", Manifests.path("deployment-v2.yaml"))
                .assertOk().stdout()).isEqualTo("deployment.apps/web serverside-applied\n");
        assertThat(kubectl.run("-n", "ssa-e2e", "diff", "-f", Manifests.path("deployment-v2.yaml")).assertOk()
                .stdout()).isEmpty();
    }

    @Test
    void invalidObjectPrintsEveryCause() {
        Kubectl.Result r = k.run("create", "-f", Manifests.path("invalid-configmap.yaml"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("""
                The ConfigMap "bad_name" is invalid: \n\
                * metadata.name: Invalid value: "bad_name": a lowercase RFC 1123 subdomain must consist of lower \
                case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character \
                (e.g. 'example.com', regex used for validation is \
                '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
                * data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric \
                characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for \
                validation is '[-._a-zA-Z0-9]+')
                """);
    }

    @Test
    void unknownFieldIsAStrictDecodingError() {
        String file = Manifests.path("unknown-field.yaml");
        Kubectl.Result r = k.run("create", "-f", file);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Error from server (BadRequest): error when creating \"" + file
                + "\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: "
                + "unknown field \"spec.foo\"\n");
        assertThat(k.run("get", "deployment", "strict").exitCode()).isEqualTo(1);
    }

    @Test
    void creatingInAMissingNamespaceIsNotFound() {
        String file = Manifests.path("multi.yaml");
        Kubectl.Result r = kubectl.run("create", "-n", "nosuch", "-f", file);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().lines()).containsExactly(
                "Error from server (NotFound): error when creating \"" + file + "\": namespaces \"nosuch\" not found",
                "Error from server (NotFound): error when creating \"" + file + "\": namespaces \"nosuch\" not found",
                "Error from server (NotFound): error when creating \"" + file + "\": namespaces \"nosuch\" not found");

        Kubectl.Result generator = kubectl.run("create", "configmap", "x", "-n", "nosuch", "--from-literal=a=1");
        assertThat(generator.exitCode()).isEqualTo(1);
        assertThat(generator.stderr())
                .isEqualTo("error: failed to create configmap: namespaces \"nosuch\" not found\n");
    }

    @Test
    void serverDryRunValidatesButDoesNotPersist() {
        assertThat(k.run("create", "configmap", "dry", "--from-literal=a=1", "--dry-run=server").assertOk().stdout())
                .isEqualTo("configmap/dry created (server dry run)\n");
        assertThat(k.run("apply", "-f", Manifests.path("replicaset.yaml"), "--dry-run=server").assertOk().stdout())
                .isEqualTo("replicaset.apps/rs1 created (server dry run)\n");

        Kubectl.Result get = k.run("get", "configmap", "dry");
        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.stderr()).isEqualTo("Error from server (NotFound): configmaps \"dry\" not found\n");
        assertThat(k.run("get", "replicaset", "rs1").stderr())
                .isEqualTo("Error from server (NotFound): replicasets.apps \"rs1\" not found\n");

        Kubectl.Result invalid = k.run("create", "-f", Manifests.path("invalid-configmap.yaml"), "--dry-run=server");
        assertThat(invalid.exitCode()).as("dry runs still validate").isEqualTo(1);
        assertThat(invalid.stderr()).startsWith("The ConfigMap \"bad_name\" is invalid: \n");
    }

    @Test
    void replaceWritesTheWholeObjectAndRefusesAStaleOne() {
        k.run("create", "configmap", "rp", "--from-literal=a=1").assertOk();
        String live = k.run("get", "configmap", "rp", "-o", "yaml").assertOk().stdout();
        assertThat(live).contains("  a: \"1\"\n");

        String changed = live.replace("  a: \"1\"\n", "  a: \"2\"\n  b: \"3\"\n");
        Kubectl.Result replaced = kubectl.run(changed, Duration.ofSeconds(30), "-n", NS, "replace", "-f", "-");
        assertThat(replaced.assertOk().stdout()).isEqualTo("configmap/rp replaced\n");
        assertThat(k.jsonpath("configmap/rp", "{.data}")).isEqualTo("{\"a\":\"2\",\"b\":\"3\"}");

        Kubectl.Result stale = kubectl.run(live, Duration.ofSeconds(30), "-n", NS, "replace", "-f", "-");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.stderr()).isEqualTo("Error from server (Conflict): error when replacing \"STDIN\": "
                + "Operation cannot be fulfilled on configmaps \"rp\": the object has been modified; please apply "
                + "your changes to the latest version and try again\n");
    }

    @Test
    void editPatchesWhatTheEditorChanged() {
        k.run("create", "configmap", "ed", "--from-literal=a=1", "--from-literal=keep=yes").assertOk();
        String before = k.jsonpath("configmap/ed", "{.metadata.resourceVersion}");

        Kubectl.Result edited = kubectl.run(Map.of("EDITOR", "sed -i 's/a: \"1\"/a: \"2\"/'"), "-n", NS, "edit",
                "configmap", "ed");
        assertThat(edited.assertOk().stdout()).isEqualTo("configmap/ed edited\n");
        assertThat(k.jsonpath("configmap/ed", "{.data}")).isEqualTo("{\"a\":\"2\",\"keep\":\"yes\"}");
        assertThat(k.jsonpath("configmap/ed", "{.metadata.resourceVersion}")).isNotEqualTo(before);

        Kubectl.Result untouched = kubectl.run(Map.of("EDITOR", "true"), "-n", NS, "edit", "configmap", "ed");
        assertThat(untouched.assertOk().stderr()).isEqualTo("Edit cancelled, no changes made.\n");
    }

    @Test
    void createdObjectsCarryServerMetadata() {
        k.run("create", "configmap", "meta", "--from-literal=a=1").assertOk();
        JsonNode cm = Json.parse(k.run("get", "configmap", "meta", "-o", "json").assertOk().stdout());
        assertThat(cm.path("kind").asString()).isEqualTo("ConfigMap");
        assertThat(cm.path("apiVersion").asString()).isEqualTo("v1");
        JsonNode meta = cm.path("metadata");
        assertThat(meta.path("namespace").asString()).isEqualTo(NS);
        assertThat(meta.path("uid").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(meta.path("resourceVersion").asString()).matches("\\d+");
        assertThat(meta.path("creationTimestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
}
