package io.kubesim.server.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.meta.FieldRequirement.Operator;

class FieldSelectorTest {

    private static void assertBadRequest(Runnable action, String message) {
        assertThatThrownBy(action::run)
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .extracting(e -> ((ApiException) e).reason()).isEqualTo(Reason.BadRequest);
    }

    @Test
    void parsesTermsSortedByText() {
        FieldSelector selector = FieldSelector.parse("status.phase!=Succeeded,spec.nodeName=node1");

        assertThat(selector.requirements()).containsExactly(
                new FieldRequirement("spec.nodeName", Operator.EQUALS, "node1"),
                new FieldRequirement("status.phase", Operator.NOT_EQUALS, "Succeeded"));
        assertThat(selector).hasToString("spec.nodeName=node1,status.phase!=Succeeded");
        assertThat(selector.matches(Map.of("spec.nodeName", "node1", "status.phase", "Running"))).isTrue();
        assertThat(selector.matches(Map.of("spec.nodeName", "node1", "status.phase", "Succeeded"))).isFalse();
        assertThat(selector.matches(Map.of("spec.nodeName", "node2"))).isFalse();
    }

    @Test
    void doubleEqualsIsEquality() {
        assertThat(FieldSelector.parse("metadata.name==web")).hasToString("metadata.name=web")
                .isEqualTo(FieldSelector.equalTo("metadata.name", "web"));
    }

    @Test
    void emptyValueMatchesAMissingField() {
        FieldSelector clusterScoped = FieldSelector.parse("involvedObject.kind=Node,involvedObject.namespace=");

        assertThat(clusterScoped.requirements()).hasSize(2);
        assertThat(clusterScoped.matches(Map.of("involvedObject.kind", "Node"))).isTrue();
        assertThat(clusterScoped.matches(Map.of("involvedObject.kind", "Node", "involvedObject.namespace", "ns")))
                .isFalse();
        assertThat(clusterScoped).hasToString("involvedObject.kind=Node,involvedObject.namespace=");
    }

    @Test
    void escapedCharactersInValues() {
        FieldSelector selector = FieldSelector.parse("a=x\\,y,b=p\\=q,c=back\\\\slash");

        assertThat(selector.requirements()).extracting(FieldRequirement::value)
                .containsExactly("x,y", "p=q", "back\\slash");
        assertThat(selector).hasToString("a=x\\,y,b=p\\=q,c=back\\\\slash");
        assertThat(FieldSelector.parse(selector.toString())).isEqualTo(selector);
    }

    @Test
    void nothingToSelectIsEverything() {
        assertThat(FieldSelector.parse(null).isEverything()).isTrue();
        assertThat(FieldSelector.parse("").isEverything()).isTrue();
        assertThat(FieldSelector.parse(",,").isEverything()).isTrue();
        assertThat(FieldSelector.parse("=").isEverything()).isTrue();
        assertThat(FieldSelector.everything().matches(Map.of())).isTrue();
        assertThat(FieldSelector.everything()).hasToString("");
    }

    @Test
    void malformedSelectors() {
        assertBadRequest(() -> FieldSelector.parse("metadata.name"),
                "invalid selector: 'metadata.name'; can't understand 'metadata.name'");
        assertBadRequest(() -> FieldSelector.parse("a=1,b"), "invalid selector: 'a=1,b'; can't understand 'b'");
        assertBadRequest(() -> FieldSelector.parse("a=b=c"),
                "invalid field selector: unescaped character in value: 61");
        assertBadRequest(() -> FieldSelector.parse("a=b\\x"), "invalid field selector: invalid escape sequence: \\x");
        assertBadRequest(() -> FieldSelector.parse("a=b\\"), "invalid field selector: invalid escape sequence: \\");
    }

    @Test
    void validateRejectsTheFirstUnsupportedField() {
        FieldSelector selector = FieldSelector.parse("spec.nodeName=n1,metadata.name=x,spec.foo=1");
        Set<String> podFields = Set.of("metadata.name", "metadata.namespace", "spec.nodeName", "status.phase");

        assertBadRequest(() -> selector.validate(podFields::contains), "field label not supported: spec.foo");
        FieldSelector.parse("status.phase!=Failed,metadata.namespace=default").validate(podFields::contains);
    }

    @Test
    void validateMetadataOnlyUsesTheDefaultConversionWording() {
        FieldSelector.parse("metadata.name=a,metadata.namespace=b").validateMetadataOnly();

        assertBadRequest(() -> FieldSelector.parse("spec.replicas=1").validateMetadataOnly(),
                "\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
    }

    @Test
    void singleValuePinsOnlyEqualityTerms() {
        assertThat(FieldSelector.parse("metadata.name=web").singleValue("metadata.name")).contains("web");
        assertThat(FieldSelector.parse("metadata.namespace=ns,metadata.name=web").singleValue("metadata.name"))
                .contains("web");
        assertThat(FieldSelector.parse("metadata.name!=web").singleValue("metadata.name")).isEmpty();
        assertThat(FieldSelector.parse("metadata.name=").singleValue("metadata.name")).contains("");
        assertThat(FieldSelector.parse("spec.nodeName=n").singleValue("metadata.name")).isEmpty();
    }
}
