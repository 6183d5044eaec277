package io.kubesim.server.validation;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.node.ObjectNode;

class ObjectMetaValidationTest {

    @Test
    void validObjectHasNoErrors() {
        ObjectNode obj = yaml("""
                metadata:
                  name: web
                  namespace: default
                  labels: {app: web, app.kubernetes.io/part-of: shop}
                  annotations: {Example.com/Note: x}
                  finalizers: [example.com/cleanup, kubernetes]
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: u1, controller: true}
                """);
        assertThat(ObjectMetaValidation.validate(obj, true, NameRule.DNS1123_SUBDOMAIN)).isEmpty();
    }

    @Test
    void nameIsRequiredAndChecked() {
        assertThat(messages(ObjectMetaValidation.validate(yaml("metadata: {namespace: default}"), true,
                NameRule.DNS1123_SUBDOMAIN))).containsExactly("metadata.name: Required value: name or generateName is required");
        assertThat(ObjectMetaValidation.validate(yaml("metadata: {name: Bad_Name, namespace: default}"), true,
                NameRule.DNS1123_SUBDOMAIN)).singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(FieldError.Type.INVALID);
                    assertThat(e.field()).isEqualTo("metadata.name");
                    assertThat(e.message()).startsWith("Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
                });
        assertThat(ObjectMetaValidation.validate(yaml("metadata: {name: web-, generateName: web-}"), false,
                NameRule.DNS1123_SUBDOMAIN)).extracting(FieldError::field).containsExactly("metadata.name");
        assertThat(ObjectMetaValidation.validate(yaml("metadata: {name: my.svc, namespace: default}"), true,
                NameRule.DNS1035_LABEL)).extracting(FieldError::field).containsExactly("metadata.name");
    }

    @Test
    void namespaceFollowsScope() {
        assertThat(messages(ObjectMetaValidation.validate(yaml("metadata: {name: a}"), true, NameRule.DNS1123_SUBDOMAIN)))
                .containsExactly("metadata.namespace: Required value");
        assertThat(messages(ObjectMetaValidation.validate(yaml("metadata: {name: a, namespace: x}"), false,
                NameRule.DNS1123_SUBDOMAIN))).containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    }

    @Test
    void labelsAnnotationsOwnersAndFinalizers() {
        ObjectNode obj = yaml("""
                metadata:
                  name: a
                  labels: {"bad key": ok, good: "bad value"}
                  annotations: {big: "%s"}
                  ownerReferences:
                  - {kind: ReplicaSet, name: x, uid: u, controller: true}
                  - {apiVersion: v1, kind: Pod, name: y, uid: v, controller: true}
                  finalizers: [custom]
                """.formatted("x".repeat(LabelValidation.TOTAL_ANNOTATION_SIZE_LIMIT)));
        assertThat(messages(ObjectMetaValidation.validate(obj, false, NameRule.DNS1123_SUBDOMAIN))).satisfiesExactly(
                m -> assertThat(m).startsWith("metadata.labels: Invalid value: \"bad key\": name part must consist of"),
                m -> assertThat(m).startsWith("metadata.labels: Invalid value: \"bad value\": a valid label must be"),
                m -> assertThat(m).isEqualTo("metadata.annotations: Too long: may not be more than 262144 bytes"),
                m -> assertThat(m).isEqualTo("metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be empty"),
                m -> assertThat(m).startsWith("metadata.ownerReferences: Invalid value: []v1.OwnerReference{")
                        .endsWith("Only one reference can have Controller set to true. Found \"true\" in references "
                                + "for ReplicaSet/x and Pod/y"),
                m -> assertThat(m).isEqualTo("metadata.finalizers[0]: Invalid value: \"custom\": name is neither a "
                        + "standard finalizer name nor is it fully qualified"));
    }

    @Test
    void updateKeepsIdentityImmutable() {
        ObjectNode old = yaml("""
                metadata: {name: a, namespace: ns, uid: u1, creationTimestamp: "2024-05-01T10:00:00Z"}
                """);
        ObjectNode changed = yaml("""
                metadata: {name: b, namespace: ns, uid: u2, creationTimestamp: "2024-05-02T10:00:00Z"}
                """);
        assertThat(ObjectMetaValidation.validateUpdate(old.deepCopy(), old)).isEmpty();
        assertThat(messages(ObjectMetaValidation.validateUpdate(changed, old))).containsExactly(
                "metadata.name: Invalid value: \"b\": field is immutable",
                "metadata.uid: Invalid value: \"u2\": field is immutable",
                "metadata.creationTimestamp: Invalid value: 2024-05-02 10:00:00 +0000 UTC: field is immutable");
    }

    @Test
    void noNewFinalizersWhileDeleting() {
        ObjectNode old = yaml("metadata: {name: a, deletionTimestamp: '2024-05-01T10:00:00Z', finalizers: [a.io/x]}");
        ObjectNode now = yaml("metadata: {name: a, deletionTimestamp: '2024-05-01T10:00:00Z', finalizers: [a.io/x, b.io/y]}");
        assertThat(messages(ObjectMetaValidation.validateUpdate(now, old))).containsExactly(
                "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, "
                        + "found new finalizers []string{\"b.io/y\"}");
    }
}
