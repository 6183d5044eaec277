package io.kubesim.nodeagent.logs;

import java.time.Instant;

/** One line of container output and the time it was written. Immutable. */
public record LogLine(Instant time, String text) {
}
