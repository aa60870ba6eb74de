package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.internal.offline.Table.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** schema.sql and seed.sql of a design; seed.sql carries the SQL defects ({@link Defect#UNDEFINED_COLUMN} and kin). */
final class StorageSql {
    private StorageSql() {}

    static String schema(ServiceDesign d) {
        StringBuilder b = new StringBuilder("-- ").append(d.displayName()).append(": ")
                .append(String.join(", ", d.tables().inCreationOrder().stream().map(Table::name).toList())).append(".\n");
        for (Table t : d.tables().inCreationOrder()) {
            b.append("CREATE TABLE ").append(t.name()).append(" (\n");
            int width = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
            List<Column> cols = t.columns();
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                b.append("    ").append(c.name()).append(" ".repeat(width - c.name().length() + 2)).append(c.declaration())
                        .append(i + 1 < cols.size() ? ",\n" : "\n");
            }
            b.append(");\n\n");
        }
        String time = d.kind().tables().main().timeColumn();
        b.append("CREATE INDEX ").append(d.tables().main().name()).append('_').append(time).append(" ON ").append(d.tables().main().name())
                .append(" (").append(time).append(");\n");
        return b.toString();
    }

    static String seed(ServiceDesign d, Set<Defect> defects) {
        List<Table> tables = new ArrayList<>();
        for (Table t : d.tables().inCreationOrder()) tables.add(defective(d, t, defects));
        StringBuilder b = new StringBuilder("-- Sample data:");
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            b.append(i == 0 ? " " : i + 1 == tables.size() ? " and " : ", ").append(t.rows().size()).append(' ').append(Texts.prose(t.name()));
        }
        b.append(".\n");
        for (Table t : tables) {
            b.append("INSERT INTO ").append(t.name()).append(" (").append(String.join(", ", t.insertColumns())).append(") VALUES\n");
            for (int i = 0; i < t.rows().size(); i++) {
                b.append("    (").append(String.join(", ", t.rows().get(i))).append(')').append(i + 1 < t.rows().size() ? ",\n" : ";\n");
            }
            b.append('\n');
        }
        return b.toString().stripTrailing() + "\n";
    }

    /** The table's rows as the defects would have them written (unchanged for other defects and other tables). */
    private static Table defective(ServiceDesign d, Table t, Set<Defect> defects) {
        Table out = t;
        // a column the schema never declares: PostgreSQL 42703 undefined_column
        if (defects.contains(Defect.UNDEFINED_COLUMN) && t == d.tables().main()) out = withColumn(out, "priority", "'normal'");
        // a provider id no row has: 23503 foreign_key_violation
        if (defects.contains(Defect.MISSING_FOREIGN_ROW) && t == d.tables().main()) {
            Table provider = d.tables().provider();
            out = replaceLast(out, out.insertColumns().indexOf(provider.foreignKey()), Integer.toString(provider.rows().size() + 90));
        }
        // NULL in the NOT NULL key column: 23502 not_null_violation
        if (defects.contains(Defect.NOT_NULL_VIOLATION) && t == d.tables().party()) {
            out = replaceLast(out, out.insertColumns().indexOf(d.kind().tables().party().key()), "NULL");
        }
        return out;
    }

    private static Table withColumn(Table t, String column, String value) {
        List<String> cols = new ArrayList<>(t.insertColumns());
        cols.add(column);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : t.rows()) {
            List<String> row = new ArrayList<>(r);
            row.add(value);
            rows.add(row);
        }
        return t.withRows(cols, rows);
    }

    private static Table replaceLast(Table t, int column, String value) {
        List<List<String>> rows = new ArrayList<>(t.rows());
        List<String> last = new ArrayList<>(rows.getLast());
        last.set(column, value);
        rows.set(rows.size() - 1, last);
        return t.withRows(t.insertColumns(), rows);
    }
}
