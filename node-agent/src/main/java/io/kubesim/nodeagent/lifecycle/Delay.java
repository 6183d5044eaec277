package io.kubesim.nodeagent.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import tools.jackson.databind.JsonNode;

/**
 * How long a stage waits before it applies, from the moment it was chosen:
 * <ol>
 *   <li>the object's own annotation for this stage ({@code annotation}, e.g.
 *       {@code kubesim.io/complete-after: 5s}) if present and valid, else the object's
 *       {@value #STAGE_DELAY_ANNOTATION} annotation, else {@code duration} plus a uniformly
 *       random {@code jitter};</li>
 *   <li>multiplied by {@code backoff.factor} per earlier application of the same stage to the
 *       same object, up to {@code backoff.max} (image pull retries);</li>
 *   <li>capped by the number of seconds at {@code maxSecondsFrom} in the object, if any (a pod's
 *       {@code deletionGracePeriodSeconds}).</li>
 * </ol>
 * Annotation values are Go durations ({@code 500ms}, {@code 5s}). Immutable and thread-safe.
 *
 * @param duration       the base delay
 * @param jitter         the upper bound of the random addition
 * @param annotation     the per-object annotation overriding this stage's delay, or null
 * @param maxSecondsFrom a path to a number of seconds capping the delay, or null
 * @param backoff        growth on repeated application, or null
 */
public record Delay(Duration duration, Duration jitter, String annotation, ObjectPath maxSecondsFrom,
                    Backoff backoff) {

    /** The annotation that overrides the delay of every stage for one object. */
    public static final String STAGE_DELAY_ANNOTATION = "kubesim.io/stage-delay";

    /** No wait at all. */
    public static final Delay NONE = new Delay(Duration.ZERO, Duration.ZERO, null, null, null);

    /** Exponential growth of a repeated stage's delay. */
    public record Backoff(double factor, Duration max) {
    }

    /** The delay before this stage applies to {@code object}, which it has already hit {@code attempts} times. */
    public Duration resolve(JsonNode object, RandomGenerator random, int attempts) {
        Duration d = annotationDelay(object, annotation);
        if (d == null) {
            d = annotationDelay(object, STAGE_DELAY_ANNOTATION);
        }
        if (d == null) {
            long extra = jitter.isZero() ? 0 : random.nextLong(jitter.toMillis() + 1);
            d = duration.plusMillis(extra);
        }
        if (backoff != null && attempts > 0) {
            double millis = d.toMillis() * Math.pow(backoff.factor(), attempts);
            d = Duration.ofMillis((long) Math.min(millis, backoff.max().toMillis()));
        }
        if (maxSecondsFrom != null) {
            List<JsonNode> cap = maxSecondsFrom.select(object);
            if (!cap.isEmpty() && cap.get(0).isNumber()) {
                Duration max = Duration.ofSeconds(Math.max(0, cap.get(0).asLong()));
                d = d.compareTo(max) > 0 ? max : d;
            }
        }
        return d;
    }

    private static Duration annotationDelay(JsonNode object, String annotation) {
        if (annotation == null) {
            return null;
        }
        JsonNode value = object.path("metadata").path("annotations").get(annotation);
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return GoDuration.parse(value.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
