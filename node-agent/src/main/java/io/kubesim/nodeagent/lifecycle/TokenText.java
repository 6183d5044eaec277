package io.kubesim.nodeagent.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Replaces {@code ${name}} tokens in template text. A string that is exactly one token takes the
 * token's JSON value as is (so {@code exitCode: ${exitCode}} stays a number); tokens inside longer
 * text are spliced in as text. Stateless.
 */
final class TokenText {

    private static final Pattern TOKEN = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private TokenText() {
    }

    static boolean hasTokens(String text) {
        return text.contains("${");
    }

    /** The rendered value of {@code text}. */
    static JsonNode render(String text, Tokens tokens) {
        Matcher m = TOKEN.matcher(text);
        if (m.matches()) {
            return lookup(m.group(1), tokens);
        }
        return JsonNodeFactory.instance.stringNode(renderText(text, tokens));
    }

    /** {@code text} with every token replaced by its text. */
    static String renderText(String text, Tokens tokens) {
        if (!hasTokens(text)) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(Values.text(lookup(m.group(1), tokens))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static JsonNode lookup(String name, Tokens tokens) {
        JsonNode v = tokens.value(name);
        if (v == null) {
            throw new StageException("unknown token ${" + name + "}");
        }
        return v;
    }
}
