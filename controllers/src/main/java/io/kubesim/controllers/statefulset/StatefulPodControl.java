package io.kubesim.controllers.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.EventSink;

/**
 * Creates, fixes and deletes a StatefulSet's pods, reporting each as Kubernetes does:
 * {@code SuccessfulCreate} "create Pod web-0 in StatefulSet web successful", {@code FailedCreate}
 * "create Pod web-0 in StatefulSet web failed error: ...", and likewise for delete and update.
 * Thread-safe.
 */
final class StatefulPodControl {

    private final StatefulSetWriter writer;
    private final EventSink events;

    StatefulPodControl(StatefulSetWriter writer, EventSink events) {
        this.writer = writer;
        this.events = events;
    }

    void create(StatefulSet set, Pod pod) {
        try {
            writer.createPod(pod);
            record("create", set, pod, null);
        } catch (RuntimeException e) {
            // An existing pod is what we wanted; the cache has just not seen it yet.
            if (!ApiErrors.isAlreadyExists(e)) {
                record("create", set, pod, e);
            }
            throw e;
        }
    }

    void delete(StatefulSet set, Pod pod) {
        try {
            writer.deletePod(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
            record("delete", set, pod, null);
        } catch (RuntimeException e) {
            record("delete", set, pod, e);
            throw e;
        }
    }

    /** Restores the pod's identity labels (e.g. on an adopted pod). */
    void updateIdentity(StatefulSet set, Pod pod) {
        Pod copy = DeepCopy.of(pod);
        StatefulPods.updateIdentity(set, copy);
        try {
            writer.updatePod(copy);
            record("update", set, pod, null);
        } catch (RuntimeException e) {
            record("update", set, pod, e);
            throw e;
        }
    }

    private void record(String verb, StatefulSet set, Pod pod, Exception error) {
        String title = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
        String subject = verb + " Pod " + pod.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName();
        if (error == null) {
            events.normal(set, "Successful" + title, subject + " successful");
        } else {
            events.warning(set, "Failed" + title, subject + " failed error: " + ApiErrors.message(error));
        }
    }
}
