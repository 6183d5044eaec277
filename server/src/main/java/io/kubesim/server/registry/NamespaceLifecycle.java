package io.kubesim.server.registry;

import java.util.List;
import java.util.Set;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.ResourceCache;

/**
 * The real server's NamespaceLifecycle admission over the namespaces cache: creating namespaced
 * content requires an existing, non-terminating namespace, and {@code default},
 * {@code kube-system} and {@code kube-public} cannot be deleted. Thread-safe; lock-free reads.
 */
public final class NamespaceLifecycle implements NamespaceGuard {

    /** Namespaces that exist from first start. */
    public static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public",
            "kube-node-lease");
    private static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    private final ResourceDescriptor namespaces;
    private final ResourceCache cache;

    public NamespaceLifecycle(ResourceDescriptor namespaces, ResourceCache cache) {
        this.namespaces = namespaces;
        this.cache = cache;
    }

    @Override
    public void checkCreate(ResourceDescriptor descriptor, String namespace, String name) {
        if (!descriptor.namespaced()) {
            return;
        }
        CachedObject ns = cache.get(namespaces.key(null, namespace));
        if (ns == null) {
            throw ApiException.notFound("namespaces", "", "namespaces", namespace);
        }
        if ("Terminating".equals(ns.fields().get("status.phase"))) {
            // upstream's admission runs before a generated name exists, so such objects go unnamed
            boolean named = name != null && !name.isEmpty();
            String message = descriptor.qualifiedResource() + (named ? " \"" + name + "\"" : "")
                    + " is forbidden: unable to create new content in namespace " + namespace
                    + " because it is being terminated";
            throw new ApiException(Reason.Forbidden, message,
                    new ApiException.StatusDetails(named ? name : null, descriptor.group(), descriptor.plural(),
                            List.of(new ApiException.Cause("NamespaceTerminating",
                                    "namespace " + namespace + " is being terminated", "metadata.namespace")), null));
        }
    }

    @Override
    public void checkDelete(ResourceDescriptor descriptor, String namespace, String name) {
        if (descriptor == namespaces && IMMORTAL.contains(name)) {
            throw new ApiException(Reason.Forbidden, "namespaces \"" + name
                    + "\" is forbidden: this namespace may not be deleted",
                    new ApiException.StatusDetails(name, "", "namespaces"));
        }
    }
}
