package dev.scenarist.packs.services.internal.offline;

import java.util.List;

/**
 * A table of a design: its columns as schema.sql declares them and its sample rows as seed.sql inserts them.
 *
 * @param insertColumns the columns seed.sql names, in order (the generated id and defaulted columns are left out)
 * @param rows          one list of SQL literals per row, matching {@code insertColumns}
 */
record Table(String name, String singular, List<Column> columns, List<String> insertColumns, List<List<String>> rows) {
    record Column(String name, String declaration) {}

    Table {
        columns = List.copyOf(columns);
        insertColumns = List.copyOf(insertColumns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The column other tables refer to this one with: {@code patient_id}. */
    String foreignKey() {
        return singular + "_id";
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The same table with other sample rows (and insert columns), for a defect. */
    Table withRows(List<String> insertColumns, List<List<String>> rows) {
        return new Table(name, singular, columns, insertColumns, rows);
    }
}
