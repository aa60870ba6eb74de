package dev.scenarist.store.sql.internal;

import dev.scenarist.core.store.LessonRecord;
import dev.scenarist.core.store.LessonRules;
import dev.scenarist.core.store.LessonStore;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class SqlLessonStore implements LessonStore {
    private static final String COLUMNS =
            "pack, lesson_key, ordinal, stage, check_name, code, lesson_text, enabled, occurrences, edited, updated_at";

    private static final RowMapper<LessonRecord> MAPPER = StoredRows.of("lessons", (rs, ctx) -> new LessonRecord(
            rs.getString("pack"),
            rs.getString("lesson_key"),
            rs.getInt("ordinal"),
            new LessonRecord.Origin(rs.getString("stage"), rs.getString("check_name"), rs.getString("code"), rs.getLong("occurrences")),
            rs.getString("lesson_text"),
            new LessonRecord.State(rs.getInt("enabled") != 0, rs.getInt("edited") != 0, Timestamps.read(rs.getString("updated_at")))));

    private final Jdbi jdbi;

    public SqlLessonStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<LessonRecord> byPack(String pack) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM lessons WHERE pack = :pack ORDER BY ordinal, lesson_key")
                .bind("pack", pack).map(MAPPER).list());
    }

    @Override
    public List<String> packs() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT pack FROM lessons ORDER BY pack").mapTo(String.class).list());
    }

    @Override
    public void replace(String pack, List<LessonRecord> lessons) {
        LessonRules.requireValid(pack, lessons);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM lessons WHERE pack = :pack").bind("pack", pack).execute();
            for (LessonRecord l : lessons) {
                h.createUpdate("INSERT INTO lessons (" + COLUMNS + ") VALUES (:pack, :lesson_key, :ordinal, :stage, :check_name,"
                                + " :code, :lesson_text, :enabled, :occurrences, :edited, :updated_at)")
                        .bind("pack", l.pack())
                        .bind("lesson_key", l.key())
                        .bind("ordinal", l.position())
                        .bind("stage", l.origin().stage())
                        .bind("check_name", l.origin().check())
                        .bind("code", l.origin().code())
                        .bind("lesson_text", l.text())
                        .bind("enabled", l.enabled() ? 1 : 0)
                        .bind("occurrences", l.occurrences())
                        .bind("edited", l.edited() ? 1 : 0)
                        .bind("updated_at", Timestamps.write(l.state().updatedAt()))
                        .execute();
            }
        });
    }
}
