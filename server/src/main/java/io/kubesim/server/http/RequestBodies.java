package io.kubesim.server.http;

import java.util.Locale;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.vertx.core.buffer.Buffer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes request bodies (JSON, YAML or Kubernetes protobuf) into object trees and checks them
 * against the URL, with the messages the real server uses. Stateless.
 */
public final class RequestBodies {

    public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private RequestBodies() {
    }

    /** The media type of {@code contentType} without parameters, lower-cased; JSON when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/json";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Parses a JSON or YAML document of any shape; BadRequest when malformed. */
    public static JsonNode parse(Buffer body, String mediaType) {
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("the body of the request was empty");
        }
        try {
            return switch (mediaType) {
                case "application/json", "application/json-patch+json", "application/merge-patch+json",
                     "application/strategic-merge-patch+json" -> Json.parse(body.getBytes());
                case "application/yaml", "application/apply-patch+yaml", "text/yaml", "application/x-yaml" ->
                        Json.parseYaml(body.getBytes());
                default -> throw unsupported(mediaType);
            };
        } catch (JacksonException e) {
            throw ApiException.badRequest("error decoding " + (mediaType.contains("yaml") ? "YAML" : "JSON")
                    + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Decodes a create or update body into an object of {@code d}'s kind: fills in a missing
     * kind/apiVersion and rejects one that contradicts the URL.
     */
    public static ObjectNode decodeObject(Buffer body, String contentType, ResourceDescriptor d,
                                          ProtobufDecoder protobuf) {
        String mediaType = mediaType(contentType);
        JsonNode node;
        if (mediaType.equals(PROTOBUF)) {
            if (body == null || body.length() == 0) {
                throw ApiException.badRequest("the body of the request was empty");
            }
            node = protobuf.decode(body.getBytes());
        } else if (mediaType.equals("application/json") || mediaType.equals("application/yaml")
                || mediaType.equals("text/yaml") || mediaType.equals("application/x-yaml")) {
            node = parse(body, mediaType);
        } else {
            throw unsupported(mediaType);
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body of the request must be a " + d.kind() + " object");
        }
        checkKind(object, d);
        return object;
    }

    /** Sets or checks {@code kind} and {@code apiVersion} of {@code object} against {@code d}. */
    public static void checkKind(ObjectNode object, ResourceDescriptor d) {
        String apiVersion = Json.text(object, "apiVersion");
        String kind = Json.text(object, "kind");
        if (kind != null && !kind.isEmpty() && !kind.equals(d.kind())) {
            // the real server decodes the body as the kind it names, then finds no conversion from that
            // Go type to the URL's internal type; the Go package of a versioned type is its version
            String version = apiVersion == null || apiVersion.isEmpty() ? d.version()
                    : apiVersion.substring(apiVersion.indexOf('/') + 1);
            throw ApiException.badRequest(kind + " in version \"" + version + "\" cannot be handled as a " + d.kind()
                    + ": converting (" + version + "." + kind + ") to (" + internalPackage(d) + "." + d.kind()
                    + "): unknown conversion");
        }
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(d.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + d.apiVersion() + ")");
        }
        object.put("kind", d.kind());
        object.put("apiVersion", d.apiVersion());
    }

    /** The Go package of upstream's internal types: {@code core} for the legacy group, else the group's first label. */
    private static String internalPackage(ResourceDescriptor d) {
        return d.group().isEmpty() ? "core" : d.group().split("\\.")[0];
    }

    /** The namespace in the body must be absent or equal the URL's. */
    public static void checkNamespace(ObjectNode object, String urlNamespace, ResourceDescriptor d) {
        String ns = Json.text(object.path("metadata"), "namespace");
        if (d.namespaced() && ns != null && !ns.isEmpty() && !ns.equals(urlNamespace)) {
            throw ApiException.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    /** For PUT: the name in the body must equal the URL's. */
    public static void checkName(ObjectNode object, String urlName) {
        String name = Json.text(object.path("metadata"), "name");
        if (name == null || name.isEmpty()) {
            Json.child(object, "metadata").put("name", urlName);
        } else if (!name.equals(urlName)) {
            throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                    + urlName + ")");
        }
    }

    public static ApiException unsupported(String mediaType) {
        return new ApiException(Reason.UnsupportedMediaType, "the body of the request was in an unknown format - "
                + "accepted media types include: application/json, application/yaml, " + PROTOBUF);
    }

    /** Converts a Kubernetes protobuf body into the object's JSON tree. */
    @FunctionalInterface
    public interface ProtobufDecoder {
        ObjectNode decode(byte[] body);
    }
}
