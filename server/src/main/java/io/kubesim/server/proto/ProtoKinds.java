package io.kubesim.server.proto;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

import io.kubernetes.client.proto.Meta;
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

/**
 * Finds the protobuf message of an API kind by {@code (apiVersion, kind)}, from the descriptors
 * of the generated {@code client-java-proto} classes. Only the GA group versions a 1.32 server
 * serves are indexed (the library also carries long-removed beta versions, which a real server
 * rejects as unregistered). Immutable and thread-safe.
 */
final class ProtoKinds {

    /** Group versions whose kinds can be decoded, one generated outer class each. */
    private static final List<FileDescriptor> SERVED_FILES = List.of(
            V1.getDescriptor(), V1Apps.getDescriptor(), V1Batch.getDescriptor(),
            V1Authentication.getDescriptor(), V1Authorization.getDescriptor(), V1Autoscaling.getDescriptor(),
            V1Certificates.getDescriptor(), V1Networking.getDescriptor(), V1Policy.getDescriptor(),
            V1Rbac.getDescriptor(), V1Scheduling.getDescriptor(), V1Storage.getDescriptor(),
            V1Admissionregistration.getDescriptor());

    private static final String API_PACKAGE_PREFIX = "k8s.io.api.";

    /** Go package directories whose API group has no {@code .k8s.io} suffix. */
    private static final Set<String> UNSUFFIXED_GROUPS = Set.of("apps", "batch", "policy", "autoscaling",
            "extensions");

    /**
     * metav1 option kinds, which Go registers into every group version; a client may send them
     * under any {@code apiVersion} the server serves.
     */
    private static final Set<String> SHARED_META_KINDS = Set.of("DeleteOptions", "CreateOptions",
            "UpdateOptions", "PatchOptions", "GetOptions", "ListOptions");

    private final Map<String, Map<String, Descriptor>> kindsByApiVersion;
    private final Map<String, Descriptor> sharedMetaKinds;

    private ProtoKinds(Map<String, Map<String, Descriptor>> kindsByApiVersion,
                       Map<String, Descriptor> sharedMetaKinds) {
        this.kindsByApiVersion = kindsByApiVersion;
        this.sharedMetaKinds = sharedMetaKinds;
    }

    static ProtoKinds build() {
        Map<String, Map<String, Descriptor>> index = new HashMap<>();
        for (FileDescriptor file : SERVED_FILES) {
            String apiVersion = apiVersionOf(file.getPackage());
            Map<String, Descriptor> kinds = new HashMap<>();
            for (Descriptor message : file.getMessageTypes()) {
                // Kinds are the top-level messages with object or list metadata; the rest are parts.
                if (message.findFieldByName("metadata") != null) {
                    kinds.put(message.getName(), message);
                }
            }
            index.put(apiVersion, Map.copyOf(kinds));
        }
        Map<String, Descriptor> shared = new HashMap<>();
        for (Descriptor message : Meta.getDescriptor().getMessageTypes()) {
            if (SHARED_META_KINDS.contains(message.getName())) {
                shared.put(message.getName(), message);
            }
        }
        return new ProtoKinds(Map.copyOf(index), Map.copyOf(shared));
    }

    /** The message for a kind, or empty when the group version or the kind is not served. */
    Optional<Descriptor> find(String apiVersion, String kind) {
        Map<String, Descriptor> kinds = kindsByApiVersion.get(apiVersion);
        if (kinds == null) {
            return Optional.empty();
        }
        Descriptor own = kinds.get(kind);
        return own != null ? Optional.of(own) : Optional.ofNullable(sharedMetaKinds.get(kind));
    }

    /** The served {@code apiVersion} strings, e.g. {@code v1}, {@code apps/v1}. */
    Set<String> apiVersions() {
        return kindsByApiVersion.keySet();
    }

    /**
     * {@code k8s.io.api.core.v1} → {@code v1}; {@code k8s.io.api.apps.v1} → {@code apps/v1};
     * {@code k8s.io.api.rbac.v1} → {@code rbac.authorization.k8s.io/v1};
     * {@code k8s.io.api.networking.v1} → {@code networking.k8s.io/v1}.
     */
    static String apiVersionOf(String protoPackage) {
        if (!protoPackage.startsWith(API_PACKAGE_PREFIX)) {
            throw new IllegalArgumentException("not an API package: " + protoPackage);
        }
        String rest = protoPackage.substring(API_PACKAGE_PREFIX.length());
        int dot = rest.indexOf('.');
        String dir = rest.substring(0, dot);
        String version = rest.substring(dot + 1);
        String group = switch (dir) {
            case "core" -> "";
            case "rbac" -> "rbac.authorization.k8s.io";
            default -> UNSUFFIXED_GROUPS.contains(dir) ? dir : dir + ".k8s.io";
        };
        return group.isEmpty() ? version : group + "/" + version;
    }
}
