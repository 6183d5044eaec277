package io.kubesim.server.table;

/**
 * Columns shared by many kinds, with the descriptions kube-apiserver 1.32 sends (the first sentence
 * of the API field documentation where the column has one). Immutable.
 */
final class CommonColumns {

    static final ColumnDefinition NAME = ColumnDefinition.name("Name must be unique within a namespace.");
    static final ColumnDefinition AGE = ColumnDefinition.age();
    static final ColumnDefinition CONTAINERS =
            ColumnDefinition.string("Containers", "Names of each container in the template.").wide();
    static final ColumnDefinition IMAGES =
            ColumnDefinition.string("Images", "Images referenced by each container in the template.").wide();

    private CommonColumns() {
    }
}
