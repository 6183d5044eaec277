package io.kubesim.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameValidationTest {

    @Test
    void subdomainMessageIsUpstreams() {
        assertThat(NameValidation.dns1123Subdomain("my.app-1")).isEmpty();
        assertThat(NameValidation.dns1123Subdomain("Bad_Name")).containsExactly(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
                        + "must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
                        + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThat(NameValidation.dns1123Subdomain("a".repeat(254))).containsExactly("must be no more than 253 characters");
    }

    @Test
    void labelsRejectDotsAndLength() {
        assertThat(NameValidation.dns1123Label("web-0")).isEmpty();
        assertThat(NameValidation.dns1123Label("a.b")).containsExactly(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
                        + "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation "
                        + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        assertThat(NameValidation.dns1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
        assertThat(NameValidation.dns1035Label("1abc")).containsExactly(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                        + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used "
                        + "for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    void qualifiedNamesHaveOptionalPrefix() {
        assertThat(NameValidation.qualifiedName("app.kubernetes.io/name")).isEmpty();
        assertThat(NameValidation.qualifiedName("/name")).containsExactly("prefix part must be non-empty");
        assertThat(NameValidation.qualifiedName("Example.com/x")).singleElement().asString()
                .startsWith("prefix part a lowercase RFC 1123 subdomain");
        assertThat(NameValidation.qualifiedName("a/b/c")).singleElement().asString()
                .startsWith("a qualified name must consist of alphanumeric characters")
                .endsWith("with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        // Upstream's RegexError really prints two spaces before each "or".
        assertThat(NameValidation.qualifiedName("-x")).containsExactly("name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  "
                + "or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }

    @Test
    void labelValuesMayBeEmpty() {
        assertThat(NameValidation.labelValue("")).isEmpty();
        assertThat(NameValidation.labelValue("has space")).singleElement().asString()
                .startsWith("a valid label must be an empty string or consist of alphanumeric characters");
    }

    @Test
    void otherSyntaxes() {
        assertThat(NameValidation.configMapKey("..x")).containsExactly("must not start with '..'");
        assertThat(NameValidation.portName("http")).isEmpty();
        assertThat(NameValidation.portName("HTTP--1-")).contains("must not contain consecutive hyphens",
                "must not begin or end with a hyphen");
        assertThat(NameValidation.portNumber(0)).containsExactly("must be between 1 and 65535, inclusive");
        assertThat(NameValidation.envVarName("MY=VAR")).containsExactly(
                "a valid environment variable name must consist only of printable ASCII characters other than '='");
        assertThat(NameValidation.percent("25%")).isEmpty();
        assertThat(NameValidation.isIp("10.96.0.1")).isTrue();
        assertThat(NameValidation.isIp("fd00::1")).isTrue();
        assertThat(NameValidation.isIp("10.96.0.256")).isFalse();
        assertThat(NameValidation.isIp("example.com")).isFalse();
        assertThat(NameValidation.maskTrailingDash("web-")).isEqualTo("wea");
    }

    @Test
    void nameRulesApplyThePrefixMask() {
        assertThat(NameRule.DNS1123_SUBDOMAIN.check("web-", true)).isEmpty();
        assertThat(NameRule.DNS1123_SUBDOMAIN.check("web-", false)).hasSize(1);
        assertThat(NameRule.of(new Object())).isEqualTo(NameRule.DNS1123_SUBDOMAIN);
    }
}
