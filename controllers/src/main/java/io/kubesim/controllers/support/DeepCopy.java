package io.kubesim.controllers.support;

import io.fabric8.kubernetes.api.builder.Builder;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Deep copies of Fabric8 model objects, for changing an object read from a shared cache without
 * corrupting the cache. Model objects are copied through their generated builders (which copy
 * nested objects, lists and maps); anything else through a serialization round trip. Stateless
 * and thread-safe.
 */
public final class DeepCopy {

    /** Created on first use only: building the serialization takes seconds (it indexes every model class). */
    private static final class Holder {
        static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    }

    private DeepCopy() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(T object) {
        if (object == null) {
            return null;
        }
        if (object instanceof Editable<?> editable && editable.edit() instanceof Builder<?> builder) {
            return (T) builder.build();
        }
        return Holder.SERIALIZATION.clone(object);
    }

    /** The serialization {@link TemplateHash} renders templates with. */
    static KubernetesSerialization serialization() {
        return Holder.SERIALIZATION;
    }
}
