package io.kubesim.server.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;
import io.kubesim.server.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes the Kubernetes protobuf envelope ({@code "k8s\0"} + {@code runtime.Unknown}) and the typed
 * object inside it into JSON, failing with {@link ProtoDecodeException} in kube-apiserver's words.
 * Immutable and thread-safe.
 */
final class ObjectDecoder {

    /** The 4-byte prefix of every Kubernetes protobuf body: {@code "k8s\0"}. */
    static final ByteString MAGIC = ByteString.copyFrom(new byte[] {0x6b, 0x38, 0x73, 0x00});

    /** What kube-apiserver names its scheme in "not registered" errors (visible to users). */
    private static final String SCHEME_NAME = "pkg/api/legacyscheme/scheme.go:30";

    private final ProtoKinds kinds;
    private final ProtoJson json;

    ObjectDecoder(ProtoKinds kinds, GoJsonFieldRules rules) {
        this.kinds = kinds;
        this.json = new ProtoJson(rules, new ApimachineryValues(this));
    }

    /**
     * Decodes a whole body.
     *
     * @param defaultKind the kind to assume when the body does not name one (the kind of the
     *                    endpoint, as kube-apiserver does), or null
     */
    ObjectNode decodeFramed(byte[] body, String defaultKind) {
        int prefix = MAGIC.size();
        if (body.length == 0) {
            throw new ProtoDecodeException("empty data");
        }
        if (body.length < prefix || !ByteString.copyFrom(body, 0, prefix).equals(MAGIC)) {
            throw new ProtoDecodeException(
                    "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
        }
        if (body.length == prefix) {
            throw new ProtoDecodeException("empty body");
        }
        Unknown envelope;
        try {
            envelope = Unknown.parser().parseFrom(body, prefix, body.length - prefix);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtoDecodeException(e.getMessage());
        }
        TypeMeta typeMeta = envelope.getTypeMeta();
        String kind = typeMeta.getKind().isEmpty() && defaultKind != null ? defaultKind : typeMeta.getKind();
        return decodeTyped(typeMeta.getApiVersion(), kind, envelope.getRaw());
    }

    /** Decodes the protobuf bytes of one object of the given type. */
    ObjectNode decodeTyped(String apiVersion, String kind, ByteString raw) {
        if (kind.isEmpty()) {
            throw new ProtoDecodeException("Object 'Kind' is missing in '" + goTypeMeta(apiVersion, kind) + "'");
        }
        if (apiVersion.isEmpty()) {
            throw new ProtoDecodeException("Object 'apiVersion' is missing in '" + goTypeMeta(apiVersion, kind) + "'",
                    apiVersion, kind);
        }
        Descriptor type = kinds.find(apiVersion, kind).orElseThrow(() -> new ProtoDecodeException(
                "no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\" in scheme \""
                        + SCHEME_NAME + "\"", apiVersion, kind));
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(type, raw);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtoDecodeException(e.getMessage(), apiVersion, kind);
        }
        ObjectNode out = Json.object();
        out.put("kind", kind);
        out.put("apiVersion", apiVersion);
        try {
            json.writeFields(message, out);
        } catch (ProtoDecodeException nested) {
            // An embedded object failed; the apiserver reports it against the outer object.
            throw new ProtoDecodeException(nested.getMessage(), apiVersion, kind);
        }
        return out;
    }

    /** Go's {@code %#v} of a {@code runtime.TypeMeta}, which the apiserver prints in these errors. */
    private static String goTypeMeta(String apiVersion, String kind) {
        return "runtime.TypeMeta{APIVersion:\"" + apiVersion + "\", Kind:\"" + kind + "\"}";
    }
}
