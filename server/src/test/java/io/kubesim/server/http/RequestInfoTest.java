package io.kubesim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kubesim.server.metrics.ApiMetrics;

class RequestInfoTest {

    private static ApiMetrics.RequestLabels labels(String method, String path, boolean watch) {
        return RequestInfo.parse(method, path, watch).metricLabels();
    }

    @Test
    void metricLabelsNameTheGroupSeparatelyFromThePluralResource() {
        assertThat(labels("GET", "/apis/apps/v1/namespaces/ns/deployments", false))
                .isEqualTo(new ApiMetrics.RequestLabels("LIST", "apps", "v1", "deployments", "", "namespace"));
        assertThat(labels("GET", "/api/v1/pods", true))
                .isEqualTo(new ApiMetrics.RequestLabels("WATCH", "", "v1", "pods", "", "cluster"));
    }

    @Test
    void singleObjectsAndCreatesHaveResourceScope() {
        assertThat(labels("PATCH", "/api/v1/namespaces/ns/pods/p/status", false))
                .isEqualTo(new ApiMetrics.RequestLabels("PATCH", "", "v1", "pods", "status", "resource"));
        assertThat(labels("POST", "/api/v1/namespaces/ns/configmaps", false).scope()).isEqualTo("resource");
        assertThat(labels("DELETE", "/api/v1/nodes/n1", false).scope()).isEqualTo("resource");
        assertThat(labels("DELETE", "/api/v1/namespaces/ns/configmaps", false).scope()).isEqualTo("namespace");
    }
}
