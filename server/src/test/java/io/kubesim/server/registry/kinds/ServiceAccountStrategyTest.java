package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kubesim.server.validation.NameRule;
import tools.jackson.databind.node.ObjectNode;

class ServiceAccountStrategyTest {

    @Test
    void plainObjectPolicy() {
        ServiceAccountStrategy strategy = new ServiceAccountStrategy();
        ObjectNode sa = yaml("metadata: {name: builder, namespace: default}");
        ObjectNode copy = sa.deepCopy();
        strategy.applyDefaults(sa);
        strategy.prepareForCreate(sa);
        assertThat(sa).isEqualTo(copy);
        assertThat(strategy.validate(sa)).isEmpty();
        assertThat(strategy.validateUpdate(sa, copy)).isEmpty();
        assertThat(strategy.gracePeriodSeconds(sa, 30L)).isEmpty();
        assertThat(NameRule.of(strategy)).isEqualTo(NameRule.DNS1123_SUBDOMAIN);
    }
}
