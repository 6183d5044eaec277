package io.kubesim.server.http;

import io.kubesim.server.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /version} document. The minor version is what the packaged kubectl dispatcher picks
 * its bundled binary by, so it must stay {@code 32} while we implement the 1.32 API. Immutable.
 */
public record VersionInfo(String major, String minor, String gitVersion) {

    public static final VersionInfo V1_32 = new VersionInfo("1", "32", "v1.32.0");

    byte[] json() {
        ObjectNode o = Json.object();
        o.put("major", major);
        o.put("minor", minor);
        o.put("gitVersion", gitVersion);
        o.put("gitCommit", "0000000000000000000000000000000000000000");
        o.put("gitTreeState", "clean");
        o.put("buildDate", "2025-01-01T00:00:00Z");
        o.put("goVersion", "go1.23.4");
        o.put("compiler", "gc");
        o.put("platform", "linux/amd64");
        return Json.bytes(o);
    }
}
