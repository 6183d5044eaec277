package io.kubesim.nodeagent.node;

import java.time.Instant;

import io.kubesim.nodeagent.lifecycle.Timestamps;
import io.kubesim.nodeagent.lifecycle.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The tokens node stages use: {@code now}, {@code nodeName} and {@code hostIP} (the node's
 * internal IP). Immutable and thread-safe.
 */
public final class NodeTokens implements Tokens {

    private final String nodeName;
    private final String hostIp;
    private final Instant now;

    public NodeTokens(String nodeName, String hostIp, Instant now) {
        this.nodeName = nodeName;
        this.hostIp = hostIp;
        this.now = now;
    }

    @Override
    public JsonNode value(String name) {
        return switch (name) {
            case "now" -> JsonNodeFactory.instance.stringNode(Timestamps.seconds(now));
            case "nodeName" -> JsonNodeFactory.instance.stringNode(nodeName);
            case "hostIP" -> JsonNodeFactory.instance.stringNode(hostIp);
            default -> null;
        };
    }

    @Override
    public Tokens forElement(String list, JsonNode element, int index) {
        return this;
    }
}
