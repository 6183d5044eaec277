package io.kubesim.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.registry.kinds.CoreV1;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.watch.ResourceCache;

class NamespaceLifecycleTest {

    private static final ResourceDescriptor NAMESPACES = descriptor("namespaces");
    private static final ResourceDescriptor CONFIG_MAPS = descriptor("configmaps");

    private NamespaceLifecycle lifecycle;

    private static ResourceDescriptor descriptor(String plural) {
        return CoreV1.descriptors().stream().filter(d -> d.plural().equals(plural)).findFirst().orElseThrow();
    }

    private static StoredObject namespace(String name, String phase) {
        String json = "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + name
                + "\",\"resourceVersion\":\"2\"},\"status\":{\"phase\":\"" + phase + "\"}}";
        return new StoredObject(NAMESPACES.key(null, name), json.getBytes(StandardCharsets.UTF_8), 2, 2);
    }

    @BeforeEach
    void setUp() {
        ResourceCache cache = new ResourceCache(NAMESPACES, 10, () -> 2);
        cache.load(List.of(namespace("live", "Active"), namespace("doomed", "Terminating")), 2);
        lifecycle = new NamespaceLifecycle(NAMESPACES, cache);
    }

    @Test
    void creatingInATerminatingNamespaceIsForbiddenByName() {
        lifecycle.checkCreate(CONFIG_MAPS, "live", "c");
        assertThatThrownBy(() -> lifecycle.checkCreate(CONFIG_MAPS, "doomed", "c"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.Forbidden);
                    assertThat(e.getMessage()).isEqualTo("configmaps \"c\" is forbidden: unable to create new content"
                            + " in namespace doomed because it is being terminated");
                    assertThat(e.details().name()).isEqualTo("c");
                    assertThat(e.details().causes()).containsExactly(new ApiException.Cause("NamespaceTerminating",
                            "namespace doomed is being terminated", "metadata.namespace"));
                });
    }

    @Test
    void withoutANameTheMessageNamesOnlyTheResource() {
        assertThatThrownBy(() -> lifecycle.checkCreate(CONFIG_MAPS, "doomed", null))
                .hasMessage("configmaps is forbidden: unable to create new content in namespace doomed because it is"
                        + " being terminated");
    }

    @Test
    void missingNamespaceIsNotFound() {
        assertThatThrownBy(() -> lifecycle.checkCreate(CONFIG_MAPS, "nosuch", "c"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NotFound))
                .hasMessage("namespaces \"nosuch\" not found");
    }
}
