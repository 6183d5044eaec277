package io.kubesim.server.http;

import io.kubesim.server.meta.FieldSelector;
import io.kubesim.server.meta.LabelSelector;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.watch.WatchFilter;

/**
 * Builds the filter of a list or watch from its label and field selectors. A field selector naming
 * a field the kind does not support is a 400, as on a real server, never silently ignored.
 * Stateless.
 */
final class Filters {

    private Filters() {
    }

    static WatchFilter build(ResourceDescriptor d, String labelSelector, String fieldSelector) {
        LabelSelector labels = LabelSelector.parse(labelSelector);
        FieldSelector fields = FieldSelector.parse(fieldSelector);
        if (d.fields().declared().isEmpty()) {
            fields.validateMetadataOnly();
        } else {
            fields.validate(d.fields()::supports);
        }
        boolean allLabels = labels.isEverything();
        boolean allFields = fields.isEverything();
        if (allLabels && allFields) {
            return WatchFilter.EVERYTHING;
        }
        return o -> (allLabels || labels.matches(o.labels())) && (allFields || fields.matches(o.fields()));
    }
}
