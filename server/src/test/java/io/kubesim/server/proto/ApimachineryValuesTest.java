package io.kubesim.server.proto;

import static io.kubesim.server.proto.Frames.frame;
import static io.kubesim.server.proto.Frames.goMeta;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/** The apimachinery value types and Go struct embedding, decoded through {@link ProtobufBodies}. */
class ApimachineryValuesTest {

    private static final long NEW_YEAR_2026 = 1_767_225_600L;

    private static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Test
    void timesAreRfc3339WithSecondAndMicrosecondPrecision() {
        V1.Event event = V1.Event.newBuilder()
                .setMetadata(goMeta("e1").setCreationTimestamp(Meta.Time.newBuilder()
                        .setSeconds(NEW_YEAR_2026).setNanos(999)))
                .setFirstTimestamp(Meta.Time.newBuilder().setSeconds(0))
                .setLastTimestamp(Meta.Time.getDefaultInstance())
                .setEventTime(Meta.MicroTime.newBuilder().setSeconds(NEW_YEAR_2026).setNanos(123_456_789))
                .build();

        JsonNode json = ProtobufBodies.decode(frame("v1", "Event", event));

        assertThat(json.at("/metadata/creationTimestamp").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(json.get("firstTimestamp").asString()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(json.has("lastTimestamp")).as("zero time is dropped").isFalse();
        assertThat(json.get("eventTime").asString()).isEqualTo("2026-01-01T00:00:00.123456Z");
    }

    @Test
    void managedFieldsCarryTheirJsonFieldSet() {
        V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
                .setMetadata(goMeta("c").addManagedFields(Meta.ManagedFieldsEntry.newBuilder()
                        .setManager("kubectl-create").setOperation("Update").setApiVersion("v1")
                        .setTime(Meta.Time.newBuilder().setSeconds(NEW_YEAR_2026)).setFieldsType("FieldsV1")
                        .setFieldsV1(Meta.FieldsV1.newBuilder()
                                .setRaw(ByteString.copyFromUtf8("{\"f:data\":{\"f:k\":{}}}")))
                        .setSubresource("")))
                .build();

        JsonNode managed = ProtobufBodies.decode(frame("v1", "ConfigMap", configMap)).at("/metadata/managedFields");

        assertThat(managed).isEqualTo(json("""
                [{"manager":"kubectl-create","operation":"Update","apiVersion":"v1",
                  "time":"2026-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:k":{}}}}]"""));
    }

    @Test
    void rawExtensionHoldsJsonOrAnEmbeddedProtobufObject() {
        V1Apps.ControllerRevision withJson = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMeta("r1"))
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{\"spec\":{\"x\":1}}")))
                .setRevision(1)
                .build();
        byte[] nested = frame("v1", "ConfigMap", V1.ConfigMap.newBuilder().setMetadata(goMeta("inner"))
                .putData("k", "v").build());
        V1Apps.ControllerRevision withProto = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMeta("r2"))
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(nested)))
                .setRevision(2)
                .build();

        assertThat(ProtobufBodies.decode(frame("apps/v1", "ControllerRevision", withJson)).get("data"))
                .isEqualTo(json("{\"spec\":{\"x\":1}}"));
        assertThat(ProtobufBodies.decode(frame("apps/v1", "ControllerRevision", withProto)).get("data"))
                .isEqualTo(json("""
                        {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"inner"},"data":{"k":"v"}}"""));
    }

    @Test
    void embeddedGoStructsAreFlattenedAndPointerZerosKept() {
        V1.PodSpec podSpec = V1.PodSpec.newBuilder()
                .addVolumes(V1.Volume.newBuilder().setName("cfg")
                        .setVolumeSource(V1.VolumeSource.newBuilder()
                                .setConfigMap(V1.ConfigMapVolumeSource.newBuilder()
                                        .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("cm"))
                                        .setDefaultMode(420).setOptional(false))))
                .addContainers(V1.Container.newBuilder().setName("app").setImage("app")
                        .addEnv(V1.EnvVar.newBuilder().setName("PASSWORD")
                                .setValueFrom(V1.EnvVarSource.newBuilder()
                                        .setSecretKeyRef(V1.SecretKeySelector.newBuilder()
                                                .setLocalObjectReference(V1.LocalObjectReference.newBuilder()
                                                        .setName("db"))
                                                .setKey("password"))))
                        .setReadinessProbe(V1.Probe.newBuilder()
                                .setHandler(V1.ProbeHandler.newBuilder()
                                        .setHttpGet(V1.HTTPGetAction.newBuilder().setPath("/healthz")
                                                .setPort(IntOrString.newBuilder().setType(1).setStrVal("http"))))
                                .setPeriodSeconds(0)
                                .setTerminationGracePeriodSeconds(0)))
                .setTerminationGracePeriodSeconds(0)
                .setEnableServiceLinks(false)
                .build();
        V1.Pod pod = V1.Pod.newBuilder().setMetadata(goMeta("p")).setSpec(podSpec).build();

        JsonNode spec = ProtobufBodies.decode(frame("v1", "Pod", pod)).get("spec");

        assertThat(spec).isEqualTo(json("""
                {"volumes":[{"name":"cfg","configMap":{"name":"cm","defaultMode":420,"optional":false}}],
                 "containers":[{"name":"app","image":"app",
                    "env":[{"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}],
                    "readinessProbe":{"httpGet":{"path":"/healthz","port":"http"},
                                      "terminationGracePeriodSeconds":0}}],
                 "terminationGracePeriodSeconds":0,
                 "enableServiceLinks":false}"""));
    }

    @Test
    void stringListWrappersBecomeArrays() {
        V1Authentication.SelfSubjectReview review = V1Authentication.SelfSubjectReview.newBuilder()
                .setMetadata(goMeta(""))
                .setStatus(V1Authentication.SelfSubjectReviewStatus.newBuilder()
                        .setUserInfo(V1Authentication.UserInfo.newBuilder().setUsername("alice")
                                .addGroups("system:authenticated")
                                .putExtra("scopes", V1Authentication.ExtraValue.newBuilder()
                                        .addItems("read").addItems("").build())))
                .build();

        JsonNode userInfo = ProtobufBodies.decode(frame("authentication.k8s.io/v1", "SelfSubjectReview", review))
                .at("/status/userInfo");

        assertThat(userInfo).isEqualTo(json("""
                {"username":"alice","groups":["system:authenticated"],"extra":{"scopes":["read",""]}}"""));
    }

    @Test
    void quantitiesKeepTheirTextAndZeroIsZero() {
        V1.ResourceQuota quota = V1.ResourceQuota.newBuilder()
                .setMetadata(goMeta("q"))
                .setSpec(V1.ResourceQuotaSpec.newBuilder()
                        .putHard("pods", Quantity.newBuilder().setString("10")
                                .build())
                        .putHard("requests.cpu", Quantity.getDefaultInstance()))
                .build();

        assertThat(ProtobufBodies.decode(frame("v1", "ResourceQuota", quota)).at("/spec/hard"))
                .isEqualTo(json("{\"pods\":\"10\",\"requests.cpu\":\"0\"}"));
    }
}
