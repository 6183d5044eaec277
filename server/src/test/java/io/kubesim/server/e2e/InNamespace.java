package io.kubesim.server.e2e;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/** A kubectl bound to one namespace: every run gets {@code -n <namespace>} first. Immutable. */
public record InNamespace(Kubectl kubectl, String namespace) {

    /** Creates the namespace with {@code kubectl create namespace} and binds to it. */
    public static InNamespace create(Kubectl kubectl, String namespace) {
        kubectl.run("create", "namespace", namespace).assertOk();
        return new InNamespace(kubectl, namespace);
    }

    public Kubectl.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = namespace;
        System.arraycopy(args, 0, all, 2, args.length);
        return kubectl.run(all);
    }

    /** The stdout of a run that must succeed. */
    public String ok(String... args) {
        return run(args).assertOk().stdout();
    }

    public String jsonpath(String resource, String path) {
        return ok("get", resource, "-o", "jsonpath=" + path);
    }

    public JsonNode json(String resource) {
        return Json.parse(ok("get", resource, "-o", "json"));
    }

    /** The one table a successful run printed. */
    public PrintedTable table(String... args) {
        return PrintedTable.parse(ok(args));
    }
}
