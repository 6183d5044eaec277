package io.kubesim.server.proto;

import static io.kubesim.server.proto.Frames.frame;
import static io.kubesim.server.proto.Frames.goMeta;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of the kubectl 1.32 commands that send protobuf, decoded to their JSON form. */
class ProtobufBodiesTest {

    /** {@code kubectl auth can-i create pods -n default}, byte for byte as observed (contract §2.3). */
    static final byte[] CAN_I_CREATE_PODS = Frames.hex("""
            6b387300
            0a32
              0a17 617574686f72697a6174696f6e2e6b38732e696f2f7631
              1217 53656c665375626a6563744163636573735265766965
                   77
            123f
              0a10 0a00 1200 1a00 2200 2a00 3200 3800 4200
              1221
                0a1f
                  0a07 64656661756c74  1206 637265617465  1a00  2200
                  2a04 706f6473  3200  3a00
              1a08 0800 1200 1a00 2000
            1a00 2200
            """);

    private static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Test
    void observedSelfSubjectAccessReviewBytes() {
        assertThat(CAN_I_CREATE_PODS).hasSize(125);

        ObjectNode review = ProtobufBodies.decode(CAN_I_CREATE_PODS);

        assertThat(review).isEqualTo(json("""
                {"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1",
                 "metadata":{},
                 "spec":{"resourceAttributes":{"namespace":"default","verb":"create","resource":"pods"}},
                 "status":{"allowed":false}}"""));
    }

    @Test
    void createDeploymentGenerator() {
        // kubectl create deployment web --image=nginx --replicas=2, with Go's always-written zero fields
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(goMeta("web").putLabels("app", "web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(2)
                        .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "web"))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(goMeta("").putLabels("app", "web"))
                                .setSpec(V1.PodSpec.newBuilder()
                                        .addContainers(V1.Container.newBuilder()
                                                .setName("nginx").setImage("nginx").setWorkingDir("")
                                                .setResources(V1.ResourceRequirements.getDefaultInstance())
                                                .setTerminationMessagePath("").setImagePullPolicy("")
                                                .setStdin(false).setStdinOnce(false).setTty(false))
                                        .setRestartPolicy("").setDnsPolicy("").setHostNetwork(false)
                                        .setHostPID(false).setHostIPC(false)))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType(""))
                        .setMinReadySeconds(0)
                        .setPaused(false))
                .setStatus(V1Apps.DeploymentStatus.newBuilder()
                        .setObservedGeneration(0).setReplicas(0).setUpdatedReplicas(0).setReadyReplicas(0)
                        .setAvailableReplicas(0).setUnavailableReplicas(0))
                .build();

        ObjectNode json = ProtobufBodies.decode(frame("apps/v1", "Deployment", deployment));

        assertThat(json).isEqualTo(json("""
                {"kind":"Deployment","apiVersion":"apps/v1",
                 "metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"replicas":2,
                         "selector":{"matchLabels":{"app":"web"}},
                         "template":{"metadata":{"labels":{"app":"web"}},
                                     "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},
                         "strategy":{}},
                 "status":{}}"""));
    }

    @Test
    void pointerZeroSurvivesButValueZeroDoesNot() {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(goMeta("idle"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(0).setMinReadySeconds(0))
                .build();

        JsonNode spec = ProtobufBodies.decode(frame("apps/v1", "Deployment", deployment)).get("spec");

        assertThat(spec).isEqualTo(json("{\"replicas\":0}"));
    }

    @Test
    void deploymentWithPortsAndResourceQuantities() {
        V1.Container container = V1.Container.newBuilder()
                .setName("app").setImage("nginx:1.27")
                .addPorts(V1.ContainerPort.newBuilder().setContainerPort(80).setProtocol("TCP").setHostPort(0))
                .addEnv(V1.EnvVar.newBuilder().setName("EMPTY").setValue(""))
                .setResources(V1.ResourceRequirements.newBuilder()
                        .putLimits("cpu", Quantity.newBuilder().setString("500m").build())
                        .putLimits("memory", Quantity.newBuilder().setString("128Mi").build())
                        .putRequests("cpu", Quantity.newBuilder().setString("100m").build()))
                .build();
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(goMeta("app"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setSpec(V1.PodSpec.newBuilder().addContainers(container))))
                .build();

        JsonNode actual = ProtobufBodies.decode(frame("apps/v1", "Deployment", deployment))
                .at("/spec/template/spec/containers/0");

        assertThat(actual).isEqualTo(json("""
                {"name":"app","image":"nginx:1.27",
                 "ports":[{"containerPort":80,"protocol":"TCP"}],
                 "env":[{"name":"EMPTY"}],
                 "resources":{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":"100m"}}}"""));
    }

    @Test
    void createNamespace() {
        V1.Namespace namespace = V1.Namespace.newBuilder()
                .setMetadata(goMeta("team-a"))
                .setSpec(V1.NamespaceSpec.getDefaultInstance())
                .setStatus(V1.NamespaceStatus.newBuilder().setPhase(""))
                .build();

        assertThat(ProtobufBodies.decode(frame("v1", "Namespace", namespace))).isEqualTo(json("""
                {"kind":"Namespace","apiVersion":"v1","metadata":{"name":"team-a"},"spec":{},"status":{}}"""));
    }

    @Test
    void createConfigMapWithDataAndBinaryData() {
        V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
                .setMetadata(goMeta("settings"))
                .putData("mode", "fast")
                .putData("empty", "")
                .putBinaryData("blob", ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xff}))
                .build();

        assertThat(ProtobufBodies.decode(frame("v1", "ConfigMap", configMap))).isEqualTo(json("""
                {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"settings"},
                 "data":{"mode":"fast","empty":""},"binaryData":{"blob":"AAEC/w=="}}"""));
    }

    @Test
    void createSecretEncodesDataAsBase64() {
        V1.Secret secret = V1.Secret.newBuilder()
                .setMetadata(goMeta("db"))
                .putData("password", ByteString.copyFrom("s3cr3t!", StandardCharsets.UTF_8))
                .putData("empty", ByteString.EMPTY)
                .setType("Opaque")
                .build();

        assertThat(ProtobufBodies.decode(frame("v1", "Secret", secret))).isEqualTo(json("""
                {"kind":"Secret","apiVersion":"v1","metadata":{"name":"db"},
                 "data":{"password":"czNjcjN0IQ==","empty":""},"type":"Opaque"}"""));
    }

    @Test
    void createServiceAccountKeepsExplicitFalseAutomount() {
        V1.ServiceAccount account = V1.ServiceAccount.newBuilder()
                .setMetadata(goMeta("builder"))
                .setAutomountServiceAccountToken(false)
                .build();

        assertThat(ProtobufBodies.decode(frame("v1", "ServiceAccount", account))).isEqualTo(json("""
                {"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"builder"},
                 "automountServiceAccountToken":false}"""));
    }

    @Test
    void createServiceWithIntAndStringTargetPorts() {
        V1.Service service = V1.Service.newBuilder()
                .setMetadata(goMeta("web").putLabels("app", "web"))
                .setSpec(V1.ServiceSpec.newBuilder()
                        .addPorts(V1.ServicePort.newBuilder().setName("80-8080").setProtocol("TCP").setPort(80)
                                .setTargetPort(IntOrString.newBuilder().setType(0).setIntVal(8080))
                                .setNodePort(0))
                        .addPorts(V1.ServicePort.newBuilder().setName("https").setProtocol("TCP").setPort(443)
                                .setTargetPort(IntOrString.newBuilder().setType(1).setStrVal("https"))
                                .setNodePort(0))
                        .addPorts(V1.ServicePort.newBuilder().setName("same").setPort(9000)
                                .setTargetPort(IntOrString.getDefaultInstance()))
                        .putSelector("app", "web")
                        .setClusterIP("None")
                        .setType("ClusterIP"))
                .setStatus(V1.ServiceStatus.newBuilder().setLoadBalancer(V1.LoadBalancerStatus.getDefaultInstance()))
                .build();

        assertThat(ProtobufBodies.decode(frame("v1", "Service", service))).isEqualTo(json("""
                {"kind":"Service","apiVersion":"v1","metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080},
                                  {"name":"https","protocol":"TCP","port":443,"targetPort":"https"},
                                  {"name":"same","port":9000,"targetPort":0}],
                         "selector":{"app":"web"},"clusterIP":"None","type":"ClusterIP"},
                 "status":{"loadBalancer":{}}}"""));
    }

    @Test
    void createJobKeepsBackoffLimitZero() {
        V1Batch.Job job = V1Batch.Job.newBuilder()
                .setMetadata(goMeta("once"))
                .setSpec(V1Batch.JobSpec.newBuilder()
                        .setBackoffLimit(0)
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setSpec(V1.PodSpec.newBuilder()
                                        .addContainers(V1.Container.newBuilder().setName("once").setImage("busybox")
                                                .addCommand("date"))
                                        .setRestartPolicy("Never"))))
                .build();

        JsonNode spec = ProtobufBodies.decode(frame("batch/v1", "Job", job)).get("spec");

        assertThat(spec).isEqualTo(json("""
                {"backoffLimit":0,
                 "template":{"spec":{"containers":[{"name":"once","image":"busybox","command":["date"]}],
                                     "restartPolicy":"Never"}}}"""));
    }

    @Test
    void createPriorityClassKeepsNonOmitemptyValue() {
        V1Scheduling.PriorityClass priority = V1Scheduling.PriorityClass.newBuilder()
                .setMetadata(goMeta("low"))
                .setValue(0)
                .setGlobalDefault(false)
                .setDescription("")
                .setPreemptionPolicy("PreemptLowerPriority")
                .build();

        assertThat(ProtobufBodies.decode(frame("scheduling.k8s.io/v1", "PriorityClass", priority))).isEqualTo(json("""
                {"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"low"},
                 "value":0,"preemptionPolicy":"PreemptLowerPriority"}"""));
    }

    @Test
    void createIngressFlattensEmbeddedRuleValue() {
        V1Networking.Ingress ingress = V1Networking.Ingress.newBuilder()
                .setMetadata(goMeta("web"))
                .setSpec(V1Networking.IngressSpec.newBuilder()
                        .addRules(V1Networking.IngressRule.newBuilder().setHost("example.com")
                                .setIngressRuleValue(V1Networking.IngressRuleValue.newBuilder()
                                        .setHttp(V1Networking.HTTPIngressRuleValue.newBuilder()
                                                .addPaths(V1Networking.HTTPIngressPath.newBuilder()
                                                        .setPath("/").setPathType("Prefix")
                                                        .setBackend(V1Networking.IngressBackend.newBuilder()
                                                                .setService(V1Networking.IngressServiceBackend
                                                                        .newBuilder().setName("web")
                                                                        .setPort(V1Networking.ServiceBackendPort
                                                                                .newBuilder().setName("")
                                                                                .setNumber(80)))))))))
                .build();

        JsonNode rules = ProtobufBodies.decode(frame("networking.k8s.io/v1", "Ingress", ingress)).at("/spec/rules");

        assertThat(rules).isEqualTo(json("""
                [{"host":"example.com",
                  "http":{"paths":[{"path":"/","pathType":"Prefix",
                                    "backend":{"service":{"name":"web","port":{"number":80}}}}]}}]"""));
    }

    @Test
    void selfSubjectRulesReviewAndSelfSubjectReview() {
        V1Authorization.SelfSubjectRulesReview rules = V1Authorization.SelfSubjectRulesReview.newBuilder()
                .setMetadata(goMeta(""))
                .setSpec(V1Authorization.SelfSubjectRulesReviewSpec.newBuilder().setNamespace("dev"))
                .setStatus(V1Authorization.SubjectRulesReviewStatus.newBuilder().setIncomplete(false)
                        .setEvaluationError(""))
                .build();
        V1Authentication.SelfSubjectReview whoami = V1Authentication.SelfSubjectReview.newBuilder()
                .setMetadata(goMeta(""))
                .setStatus(V1Authentication.SelfSubjectReviewStatus.newBuilder()
                        .setUserInfo(V1Authentication.UserInfo.newBuilder().setUsername("").setUid("")))
                .build();

        assertThat(ProtobufBodies.decode(frame("authorization.k8s.io/v1", "SelfSubjectRulesReview", rules)))
                .isEqualTo(json("""
                        {"kind":"SelfSubjectRulesReview","apiVersion":"authorization.k8s.io/v1","metadata":{},
                         "spec":{"namespace":"dev"},"status":{"incomplete":false}}"""));
        assertThat(ProtobufBodies.decode(frame("authentication.k8s.io/v1", "SelfSubjectReview", whoami)))
                .isEqualTo(json("""
                        {"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/v1","metadata":{},
                         "status":{"userInfo":{}}}"""));
    }

}
