package io.kubesim.server.table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/** Shared test clock and YAML object fixtures. */
final class Fixtures {

    /** The time every fixture's ages are computed against. */
    static final Instant NOW = Instant.parse("2025-01-10T12:00:00Z");

    private Fixtures() {
    }

    static JsonNode yaml(String text) {
        return Json.parseYaml(text.getBytes(StandardCharsets.UTF_8));
    }
}
