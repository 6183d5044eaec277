package io.kubesim.server.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.FieldError;
import io.kubesim.server.meta.LabelRequirement.Operator;
import io.kubesim.server.validation.NameValidation;

/**
 * Parses the query-string label selector syntax ({@code a=b,c!=d,e in (f,g),!h,i>5}) with the
 * grammar, token rules and error messages of the apiserver's parser. One instance parses one
 * string; not thread-safe (use {@link LabelSelector#parse}).
 */
final class LabelSelectorParser {

    private enum Kind {
        END, IDENTIFIER, IN, NOT_IN, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, NOT, GREATER, LESS, OPEN, CLOSE, COMMA
    }

    private record Token(Kind kind, String text) {
    }

    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final List<Token> tokens;
    private int position;

    private LabelSelectorParser(String selector) {
        this.tokens = lex(selector);
    }

    /** The requirements of {@code selector}, in the order written (the caller sorts them). */
    static List<LabelRequirement> parse(String selector) {
        return new LabelSelectorParser(selector).requirements();
    }

    // ---- lexing ----

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSymbol(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < s.length() && isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                out.add(new Token(Kind.END, ""));
                return out;
            }
            char c = s.charAt(i);
            if (isSymbol(c)) {
                // Every symbol is a token by itself; '!=' and '==' are the only two-character ones.
                char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if ((c == '!' || c == '=') && next == '=') {
                    out.add(new Token(c == '!' ? Kind.NOT_EQUALS : Kind.DOUBLE_EQUALS, s.substring(i, i + 2)));
                    i += 2;
                } else {
                    out.add(new Token(symbol(c), String.valueOf(c)));
                    i++;
                }
            } else {
                int start = i;
                while (i < s.length() && !isSymbol(s.charAt(i)) && !isWhitespace(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                Kind kind = switch (word) {
                    case "in" -> Kind.IN;
                    case "notin" -> Kind.NOT_IN;
                    default -> Kind.IDENTIFIER;
                };
                out.add(new Token(kind, word));
            }
        }
    }

    private static Kind symbol(char c) {
        return switch (c) {
            case '=' -> Kind.EQUALS;
            case '!' -> Kind.NOT;
            case '(' -> Kind.OPEN;
            case ')' -> Kind.CLOSE;
            case ',' -> Kind.COMMA;
            case '>' -> Kind.GREATER;
            default -> Kind.LESS;
        };
    }

    // ---- parsing ----

    /**
     * Where a value may stand, the keywords {@code in} and {@code notin} are plain identifiers
     * ({@code x in (in)}, {@code notin=1}); only directly after a key are they operators.
     */
    private Token peek(boolean operatorPosition) {
        return asValue(tokens.get(position), operatorPosition);
    }

    private Token next(boolean operatorPosition) {
        return asValue(tokens.get(position++), operatorPosition);
    }

    private static Token asValue(Token token, boolean operatorPosition) {
        if (!operatorPosition && (token.kind() == Kind.IN || token.kind() == Kind.NOT_IN)) {
            return new Token(Kind.IDENTIFIER, token.text());
        }
        return token;
    }

    private List<LabelRequirement> requirements() {
        List<LabelRequirement> out = new ArrayList<>();
        while (true) {
            Token token = peek(false);
            switch (token.kind()) {
                case END -> {
                    return out;
                }
                case IDENTIFIER, NOT -> {
                    out.add(requirement());
                    Token after = next(false);
                    if (after.kind() == Kind.END) {
                        return out;
                    }
                    if (after.kind() != Kind.COMMA) {
                        throw fail("found '" + after.text() + "', expected: ',' or 'end of string'");
                    }
                    Token following = peek(false);
                    if (following.kind() != Kind.IDENTIFIER && following.kind() != Kind.NOT) {
                        throw fail("found '" + following.text() + "', expected: identifier after ','");
                    }
                }
                default -> throw fail("found '" + token.text() + "', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement requirement() {
        boolean negated = false;
        Token keyToken = next(false);
        if (keyToken.kind() == Kind.NOT) {
            negated = true;
            keyToken = next(false);
        }
        if (keyToken.kind() != Kind.IDENTIFIER) {
            throw unparsable("found '" + keyToken.text() + "', expected: identifier");
        }
        String key = keyToken.text();
        List<String> keyErrors = NameValidation.qualifiedName(key);
        if (!keyErrors.isEmpty()) {
            // The apiserver validates the key without a field path, hence "<nil>".
            throw unparsable(FieldError.invalid("<nil>", key, String.join("; ", keyErrors)).fullMessage());
        }
        Kind following = peek(false).kind();
        if (negated || following == Kind.END || following == Kind.COMMA) {
            return valid(key, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
        }
        Operator operator = operator();
        List<String> values = operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : exactValue();
        return valid(key, operator, values);
    }

    private Operator operator() {
        Token token = next(true);
        return switch (token.kind()) {
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case GREATER -> Operator.GREATER_THAN;
            case LESS -> Operator.LESS_THAN;
            default -> throw unparsable("found '" + token.text() + "', expected: " + BINARY_OPERATORS);
        };
    }

    /** {@code (a,b)}; empty members are empty-string values, and duplicates collapse (sorted, as a set). */
    private List<String> valueSet() {
        Token open = next(false);
        if (open.kind() != Kind.OPEN) {
            throw unparsable("found '" + open.text() + "' expected: '('");
        }
        Token first = peek(false);
        TreeSet<String> values = new TreeSet<>();
        switch (first.kind()) {
            case CLOSE -> {
                next(false);
                values.add("");
            }
            case IDENTIFIER, COMMA -> {
                identifierList(values);
                next(false); // the ')' that ended the list
            }
            default -> throw unparsable("found '" + first.text() + "', expected: ',', ')' or identifier");
        }
        return List.copyOf(values);
    }

    private void identifierList(TreeSet<String> values) {
        while (true) {
            Token token = next(false);
            switch (token.kind()) {
                case IDENTIFIER -> {
                    values.add(token.text());
                    Token after = peek(false);
                    if (after.kind() == Kind.CLOSE) {
                        return;
                    }
                    if (after.kind() != Kind.COMMA) {
                        throw unparsable("found '" + after.text() + "', expected: ',' or ')'");
                    }
                }
                case COMMA -> {
                    if (values.isEmpty()) {
                        values.add("");
                    }
                    Kind after = peek(false).kind();
                    if (after == Kind.CLOSE || after == Kind.COMMA) {
                        values.add("");
                    }
                    if (after == Kind.CLOSE) {
                        return;
                    }
                }
                default -> throw unparsable("found '" + token.text() + "', expected: ',', or identifier");
            }
        }
    }

    /** The single value after {@code =}, {@code ==}, {@code !=}, {@code >}, {@code <}; may be empty. */
    private List<String> exactValue() {
        Kind following = peek(false).kind();
        if (following == Kind.END || following == Kind.COMMA) {
            return List.of("");
        }
        Token token = next(false);
        if (token.kind() != Kind.IDENTIFIER) {
            throw unparsable("found '" + token.text() + "', expected: identifier");
        }
        return List.of(token.text());
    }

    private static LabelRequirement valid(String key, Operator operator, List<String> values) {
        try {
            return LabelRequirement.of(key, operator, values);
        } catch (ApiException e) {
            throw unparsable(e.getMessage());
        }
    }

    private static ApiException unparsable(String why) {
        return fail("unable to parse requirement: " + why);
    }

    private static ApiException fail(String message) {
        return ApiException.badRequest(message);
    }
}
