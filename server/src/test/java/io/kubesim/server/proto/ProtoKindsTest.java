package io.kubesim.server.proto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;

class ProtoKindsTest {

    private final ProtoKinds kinds = ProtoKinds.build();

    @Test
    void apiVersionsFollowTheGoPackageOfEachGroup() {
        assertThat(ProtoKinds.apiVersionOf("k8s.io.api.core.v1")).isEqualTo("v1");
        assertThat(ProtoKinds.apiVersionOf("k8s.io.api.apps.v1")).isEqualTo("apps/v1");
        assertThat(ProtoKinds.apiVersionOf("k8s.io.api.authorization.v1")).isEqualTo("authorization.k8s.io/v1");
        assertThat(ProtoKinds.apiVersionOf("k8s.io.api.rbac.v1")).isEqualTo("rbac.authorization.k8s.io/v1");
        assertThat(kinds.apiVersions()).contains("v1", "apps/v1", "batch/v1", "policy/v1", "autoscaling/v1",
                "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1",
                "authentication.k8s.io/v1", "authorization.k8s.io/v1", "storage.k8s.io/v1",
                "certificates.k8s.io/v1", "admissionregistration.k8s.io/v1");
    }

    @Test
    void findsTheKindsKubectlCreates() {
        assertThat(kinds.find("apps/v1", "Deployment")).map(Descriptor::getFullName)
                .contains("k8s.io.api.apps.v1.Deployment");
        assertThat(kinds.find("v1", "Secret")).map(Descriptor::getFullName).contains("k8s.io.api.core.v1.Secret");
        assertThat(kinds.find("batch/v1", "CronJob")).isPresent();
        assertThat(kinds.find("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")).isPresent();
        assertThat(kinds.find("policy/v1", "PodDisruptionBudget")).isPresent();
        assertThat(kinds.find("authentication.k8s.io/v1", "TokenRequest")).isPresent();
        assertThat(kinds.find("authorization.k8s.io/v1", "SelfSubjectRulesReview")).isPresent();
    }

    @Test
    void partsOfObjectsAreNotKinds() {
        assertThat(kinds.find("v1", "PodSpec")).isEmpty();
        assertThat(kinds.find("apps/v1", "Secret")).isEmpty();
    }

    @Test
    void optionKindsAreSharedByEveryGroupVersion() {
        assertThat(kinds.find("v1", "DeleteOptions")).map(Descriptor::getFullName)
                .contains("k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions");
        assertThat(kinds.find("apps/v1", "DeleteOptions")).isPresent();
        assertThat(kinds.find("example.com/v1", "DeleteOptions")).isEmpty();
    }
}
