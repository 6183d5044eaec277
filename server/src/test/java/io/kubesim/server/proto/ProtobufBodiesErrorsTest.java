package io.kubesim.server.proto;

import static io.kubesim.server.proto.Frames.frame;
import static io.kubesim.server.proto.Frames.goMeta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;

/** Undecodable bodies fail with BadRequest in kube-apiserver's words. */
class ProtobufBodiesErrorsTest {

    private static String badRequest(byte[] body, String expectedKind) {
        Throwable thrown = catchThrowable(() -> ProtobufBodies.decode(body, expectedKind));
        assertThat(thrown).isInstanceOf(ApiException.class)
                .asInstanceOf(type(ApiException.class))
                .extracting(ApiException::reason).isEqualTo(Reason.BadRequest);
        return thrown.getMessage();
    }

    @Test
    void emptyBody() {
        assertThat(badRequest(new byte[0], null)).isEqualTo("empty data");
        assertThat(badRequest(new byte[0], "ConfigMap"))
                .isEqualTo("the object provided is unrecognized (must be of type ConfigMap): empty data (<empty>)");
    }

    @Test
    void missingPrefix() {
        byte[] json = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}".getBytes();

        assertThat(badRequest(json, null))
                .isEqualTo("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
        assertThat(badRequest(json, "ConfigMap")).isEqualTo("the object provided is unrecognized (must be of type "
                + "ConfigMap): provided data does not appear to be a protobuf message, expected prefix "
                + "[107 56 115 0] ({\"kind\":\"ConfigMap\",\"apiVersio ...)");
    }

    @Test
    void prefixOnly() {
        assertThat(badRequest(new byte[] {0x6b, 0x38, 0x73, 0x00}, null)).isEqualTo("empty body");
    }

    @Test
    void malformedEnvelope() {
        byte[] truncated = Frames.hex("6b387300 0a32 0a17 6175");

        assertThat(badRequest(truncated, null)).isNotBlank();
        assertThat(badRequest(truncated, "Pod"))
                .startsWith("the object provided is unrecognized (must be of type Pod): ")
                .endsWith("(6b3873000a320a176175)");
    }

    @Test
    void malformedObjectInsideAValidEnvelope() {
        byte[] body = frame("v1", "ConfigMap", ByteString.copyFrom(new byte[] {0x0a, 0x05, 0x01}));

        assertThat(badRequest(body, "ConfigMap")).startsWith("ConfigMap in version \"v1\" cannot be handled as a "
                + "ConfigMap: ");
    }

    @Test
    void unknownKindOrGroupVersion() {
        byte[] body = frame("apps/v1", "Widget", V1.ConfigMap.newBuilder().setMetadata(goMeta("w")).build());

        assertThat(badRequest(body, null)).isEqualTo("no kind \"Widget\" is registered for version \"apps/v1\" "
                + "in scheme \"pkg/api/legacyscheme/scheme.go:30\"");
        assertThat(badRequest(body, "Deployment")).isEqualTo("Widget in version \"v1\" cannot be handled as a "
                + "Deployment: no kind \"Widget\" is registered for version \"apps/v1\" in scheme "
                + "\"pkg/api/legacyscheme/scheme.go:30\"");
        // Removed beta versions are in the library but not served by a 1.32 server.
        assertThat(badRequest(frame("extensions/v1beta1", "Deployment", ByteString.EMPTY), null))
                .startsWith("no kind \"Deployment\" is registered for version \"extensions/v1beta1\"");
        // A look-alike CRD group must not resolve to the built-in apps group.
        assertThat(badRequest(frame("apps.example.com/v1", "Deployment", ByteString.EMPTY), null))
                .startsWith("no kind \"Deployment\" is registered for version \"apps.example.com/v1\"");
    }

    @Test
    void missingKindDefaultsToTheEndpointKind() {
        byte[] body = frame("v1", "", V1.ConfigMap.newBuilder().setMetadata(goMeta("c")).putData("k", "v").build());

        assertThat(badRequest(body, null))
                .isEqualTo("Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:\"v1\", Kind:\"\"}'");
        assertThat(ProtobufBodies.decode(body, "ConfigMap").get("kind").asString()).isEqualTo("ConfigMap");
    }

    @Test
    void missingApiVersion() {
        byte[] body = frame("", "ConfigMap", ByteString.EMPTY);

        assertThat(badRequest(body, null))
                .isEqualTo("Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:\"\", Kind:\"ConfigMap\"}'");
    }

    @Test
    void invalidEmbeddedJsonIsReportedAgainstTheOuterObject() {
        byte[] body = frame("apps/v1", "ControllerRevision", V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMeta("rev"))
                .setData(Runtime.RawExtension.newBuilder()
                        .setRaw(ByteString.copyFromUtf8("{not json")))
                .build());

        assertThatThrownBy(() -> ProtobufBodies.decode(body, "ControllerRevision"))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("ControllerRevision in version \"v1\" cannot be handled as a "
                        + "ControllerRevision: invalid embedded JSON object");
    }
}
