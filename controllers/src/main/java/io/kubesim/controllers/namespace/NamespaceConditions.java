package io.kubesim.controllers.namespace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.api.model.NamespaceConditionBuilder;
import io.kubesim.controllers.support.Times;

/**
 * The deletion conditions the namespace controller maintains on a terminating namespace, with
 * upstream's types, reasons and messages: each is True with a failure reason while the problem
 * lasts, otherwise False with its "ok" wording. Discovery and group-version parsing cannot fail
 * here (the served kinds are fixed), so those two are always False. Stateless.
 */
final class NamespaceConditions {

    static final String DISCOVERY_FAILURE = "NamespaceDeletionDiscoveryFailure";
    static final String GV_PARSING_FAILURE = "NamespaceDeletionGroupVersionParsingFailure";
    static final String CONTENT_FAILURE = "NamespaceDeletionContentFailure";
    static final String CONTENT_REMAINING = "NamespaceContentRemaining";
    static final String FINALIZERS_REMAINING = "NamespaceFinalizersRemaining";

    private record Ok(String type, String reason, String message) {
    }

    private static final List<Ok> OK = List.of(
            new Ok(DISCOVERY_FAILURE, "ResourcesDiscovered", "All resources successfully discovered"),
            new Ok(GV_PARSING_FAILURE, "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            new Ok(CONTENT_FAILURE, "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
            new Ok(CONTENT_REMAINING, "ContentRemoved", "All content successfully removed"),
            new Ok(FINALIZERS_REMAINING, "ContentRemoved", "All content successfully removed"));

    private NamespaceConditions() {
    }

    /** {@code current} updated for {@code report}; transition times move only when a status flips. */
    static List<NamespaceCondition> update(List<NamespaceCondition> current, ContentReport report, Instant now) {
        List<NamespaceCondition> out = new ArrayList<>(current == null ? List.of() : current);
        for (Ok ok : OK) {
            NamespaceCondition wanted = failing(ok.type(), report, now);
            if (wanted == null) {
                wanted = condition(ok.type(), "False", ok.reason(), ok.message(), now);
            }
            int i = indexOf(out, ok.type());
            if (i < 0) {
                out.add(wanted);
                continue;
            }
            NamespaceCondition old = out.get(i);
            if (Objects.equals(old.getStatus(), wanted.getStatus())) {
                wanted.setLastTransitionTime(old.getLastTransitionTime());
            }
            out.set(i, wanted);
        }
        return out;
    }

    private static NamespaceCondition failing(String type, ContentReport report, Instant now) {
        switch (type) {
            case CONTENT_FAILURE:
                if (report.failures().isEmpty()) {
                    return null;
                }
                List<String> sorted = report.failures().stream().sorted().toList();
                return condition(type, "True", "ContentDeletionFailed", "Failed to delete all resource types, "
                        + sorted.size() + " remaining: " + String.join(", ", sorted), now);
            case CONTENT_REMAINING:
                String resources = join(report.remainingByResource(), " has %d resource instances");
                return resources.isEmpty() ? null : condition(type, "True", "SomeResourcesRemain",
                        "Some resources are remaining: " + resources, now);
            case FINALIZERS_REMAINING:
                String finalizers = join(report.remainingByFinalizer(), " in %d resource instances");
                return finalizers.isEmpty() ? null : condition(type, "True", "SomeFinalizerRemain",
                        "Some finalizers are remaining: " + finalizers, now);
            default:
                return null;
        }
    }

    private static String join(Map<String, Integer> counts, String format) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + String.format(format, e.getValue())).sorted()
                .collect(Collectors.joining(", "));
    }

    private static NamespaceCondition condition(String type, String status, String reason, String message,
                                                Instant now) {
        return new NamespaceConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message).withLastTransitionTime(Times.format(now)).build();
    }

    private static int indexOf(List<NamespaceCondition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the two lists say the same (ignoring transition times). */
    static boolean same(List<NamespaceCondition> a, List<NamespaceCondition> b) {
        a = a == null ? List.of() : a;
        b = b == null ? List.of() : b;
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            NamespaceCondition x = a.get(i);
            NamespaceCondition y = b.get(i);
            if (!Objects.equals(x.getType(), y.getType()) || !Objects.equals(x.getStatus(), y.getStatus())
                    || !Objects.equals(x.getReason(), y.getReason()) || !Objects.equals(x.getMessage(), y.getMessage())) {
                return false;
            }
        }
        return true;
    }
}
