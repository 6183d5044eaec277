package io.kubesim.server.http;

import java.nio.charset.StandardCharsets;

import io.kubesim.server.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Writes successful API responses. Stateless; call on the request's event loop. */
final class Responses {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Responses() {
    }

    /** Writes already-serialized JSON, converting to YAML when that was negotiated. */
    static void json(HttpServerResponse response, int code, byte[] json, ResponseFormat format) {
        if (format == ResponseFormat.YAML) {
            yaml(response, code, Json.parse(json));
            return;
        }
        response.setStatusCode(code)
                .putHeader("Content-Type", format == ResponseFormat.TABLE ? ResponseFormat.TABLE.contentType()
                        : "application/json")
                .end(Buffer.buffer(json));
    }

    static void json(HttpServerResponse response, int code, Buffer json) {
        response.setStatusCode(code).putHeader("Content-Type", "application/json").end(json);
    }

    static void tree(HttpServerResponse response, int code, JsonNode tree, ResponseFormat format) {
        json(response, code, Json.bytes(tree), format);
    }

    static void yaml(HttpServerResponse response, int code, JsonNode tree) {
        response.setStatusCode(code)
                .putHeader("Content-Type", "application/yaml")
                .end(Buffer.buffer(YAML.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8)));
    }

    static void text(HttpServerResponse response, int code, String text) {
        response.setStatusCode(code).putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
    }
}
