package io.kubesim.server.validation;

import java.util.List;
import java.util.function.Function;

/**
 * Which syntax a kind's {@code metadata.name} must have. Most kinds use {@link #DNS1123_SUBDOMAIN};
 * namespaces use {@link #DNS1123_LABEL} and services {@link #DNS1035_LABEL}, as upstream.
 */
public enum NameRule {
    DNS1123_SUBDOMAIN(NameValidation::dns1123Subdomain),
    DNS1123_LABEL(NameValidation::dns1123Label),
    DNS1035_LABEL(NameValidation::dns1035Label);

    private final Function<String, List<String>> check;

    NameRule(Function<String, List<String>> check) {
        this.check = check;
    }

    /**
     * The problems with {@code name}; with {@code prefix} the value is a {@code generateName} and
     * may end in '-'.
     */
    public List<String> check(String name, boolean prefix) {
        return check.apply(prefix ? NameValidation.maskTrailingDash(name) : name);
    }

    /** The rule of a strategy: its own when it declares one, else {@link #DNS1123_SUBDOMAIN}. */
    public static NameRule of(Object strategy) {
        return strategy instanceof Provider p ? p.nameRule() : DNS1123_SUBDOMAIN;
    }

    /** Implemented by strategies whose kind does not use the default subdomain rule. */
    public interface Provider {
        NameRule nameRule();
    }
}
