package io.kubesim.server.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ResourceRegistry;
import io.kubesim.server.registry.Subresource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 documents: a root index and one document per group-version, with an operation for
 * every verb of every resource carrying {@code x-kubernetes-group-version-kind} (kubectl looks for
 * the PATCH operation and its {@code fieldValidation} parameter before it applies or creates) and
 * the kinds' schemas (for {@code kubectl explain}). Built once; immutable.
 *
 * <p>The PATCH operations deliberately declare no strategic-merge request body: kubectl then takes
 * merge keys from its compiled-in types, which know every core and apps list.
 */
public final class OpenApiDocuments {

    /** One group-version document with its content hash. */
    public record Document(String path, byte[] json, String hash) {
    }

    private final Map<String, Document> byPath = new LinkedHashMap<>();
    private final byte[] root;
    private final String rootEtag;

    public OpenApiDocuments(ResourceRegistry registry, SchemaSource schemas) {
        for (String group : registry.groups()) {
            for (String version : registry.versions(group)) {
                String path = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
                byte[] json = Json.bytes(document(registry.resources(group, version), schemas));
                byPath.put(path, new Document(path, json, sha512(json)));
            }
        }
        ObjectNode r = Json.object();
        ObjectNode paths = r.putObject("paths");
        byPath.values().forEach(doc -> paths.putObject(doc.path())
                .put("serverRelativeURL", "/openapi/v3/" + doc.path() + "?hash=" + doc.hash()));
        root = Json.bytes(r);
        rootEtag = "\"" + sha512(root) + "\"";
    }

    public byte[] root() {
        return root;
    }

    public String rootEtag() {
        return rootEtag;
    }

    /** The document for {@code api/v1} or {@code apis/G/V}; null when not served. */
    public Document document(String path) {
        return byPath.get(path);
    }

    private static ObjectNode document(List<ResourceDescriptor> resources, SchemaSource schemas) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Kubernetes");
        info.put("version", "v1.32.0");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components").putObject("schemas");
        for (ResourceDescriptor d : resources) {
            String base = (d.group().isEmpty() ? "/api/" : "/apis/" + d.group() + "/") + d.version() + "/";
            String collection = base + (d.namespaced() ? "namespaces/{namespace}/" : "") + d.plural();
            String item = collection + "/{name}";
            ObjectNode coll = paths.putObject(collection);
            coll.set("get", operation(d, "list", "list"));
            coll.set("post", operation(d, "create", "post"));
            coll.set("delete", operation(d, "deletecollection", "deletecollection"));
            ObjectNode one = paths.putObject(item);
            one.set("get", operation(d, "read", "get"));
            one.set("put", operation(d, "replace", "put"));
            one.set("patch", operation(d, "patch", "patch"));
            one.set("delete", operation(d, "delete", "delete"));
            if (d.namespaced()) {
                paths.putObject(base + d.plural()).set("get", operation(d, "listForAllNamespaces", "list"));
            }
            if (d.has(Subresource.STATUS)) {
                ObjectNode status = paths.putObject(item + "/status");
                status.set("get", operation(d, "readStatus", "get"));
                status.set("put", operation(d, "replaceStatus", "put"));
                status.set("patch", operation(d, "patchStatus", "patch"));
            }
            schemas.schemas(d).forEach(components::set);
        }
        return doc;
    }

    private static ObjectNode operation(ResourceDescriptor d, String verb, String action) {
        ObjectNode op = Json.object();
        op.put("operationId", verb + operationGroup(d) + d.version().substring(0, 1).toUpperCase()
                + d.version().substring(1) + (d.namespaced() && !verb.endsWith("ForAllNamespaces") ? "Namespaced" : "")
                + d.kind());
        op.put("x-kubernetes-action", action);
        ObjectNode gvk = op.putObject("x-kubernetes-group-version-kind");
        gvk.put("group", d.group());
        gvk.put("version", d.version());
        gvk.put("kind", d.kind());
        ArrayNode params = op.putArray("parameters");
        if (action.equals("patch") || action.equals("put") || action.equals("post")) {
            for (String p : new String[] {"dryRun", "fieldManager", "fieldValidation"}) {
                ObjectNode param = params.addObject();
                param.put("name", p);
                param.put("in", "query");
                param.putObject("schema").put("type", "string");
                param.put("uniqueItems", true);
            }
            if (action.equals("patch")) {
                ObjectNode force = params.addObject();
                force.put("name", "force");
                force.put("in", "query");
                force.putObject("schema").put("type", "boolean");
                force.put("uniqueItems", true);
            }
        }
        op.putObject("responses").putObject("200").put("description", "OK");
        return op;
    }

    /** {@code Core} or {@code Apps} or {@code CoordinationV1}'s {@code Coordination}. */
    private static String operationGroup(ResourceDescriptor d) {
        if (d.group().isEmpty()) {
            return "Core";
        }
        String first = d.group().split("\\.")[0];
        return Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
