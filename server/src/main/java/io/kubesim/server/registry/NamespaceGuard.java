package io.kubesim.server.registry;

/**
 * Namespace lifecycle rules enforced on writes, as the real server's NamespaceLifecycle admission
 * does: no content in missing or terminating namespaces, and the system namespaces cannot be
 * deleted. Implementations are thread-safe and non-blocking.
 */
public interface NamespaceGuard {

    /**
     * Throws NotFound when {@code namespace} does not exist, Forbidden when it is terminating.
     *
     * @param name the new object's name; null while it is still to be generated from {@code generateName}
     */
    void checkCreate(ResourceDescriptor descriptor, String namespace, String name);

    /** Throws Forbidden when the object may not be deleted (e.g. namespace {@code default}). */
    void checkDelete(ResourceDescriptor descriptor, String namespace, String name);

    /** Allows everything; for tests that do not model namespaces. */
    NamespaceGuard NONE = new NamespaceGuard() {
        @Override
        public void checkCreate(ResourceDescriptor descriptor, String namespace, String name) {
        }

        @Override
        public void checkDelete(ResourceDescriptor descriptor, String namespace, String name) {
        }
    };
}
