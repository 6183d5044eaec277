package io.kubesim.controllers.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Persists the status (and revision annotation) a sync computed on its working copy of a
 * Deployment, and keeps that copy's resourceVersion current so later writes of the same sync do
 * not conflict with the earlier ones. Stateless apart from its writer; thread-safe.
 */
final class DeploymentStatusWriter {

    private final DeploymentWriter writer;

    DeploymentStatusWriter(DeploymentWriter writer) {
        this.writer = writer;
    }

    /**
     * Writes {@code d}'s status; when {@code revisionChanged}, first writes its revision
     * annotation, which a status write does not carry.
     */
    void write(Deployment d, boolean revisionChanged) {
        if (revisionChanged) {
            String revision = d.getMetadata().getAnnotations().get(Revisions.REVISION);
            Deployment patched = writer.setRevisionAnnotation(d, revision);
            d.getMetadata().setResourceVersion(patched.getMetadata().getResourceVersion());
        }
        d.setStatus(DeploymentStatuses.omitZeros(d.getStatus()));
        Deployment updated = writer.updateStatus(d);
        d.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
        d.setStatus(updated.getStatus());
    }
}
