package io.kubesim.server.validation;

/**
 * A field path as the Kubernetes API server prints it in validation errors: dots between
 * children, {@code [i]} for list indexes and {@code [key]} (unquoted) for map keys, e.g.
 * {@code spec.containers[0].resources.limits[cpu]}. Immutable value.
 */
public record FieldPath(String value) {

    public static FieldPath of(String first, String... more) {
        FieldPath p = new FieldPath(first);
        for (String m : more) {
            p = p.child(m);
        }
        return p;
    }

    public FieldPath child(String name) {
        return new FieldPath(value.isEmpty() ? name : value + "." + name);
    }

    public FieldPath child(String name, String... more) {
        FieldPath p = child(name);
        for (String m : more) {
            p = p.child(m);
        }
        return p;
    }

    public FieldPath index(int i) {
        return new FieldPath(value + "[" + i + "]");
    }

    public FieldPath key(String key) {
        return new FieldPath(value + "[" + key + "]");
    }

    @Override
    public String toString() {
        return value;
    }
}
