package io.kubesim.server.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;

/** Keeps the hand-kept Go facts consistent with the library's descriptors. */
class GoJsonFieldRulesTest {

    private final GoJsonFieldRules rules = GoJsonFieldRules.load();

    /** Every field of every message reachable from the served files. */
    private static Map<String, FieldDescriptor> allFields() {
        Deque<FileDescriptor> pending = new ArrayDeque<>(List.of(V1.getDescriptor(), V1Apps.getDescriptor(),
                V1Batch.getDescriptor(), V1Authentication.getDescriptor(), V1Authorization.getDescriptor(),
                V1Autoscaling.getDescriptor(), V1Certificates.getDescriptor(), V1Networking.getDescriptor(),
                V1Policy.getDescriptor(), V1Rbac.getDescriptor(), V1Scheduling.getDescriptor(),
                V1Storage.getDescriptor(), V1Admissionregistration.getDescriptor()));
        Set<FileDescriptor> seen = new HashSet<>();
        Map<String, FieldDescriptor> fields = new HashMap<>();
        while (!pending.isEmpty()) {
            FileDescriptor file = pending.pop();
            if (seen.add(file)) {
                pending.addAll(file.getDependencies());
                collect(file.getMessageTypes(), fields);
            }
        }
        return fields;
    }

    private static void collect(List<Descriptor> messages, Map<String, FieldDescriptor> out) {
        for (Descriptor message : messages) {
            message.getFields().forEach(f -> out.put(f.getFullName(), f));
            collect(message.getNestedTypes(), out);
        }
    }

    @Test
    void everyPresenceSignificantFieldIsAnExistingNumberOrBool() {
        Map<String, FieldDescriptor> fields = allFields();

        List<String> notNumberOrBool = rules.presenceSignificantFields().stream()
                .filter(name -> !fields.containsKey(name) || fields.get(name).isRepeated()
                        || !Set.of(FieldDescriptor.JavaType.INT, FieldDescriptor.JavaType.LONG,
                                FieldDescriptor.JavaType.BOOLEAN).contains(fields.get(name).getJavaType()))
                .toList();

        assertThat(rules.presenceSignificantFields()).hasSizeGreaterThan(100);
        assertThat(notNumberOrBool).isEmpty();
        assertThat(rules.keepsZero(fields.get("k8s.io.api.apps.v1.DeploymentSpec.replicas"))).isTrue();
        assertThat(rules.keepsZero(fields.get("k8s.io.api.apps.v1.DeploymentSpec.minReadySeconds"))).isFalse();
    }

    @Test
    void embeddedFieldsAreExactlyTheGoAnonymousStructs() {
        Set<String> embedded = new TreeSet<>();
        allFields().values().stream().filter(rules::isEmbedded).forEach(f -> embedded.add(f.getFullName()));

        assertThat(embedded).containsExactlyInAnyOrder(
                "k8s.io.api.admissionregistration.v1.NamedRuleWithOperations.ruleWithOperations",
                "k8s.io.api.admissionregistration.v1.RuleWithOperations.rule",
                "k8s.io.api.core.v1.ConfigMapEnvSource.localObjectReference",
                "k8s.io.api.core.v1.ConfigMapKeySelector.localObjectReference",
                "k8s.io.api.core.v1.ConfigMapProjection.localObjectReference",
                "k8s.io.api.core.v1.ConfigMapVolumeSource.localObjectReference",
                "k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon",
                "k8s.io.api.core.v1.PersistentVolumeSpec.persistentVolumeSource",
                "k8s.io.api.core.v1.Probe.handler",
                "k8s.io.api.core.v1.SecretEnvSource.localObjectReference",
                "k8s.io.api.core.v1.SecretKeySelector.localObjectReference",
                "k8s.io.api.core.v1.SecretProjection.localObjectReference",
                "k8s.io.api.core.v1.Volume.volumeSource",
                "k8s.io.api.networking.v1.IngressRule.ingressRuleValue");
    }

    @Test
    void protoNamesAreJsonNamesExceptTheKnownOnes() {
        Map<String, String> unusual = new TreeMap<>();
        allFields().values().stream()
                .filter(f -> !f.getName().matches("[a-z][A-Za-z0-9]*"))
                .filter(f -> !f.getFullName().equals("k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1.Raw"))
                .forEach(f -> unusual.put(f.getFullName(), rules.jsonName(f)));

        assertThat(unusual).containsExactlyInAnyOrderEntriesOf(Map.of(
                "k8s.io.api.core.v1.DaemonEndpoint.Port", "Port",
                "k8s.io.api.admissionregistration.v1.MutatingWebhookConfiguration.Webhooks", "webhooks",
                "k8s.io.api.admissionregistration.v1.ValidatingWebhookConfiguration.Webhooks", "webhooks",
                "k8s.io.api.admissionregistration.v1.Validation.Expression", "expression",
                "k8s.io.api.admissionregistration.v1.Variable.Name", "name",
                "k8s.io.api.admissionregistration.v1.Variable.Expression", "expression"));
    }
}
