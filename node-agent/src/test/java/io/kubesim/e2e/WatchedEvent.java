package io.kubesim.e2e;

import java.util.List;

/**
 * One row that {@code kubectl get events -w} printed ({@code LAST SEEN TYPE REASON OBJECT MESSAGE}). In watch mode
 * kubectl aligns each row on its own, so rows are split on whitespace: the first four cells are single words
 * ({@code <unknown>} included), the message is the rest. Immutable.
 *
 * @param lastSeen how long ago the event last happened when kubectl printed it, e.g. {@code 0s}
 * @param type     {@code Normal} or {@code Warning}
 * @param reason   the reason
 * @param object   {@code kind/name} in lower case, e.g. {@code pod/nginx-6d4cf56db6-abcde}
 * @param message  the message
 */
record WatchedEvent(String lastSeen, String type, String reason, String object, String message) {

    /** The rows of {@code lines}, header lines skipped, in the order kubectl printed them. */
    static List<WatchedEvent> parse(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("LAST SEEN")).map(WatchedEvent::row).toList();
    }

    private static WatchedEvent row(String line) {
        String[] cells = line.trim().split("\\s+", 5);
        if (cells.length < 4) {
            throw new AssertionError("not an event row: " + line);
        }
        return new WatchedEvent(cells[0], cells[1], cells[2], cells[3], cells.length == 5 ? cells[4] : "");
    }
}
