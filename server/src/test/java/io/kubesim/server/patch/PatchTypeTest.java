package io.kubesim.server.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import org.junit.jupiter.api.Test;

class PatchTypeTest {

    @Test
    void mapsContentTypesToleratingParameters() {
        assertThat(PatchType.fromContentType("application/json-patch+json")).isEqualTo(PatchType.JSON_PATCH);
        assertThat(PatchType.fromContentType("application/merge-patch+json; charset=utf-8"))
                .isEqualTo(PatchType.MERGE_PATCH);
        assertThat(PatchType.fromContentType(" Application/Strategic-Merge-Patch+JSON ;charset=UTF-8"))
                .isEqualTo(PatchType.STRATEGIC_MERGE_PATCH);
        assertThat(PatchType.fromContentType("application/apply-patch+yaml")).isEqualTo(PatchType.APPLY_PATCH);
        assertThat(PatchType.STRATEGIC_MERGE_PATCH.mediaType()).isEqualTo("application/strategic-merge-patch+json");
    }

    @Test
    void otherTypesAreUnsupported() {
        for (String type : new String[] {"application/json", "", null, "text/plain; x=application/json-patch+json"}) {
            assertThatThrownBy(() -> PatchType.fromContentType(type))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UnsupportedMediaType);
                        assertThat(e.getMessage()).isEqualTo("the body of the request was in an unknown format - "
                                + "accepted media types include: application/json-patch+json, "
                                + "application/merge-patch+json, application/strategic-merge-patch+json, "
                                + "application/apply-patch+yaml");
                    });
        }
    }
}
