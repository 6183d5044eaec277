package io.kubesim.server.proto;

/**
 * A body that cannot be decoded, with the wording kube-apiserver's protobuf serializer uses.
 * Carries the body's declared {@code apiVersion}/{@code kind} when they were readable, because the
 * apiserver phrases the final message differently depending on that. Internal to this package;
 * {@link ProtobufBodies} turns it into an {@code ApiException}.
 */
final class ProtoDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String apiVersion;
    private final String kind;

    ProtoDecodeException(String message) {
        this(message, null, null);
    }

    ProtoDecodeException(String message, String apiVersion, String kind) {
        super(message, null, false, false);
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    /** The body's {@code apiVersion}, or null when unknown. */
    String apiVersion() {
        return apiVersion;
    }

    /** The body's kind, or null when unknown. */
    String kind() {
        return kind;
    }
}
