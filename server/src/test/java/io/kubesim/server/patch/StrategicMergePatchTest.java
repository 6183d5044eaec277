package io.kubesim.server.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import io.kubesim.server.schema.AnySchema;
import io.kubesim.server.schema.ObjectSchema;
import io.kubesim.server.schema.SchemaRegistry;
import io.kubesim.server.schema.TypeSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StrategicMergePatchTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry();
    private static final ObjectSchema DEPLOYMENT = REGISTRY.forModel(Deployment.class);
    private static final ObjectSchema POD = REGISTRY.forModel(Pod.class);
    private static final ObjectSchema NODE = REGISTRY.forModel(Node.class);

    private static final String NGINX = """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"nginx","namespace":"default","uid":"u1","resourceVersion":"7",
                         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"old\\n"},
                         "finalizers":["a","b"]},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
                     "template":{"metadata":{"labels":{"app":"nginx"}},
                                 "spec":{"containers":[{"name":"nginx","image":"nginx:1.25",
                                                        "ports":[{"containerPort":80,"protocol":"TCP"}],
                                                        "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],
                                         "tolerations":[{"key":"k1","operator":"Exists"}]}}}}
            """;

    @Test
    void kubectlClientSideApplyKeepsUnmentionedContainerFields() {
        JsonNode patched = smp(NGINX, """
                {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"new\\n"}},
                 "spec":{"replicas":4,"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],
                         "containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}
                """, DEPLOYMENT);

        JsonNode expected = Json.parse(NGINX);
        ((ObjectNode) expected.get("metadata").get("annotations"))
                .put("kubectl.kubernetes.io/last-applied-configuration", "new\n");
        ((ObjectNode) expected.get("spec")).put("replicas", 4);
        ((ObjectNode) expected.at("/spec/template/spec/containers/0"))
                .put("image", "nginx:1.26");
        assertThat(patched).isEqualTo(expected);
        assertThat(patched.at("/spec/template/spec/containers/0/ports/0/containerPort").asInt()).isEqualTo(80);
    }

    @Test
    void cordonAndUncordon() {
        String node = "{\"metadata\":{\"name\":\"node1\"},\"spec\":{\"podCIDR\":\"10.0.0.0/24\"}}";
        JsonNode cordoned = smp(node, "{\"spec\":{\"unschedulable\":true}}", NODE);
        assertThat(cordoned.at("/spec/unschedulable").asBoolean()).isTrue();

        JsonNode uncordoned = StrategicMergePatch.apply(cordoned, Json.parse("{\"spec\":{\"unschedulable\":null}}"),
                NODE);
        assertThat(uncordoned).isEqualTo(Json.parse(node));
        assertThat(uncordoned.get("spec").has("unschedulable")).isFalse();
    }

    @Test
    void deleteDirectiveRemovesAnEnvVarByName() {
        JsonNode patched = smp(NGINX, """
                {"spec":{"template":{"spec":{"containers":[{"name":"nginx",
                    "env":[{"name":"A","$patch":"delete"},{"name":"C","value":"3"}]}]}}}}
                """, DEPLOYMENT);
        // Without $setElementOrder, patch elements come first unless a current-only element preceded them.
        assertThat(patched.at("/spec/template/spec/containers/0/env")).isEqualTo(Json.parse("""
                [{"name":"C","value":"3"},{"name":"B","value":"2"}]
                """));

        JsonNode ordered = smp(NGINX, """
                {"spec":{"template":{"spec":{"containers":[{"name":"nginx",
                    "$setElementOrder/env":[{"name":"B"},{"name":"C"}],
                    "env":[{"name":"A","$patch":"delete"},{"name":"C","value":"3"}]}]}}}}
                """, DEPLOYMENT);
        assertThat(ordered.at("/spec/template/spec/containers/0/env")).isEqualTo(Json.parse("""
                [{"name":"B","value":"2"},{"name":"C","value":"3"}]
                """));
    }

    @Test
    void portsMergeByContainerPort() {
        JsonNode patched = smp(NGINX, """
                {"spec":{"template":{"spec":{"containers":[{"name":"nginx",
                    "ports":[{"containerPort":443,"name":"https"},{"containerPort":80,"name":"http"}]}]}}}}
                """, DEPLOYMENT);
        assertThat(patched.at("/spec/template/spec/containers/0/ports")).isEqualTo(Json.parse("""
                [{"containerPort":443,"name":"https"},{"containerPort":80,"protocol":"TCP","name":"http"}]
                """));
    }

    @Test
    void finalizersMergeAsASet() {
        JsonNode patched = smp(NGINX, "{\"metadata\":{\"finalizers\":[\"c\",\"a\",\"c\"]}}", DEPLOYMENT);
        assertThat(patched.at("/metadata/finalizers")).isEqualTo(Json.parse("[\"c\",\"a\",\"b\"]"));

        JsonNode removed = smp(NGINX, "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}", DEPLOYMENT);
        assertThat(removed.at("/metadata/finalizers")).isEqualTo(Json.parse("[\"b\"]"));

        JsonNode ordered = smp(NGINX, """
                {"metadata":{"$setElementOrder/finalizers":["b","x","a"],"finalizers":["x"]}}
                """, DEPLOYMENT);
        assertThat(ordered.at("/metadata/finalizers")).isEqualTo(Json.parse("[\"b\",\"x\",\"a\"]"));
    }

    @Test
    void atomicListsAreReplaced() {
        JsonNode patched = smp(NGINX, """
                {"spec":{"template":{"spec":{"tolerations":[{"key":"k2","operator":"Exists"}],
                    "containers":[{"name":"nginx","args":["-v"]}]}}}}
                """, DEPLOYMENT);
        assertThat(patched.at("/spec/template/spec/tolerations"))
                .isEqualTo(Json.parse("[{\"key\":\"k2\",\"operator\":\"Exists\"}]"));
        assertThat(patched.at("/spec/template/spec/containers/0/args")).isEqualTo(Json.parse("[\"-v\"]"));
        JsonNode again = StrategicMergePatch.apply(patched, Json.parse("""
                {"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["-q"]}]}}}}
                """), DEPLOYMENT);
        assertThat(again.at("/spec/template/spec/containers/0/args")).isEqualTo(Json.parse("[\"-q\"]"));
    }

    @Test
    void retainKeysClearsTheOtherFields() {
        JsonNode patched = smp(NGINX, """
                {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":null}}}
                """, DEPLOYMENT);
        assertThat(patched.at("/spec/strategy")).isEqualTo(Json.parse("{\"type\":\"Recreate\"}"));

        JsonNode volume = smp("{\"spec\":{\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}]}}", """
                {"spec":{"volumes":[{"name":"v","$retainKeys":["name","hostPath"],"hostPath":{"path":"/x"}}]}}
                """, POD);
        assertThat(volume.at("/spec/volumes"))
                .isEqualTo(Json.parse("[{\"name\":\"v\",\"hostPath\":{\"path\":\"/x\"}}]"));

        assertBadRequest(() -> smp(NGINX, "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"x\":1}}}", DEPLOYMENT),
                "invalid patch format of retainKeys");
        assertBadRequest(() -> smp(NGINX, "{\"spec\":{\"strategy\":{\"$retainKeys\":\"type\"}}}", DEPLOYMENT),
                "invalid patch format of retainKeys");
    }

    @Test
    void setElementOrderPutsNamedElementsFirstAndKeepsTheRestInPlace() {
        String pod = """
                {"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"2"},{"name":"c","image":"3"}]}}
                """;
        JsonNode reversed = smp(pod, """
                {"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"b"},{"name":"a"}]}}
                """, POD);
        assertThat(names(reversed)).isEqualTo("c,b,a");

        JsonNode inserted = smp(pod, """
                {"spec":{"$setElementOrder/containers":[{"name":"d"},{"name":"b"}],
                         "containers":[{"name":"d","image":"4"}]}}
                """, POD);
        assertThat(names(inserted)).isEqualTo("d,a,b,c");

        JsonNode appended = smp(pod, "{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"9\"},{\"name\":\"x\"}]}}",
                POD);
        assertThat(names(appended)).isEqualTo("a,b,x,c");
        assertThat(appended.at("/spec/containers/1/image").asString()).isEqualTo("9");

        JsonNode patchOrder = smp(pod, "{\"spec\":{\"containers\":[{\"name\":\"c\"},{\"name\":\"a\"}]}}", POD);
        assertThat(names(patchOrder)).isEqualTo("b,c,a");

        // kubectl apply replacing container b by d while the server holds c: kube-apiserver keeps c before d.
        JsonNode swapped = smp(pod, """
                {"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"d"}],
                         "containers":[{"name":"d","image":"4"},{"name":"b","$patch":"delete"}]}}
                """, POD);
        assertThat(names(swapped)).isEqualTo("a,c,d");

        assertBadRequest(() -> smp(pod, """
                {"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"b"}]}}
                """, POD), "The order in patch list:\n[map[name:b]]\n doesn't match $setElementOrder list:\n"
                + "[map[name:a]]\n");
    }

    @Test
    void replaceDirectives() {
        JsonNode list = smp(NGINX, """
                {"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"other","image":"x"}]}}}}
                """, DEPLOYMENT);
        assertThat(list.at("/spec/template/spec/containers"))
                .isEqualTo(Json.parse("[{\"name\":\"other\",\"image\":\"x\"}]"));

        JsonNode map = smp(NGINX, """
                {"spec":{"template":{"metadata":{"labels":{"$patch":"replace","tier":"web"}}}}}
                """, DEPLOYMENT);
        assertThat(map.at("/spec/template/metadata/labels")).isEqualTo(Json.parse("{\"tier\":\"web\"}"));

        JsonNode fresh = smp(NGINX,
                "{\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"$patch\":\"replace\",\"a\":\"b\"}}}}}",
                DEPLOYMENT);
        assertThat(fresh.at("/spec/template/spec/nodeSelector")).isEqualTo(Json.parse("{\"a\":\"b\"}"));

        JsonNode merge = smp(NGINX, "{\"spec\":{\"selector\":{\"$patch\":\"merge\",\"matchLabels\":{\"x\":\"y\"}}}}",
                DEPLOYMENT);
        assertThat(merge.at("/spec/selector/matchLabels")).isEqualTo(Json.parse("{\"app\":\"nginx\",\"x\":\"y\"}"));
    }

    @Test
    void deleteDirectiveOnAMapLeavesWhatTheRealServerStores() {
        JsonNode struct = smp(NGINX, "{\"spec\":{\"strategy\":{\"$patch\":\"delete\"}}}", DEPLOYMENT);
        assertThat(struct.at("/spec/strategy")).isEqualTo(Json.object());

        JsonNode map = smp(NGINX, "{\"spec\":{\"selector\":{\"matchLabels\":{\"$patch\":\"delete\"}}}}", DEPLOYMENT);
        assertThat(map.at("/spec/selector")).isEqualTo(Json.object());

        JsonNode absent = smp(NGINX, "{\"spec\":{\"paused\":null,\"minReady\":{\"$patch\":\"delete\"}}}", DEPLOYMENT);
        assertThat(absent).isEqualTo(Json.parse(NGINX));
    }

    @Test
    void conditionsAndOwnerReferencesMergeByKey() {
        String node = """
                {"metadata":{"name":"n","ownerReferences":[{"uid":"1","name":"x"}]},
                 "status":{"conditions":[{"type":"Ready","status":"False"},{"type":"MemoryPressure","status":"False"}],
                           "addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}}
                """;
        JsonNode patched = smp(node, """
                {"metadata":{"ownerReferences":[{"uid":"2","name":"y"}]},
                 "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady"}],
                           "addresses":[{"type":"Hostname","address":"n"}]}}
                """, NODE);
        assertThat(patched).isEqualTo(Json.parse("""
                {"metadata":{"name":"n","ownerReferences":[{"uid":"2","name":"y"},{"uid":"1","name":"x"}]},
                 "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady"},
                                         {"type":"MemoryPressure","status":"False"}],
                           "addresses":[{"type":"Hostname","address":"n"},{"type":"InternalIP","address":"10.0.0.1"}]}}
                """));
    }

    @Test
    void unknownAndFreeFormFieldsMergeLikeAJsonMergePatch() {
        JsonNode patched = smp("{\"spec\":{\"foo\":{\"a\":1,\"l\":[1,2]}}}",
                "{\"spec\":{\"foo\":{\"b\":2,\"a\":null,\"l\":[3]}}}", DEPLOYMENT);
        assertThat(patched).isEqualTo(Json.parse("{\"spec\":{\"foo\":{\"l\":[3],\"b\":2}}}"));

        ObjectSchema revision = REGISTRY.forModel(ControllerRevision.class);
        JsonNode data = smp("{\"data\":{\"spec\":{\"x\":1,\"containers\":[{\"name\":\"a\",\"image\":\"1\"}]}}}",
                "{\"data\":{\"spec\":{\"y\":2,\"containers\":[{\"name\":\"a\"}]}}}", revision);
        assertThat(data)
                .isEqualTo(Json.parse("{\"data\":{\"spec\":{\"x\":1,\"containers\":[{\"name\":\"a\"}],\"y\":2}}}"));

        TypeSchema any = AnySchema.INSTANCE;
        assertThat(smp("{\"a\":{\"b\":1}}", "{\"a\":{\"c\":2}}", any))
                .isEqualTo(Json.parse("{\"a\":{\"b\":1,\"c\":2}}"));
    }

    @Test
    void directivesNeverReachTheResult() {
        JsonNode patched = smp(NGINX, """
                {"spec":{"template":{"spec":{
                    "$setElementOrder/containers":[{"name":"nginx"},{"name":"side"}],
                    "containers":[{"name":"side","image":"busybox",
                                   "$setElementOrder/env":[{"name":"X"}],"env":[{"name":"X","value":"1","extra":null}],
                                   "$deleteFromPrimitiveList/args":["z"],"args":["a"],
                                   "ports":[{"$patch":"delete","containerPort":1},{"containerPort":2}],
                                   "resources":{"$retainKeys":["limits"],"limits":{"cpu":"1"}},
                                   "securityContext":{"$patch":"delete"},
                                   "livenessProbe":{"$patch":"replace","exec":{"command":["true"]}}}],
                    "volumes":[{"$patch":"replace"},{"name":"v","emptyDir":{"$patch":"merge"}}]}}}}
                """, DEPLOYMENT);
        assertThat(Json.string(patched)).doesNotContain("$");
        assertThat(patched.at("/spec/template/spec/containers/1")).isEqualTo(Json.parse("""
                {"name":"side","image":"busybox","env":[{"name":"X","value":"1"}],"args":["a"],
                 "ports":[{"containerPort":2}],"resources":{"limits":{"cpu":"1"}},
                 "livenessProbe":{"exec":{"command":["true"]}}}
                """));
        assertThat(patched.at("/spec/template/spec/volumes"))
                .isEqualTo(Json.parse("[{\"name\":\"v\",\"emptyDir\":{}}]"));
    }

    @Test
    void replacedStructsAreNotMerged() {
        ObjectSchema pdb = REGISTRY.forModel(PodDisruptionBudget.class);
        JsonNode patched = smp("{\"spec\":{\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"minAvailable\":1}}",
                "{\"spec\":{\"selector\":{\"matchExpressions\":[{\"key\":\"x\",\"operator\":\"Exists\"}]}}}", pdb);
        assertThat(patched).isEqualTo(Json.parse("""
                {"spec":{"selector":{"matchExpressions":[{"key":"x","operator":"Exists"}]},"minAvailable":1}}
                """));
    }

    @Test
    void malformedPatchesAreRejected() {
        assertBadRequest(() -> smp(NGINX, "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}",
                DEPLOYMENT), "map: map[image:x] does not contain declared merge key: name");
        assertBadRequest(() -> smp(NGINX, "{\"spec\":{\"$patch\":\"frobnicate\"}}", DEPLOYMENT),
                "unknown patch type: frobnicate in map: map[$patch:frobnicate]");
        assertBadRequest(() -> smp(NGINX, """
                {"spec":{"template":{"spec":{"containers":[{"name":"nginx","$patch":"x"}]}}}}
                """, DEPLOYMENT), "unknown patch type: x in map: map[$patch:x name:nginx]");
        assertBadRequest(() -> smp(NGINX, "{\"metadata\":{\"$setElementOrder\":[]}}", DEPLOYMENT),
                "invalid patch format of setElementOrder list");
        assertBadRequest(() -> smp(NGINX, "{\"metadata\":{\"$setElementOrder/finalizers\":\"a\"}}", DEPLOYMENT),
                "invalid patch format of setElementOrder list");
        assertBadRequest(() -> smp(NGINX, "{\"metadata\":{\"$deleteFromPrimitiveListfinalizers\":[\"a\"]}}",
                DEPLOYMENT), "invalid patch format of primitive list");
        assertBadRequest(() -> smp(NGINX, "[1]", DEPLOYMENT),
                "json: cannot unmarshal array into Go value of type map[string]interface {}");
        assertBadRequest(() -> smp(NGINX, "{\"metadata\":{\"finalizers\":[{\"a\":1}]}}", DEPLOYMENT),
                "list element types are not identical: [[a b] [map[a:1]]]");

        assertThatThrownBy(() -> smp(NGINX, "{\"metadata\":{\"finalizers\":[[\"a\"]]}}", DEPLOYMENT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.Invalid));
    }

    @Test
    void neverModifiesItsInputs() {
        JsonNode original = Json.parse(NGINX);
        JsonNode patch = Json.parse("""
                {"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"x","env":[{"name":"C"}]},
                                                           {"name":"new","ports":[{"containerPort":1}]}]}}}}
                """);
        String originalBefore = Json.string(original);
        String patchBefore = Json.string(patch);

        JsonNode result = StrategicMergePatch.apply(original, patch, DEPLOYMENT);
        ((ObjectNode) result.at("/spec/template/spec/containers/1/ports/0")).put("x", 1);

        assertThat(Json.string(original)).isEqualTo(originalBefore);
        assertThat(Json.string(patch)).isEqualTo(patchBefore);
        assertThat(StrategicMergePatch.apply(original, Json.parse("null"), DEPLOYMENT)).isEqualTo(original);
    }

    private static JsonNode smp(String original, String patch, TypeSchema schema) {
        return StrategicMergePatch.apply(Json.parse(original), Json.parse(patch), schema);
    }

    private static String names(JsonNode pod) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : pod.at("/spec/containers")) {
            sb.append(sb.length() == 0 ? "" : ",").append(c.get("name").asString());
        }
        return sb.toString();
    }

    private static void assertBadRequest(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BadRequest);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

}
