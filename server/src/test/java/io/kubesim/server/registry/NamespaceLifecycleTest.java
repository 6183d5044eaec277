package io.kubesim.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.registry.kinds.CoreV1;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.watch.ResourceCache;

class NamespaceLifecycleTest {

    private static final List<ResourceDescriptor> CORE = CoreV1.descriptors();
    private static final ResourceDescriptor NAMESPACES = kind("Namespace");
    private static final ResourceDescriptor CONFIGMAPS = kind("ConfigMap");

    private final NamespaceLifecycle lifecycle;

    NamespaceLifecycleTest() {
        ResourceCache cache = new ResourceCache(NAMESPACES, 10, () -> 2);
        cache.load(List.of(namespace("live", "Active", 1), namespace("doomed", "Terminating", 2)), 2);
        lifecycle = new NamespaceLifecycle(NAMESPACES, cache);
    }

    private static ResourceDescriptor kind(String kind) {
        return CORE.stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static StoredObject namespace(String name, String phase, long revision) {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name
                + "\",\"resourceVersion\":\"" + revision + "\"},\"status\":{\"phase\":\"" + phase + "\"}}";
        return new StoredObject(NAMESPACES.key(null, name), json.getBytes(StandardCharsets.UTF_8), revision, revision);
    }

    @Test
    void createsGoIntoActiveNamespacesOnly() {
        assertThatCode(() -> lifecycle.checkCreate(CONFIGMAPS, "live", "a")).doesNotThrowAnyException();
        assertThatThrownBy(() -> lifecycle.checkCreate(CONFIGMAPS, "missing", "a"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NotFound);
                    assertThat(e.getMessage()).isEqualTo("namespaces \"missing\" not found");
                });
    }

    @Test
    void terminatingNamespaceIsForbiddenWithTheObjectsNameWhenItHasOne() {
        assertThatThrownBy(() -> lifecycle.checkCreate(CONFIGMAPS, "doomed", "late"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.Forbidden);
                    assertThat(e.getMessage()).isEqualTo("configmaps \"late\" is forbidden: unable to create new "
                            + "content in namespace doomed because it is being terminated");
                    assertThat(e.details().name()).isEqualTo("late");
                    assertThat(e.details().kind()).isEqualTo("configmaps");
                    assertThat(e.details().causes()).containsExactly(new ApiException.Cause("NamespaceTerminating",
                            "namespace doomed is being terminated", "metadata.namespace"));
                });
        assertThatThrownBy(() -> lifecycle.checkCreate(CONFIGMAPS, "doomed", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("configmaps is forbidden: unable to create new content in "
                            + "namespace doomed because it is being terminated");
                    assertThat(e.details().name()).isNull();
                });
    }

    @Test
    void immortalNamespacesCannotBeDeleted() {
        assertThatThrownBy(() -> lifecycle.checkDelete(NAMESPACES, null, "kube-system"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.Forbidden);
                    assertThat(e.getMessage()).isEqualTo("namespaces \"kube-system\" is forbidden: this namespace "
                            + "may not be deleted");
                });
        assertThatCode(() -> lifecycle.checkDelete(NAMESPACES, null, "kube-node-lease")).doesNotThrowAnyException();
        assertThatCode(() -> lifecycle.checkDelete(CONFIGMAPS, "default", "default")).doesNotThrowAnyException();
    }
}
