package io.kubesim.server.http;

import io.kubesim.server.api.ApiException;
import io.vertx.core.MultiMap;

/**
 * The query parameters of a list or watch, parsed and range-checked. Unknown parameters are
 * ignored, as the real server ignores them.
 *
 * @param limit           0 for no limit
 * @param timeoutSeconds  null when absent
 * @param includeObject   {@code None}, {@code Metadata} (default) or {@code Object}, for Tables
 */
public record ListOptions(String labelSelector, String fieldSelector, int limit, String continueToken,
                          String resourceVersion, String resourceVersionMatch, boolean watch, Long timeoutSeconds,
                          boolean allowWatchBookmarks, String includeObject) {

    public static ListOptions parse(MultiMap q) {
        String includeObject = q.get("includeObject");
        if (includeObject != null && !includeObject.equals("None") && !includeObject.equals("Metadata")
                && !includeObject.equals("Object")) {
            throw ApiException.badRequest("includeObject: Unsupported value: \"" + includeObject
                    + "\": supported values: \"Metadata\", \"None\", \"Object\"");
        }
        String rvMatch = q.get("resourceVersionMatch");
        if (rvMatch != null && !rvMatch.isEmpty() && !rvMatch.equals("NotOlderThan") && !rvMatch.equals("Exact")) {
            throw ApiException.badRequest("resourceVersionMatch: Unsupported value: \"" + rvMatch
                    + "\": supported values: \"Exact\", \"NotOlderThan\"");
        }
        return new ListOptions(q.get("labelSelector"), q.get("fieldSelector"),
                (int) Math.min(Integer.MAX_VALUE, nonNegative(q, "limit", 0)), emptyToNull(q.get("continue")),
                q.get("resourceVersion"), emptyToNull(rvMatch), bool(q.get("watch")),
                q.contains("timeoutSeconds") ? nonNegative(q, "timeoutSeconds", 0) : null,
                bool(q.get("allowWatchBookmarks")), includeObject == null ? "Metadata" : includeObject);
    }

    /** The revision in {@code resourceVersion}: -1 when empty or absent, 0 for "0". */
    public long revision() {
        return parseRevision(resourceVersion);
    }

    public static long parseRevision(String rv) {
        if (rv == null || rv.isEmpty()) {
            return -1;
        }
        try {
            long v = Long.parseLong(rv);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version: " + rv);
        }
    }

    /** Like Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True. */
    static boolean bool(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("t") || v.equalsIgnoreCase("true"));
    }

    private static long nonNegative(MultiMap q, String name, long dflt) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": Invalid value: \"" + v + "\": must be a non-negative integer");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
