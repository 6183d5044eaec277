package io.kubesim.server.table;

/**
 * One {@code meta.k8s.io/v1 TableColumnDefinition}. {@code type} is {@code string}, {@code integer},
 * {@code number}, {@code boolean} or {@code date}; {@code priority} 0 columns always show, higher ones
 * only with {@code -o wide}.
 */
public record ColumnDefinition(String name, String type, String format, String description, int priority) {

    public static ColumnDefinition name(String description) {
        return new ColumnDefinition("Name", "string", "name", description, 0);
    }

    public static ColumnDefinition string(String name, String description) {
        return new ColumnDefinition(name, "string", "", description, 0);
    }

    public static ColumnDefinition integer(String name, String description) {
        return new ColumnDefinition(name, "integer", "", description, 0);
    }

    public static ColumnDefinition age() {
        return new ColumnDefinition("Age", "string", "",
                "CreationTimestamp is a timestamp representing the server time when this object was created.", 0);
    }

    /** The same column shown only with {@code -o wide}. */
    public ColumnDefinition wide() {
        return new ColumnDefinition(name, type, format, description, 1);
    }
}
