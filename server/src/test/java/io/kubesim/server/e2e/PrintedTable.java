package io.kubesim.server.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table as kubectl prints it (a header line, then rows aligned by its tab writer), split into
 * cells by the header's column start positions, so that empty cells in the middle of a row are
 * kept. Column headers are words joined by single spaces ({@code NOMINATED NODE}); kubectl separates
 * columns by at least three spaces. Immutable.
 */
public record PrintedTable(List<String> header, List<List<String>> rows) {

    private static final Pattern HEADER_CELL = Pattern.compile("\\S+(?: \\S+)*");
    /** A server-humanized age: {@code 0s}, {@code 5m3s}, {@code 2d3h}, {@code 328d}. */
    private static final Pattern AGE = Pattern.compile("(\\d+[smhdy]){1,2}");

    /** The age placeholder that {@link #withAges} puts in place of every valid age cell. */
    public static final String AN_AGE = "<age>";

    /** Parses output holding exactly one table. */
    public static PrintedTable parse(String output) {
        List<PrintedTable> tables = parseAll(output);
        if (tables.size() != 1) {
            throw new AssertionError("expected one table, got " + tables.size() + ":\n" + output);
        }
        return tables.get(0);
    }

    /** Parses output holding tables separated by blank lines ({@code get all}, {@code get a,b}). */
    public static List<PrintedTable> parseAll(String output) {
        List<PrintedTable> tables = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    tables.add(of(block));
                    block.clear();
                }
            } else {
                block.add(line);
            }
        }
        if (!block.isEmpty()) {
            tables.add(of(block));
        }
        return tables;
    }

    private static PrintedTable of(List<String> lines) {
        String head = lines.get(0);
        List<Integer> starts = new ArrayList<>();
        List<String> header = new ArrayList<>();
        Matcher m = HEADER_CELL.matcher(head);
        while (m.find()) {
            starts.add(m.start());
            header.add(m.group());
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                int from = Math.min(starts.get(i), line.length());
                int to = i + 1 < starts.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
                cells.add(line.substring(from, to).trim());
            }
            rows.add(List.copyOf(cells));
        }
        return new PrintedTable(List.copyOf(header), List.copyOf(rows));
    }

    /** The row whose first cell is {@code name}; fails when there is none. */
    public List<String> row(String name) {
        return rows.stream().filter(r -> r.get(0).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + this));
    }

    /** The cells of one column, top to bottom. */
    public List<String> column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new AssertionError("no column " + name + " in " + header);
        }
        return rows.stream().map(r -> r.get(i)).toList();
    }

    /**
     * This table with each cell of the named columns replaced by {@link #AN_AGE} when it is a
     * well-formed age (ages depend on the clock; their format does not). Malformed cells stay.
     */
    public PrintedTable withAges(String... columns) {
        List<Integer> idx = new ArrayList<>();
        for (String c : columns) {
            int i = header.indexOf(c);
            if (i < 0) {
                throw new AssertionError("no column " + c + " in " + header);
            }
            idx.add(i);
        }
        List<List<String>> masked = rows.stream().map(r -> {
            List<String> copy = new ArrayList<>(r);
            idx.forEach(i -> {
                if (AGE.matcher(copy.get(i)).matches()) {
                    copy.set(i, AN_AGE);
                }
            });
            return List.copyOf(copy);
        }).toList();
        return new PrintedTable(header, masked);
    }
}
