package io.kubesim.server.proto;

import java.util.HexFormat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;

import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;

/** Builds request bodies the way client-go's protobuf serializer frames them. */
final class Frames {

    private Frames() {
    }

    /** {@code "k8s\0"} + {@code runtime.Unknown{typeMeta, raw, "", ""}}. */
    static byte[] frame(String apiVersion, String kind, Message object) {
        return frame(apiVersion, kind, object.toByteString());
    }

    static byte[] frame(String apiVersion, String kind, ByteString raw) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(raw)
                .setContentEncoding("")
                .setContentType("")
                .build();
        return ObjectDecoder.MAGIC.concat(unknown.toByteString()).toByteArray();
    }

    /** Bytes from a hex listing; whitespace is ignored. */
    static byte[] hex(String listing) {
        return HexFormat.of().parseHex(listing.replaceAll("\\s+", ""));
    }

    /**
     * ObjectMeta as Go's protobuf writer emits it for a new object: every non-pointer field is on
     * the wire, with empty strings, a zero generation and an empty creationTimestamp.
     */
    static Meta.ObjectMeta.Builder goMeta(String name) {
        return Meta.ObjectMeta.newBuilder()
                .setName(name)
                .setGenerateName("")
                .setNamespace("")
                .setSelfLink("")
                .setUid("")
                .setResourceVersion("")
                .setGeneration(0)
                .setCreationTimestamp(Meta.Time.getDefaultInstance());
    }
}
