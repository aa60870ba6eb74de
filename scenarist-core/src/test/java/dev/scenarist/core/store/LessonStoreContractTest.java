package dev.scenarist.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules every {@link LessonStore} keeps. */
public abstract class LessonStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    protected Store store;

    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void storedLessonsComeBackWithEveryFieldInTheirOrder() {
        var second = lesson("quiz", "schema:SCHEMA_BAD", 1, "declare every column", true, 7, false);
        var first = new LessonRecord("quiz", "note:1", 0, LessonRecord.Origin.NOTE, "keep questions short",
                new LessonRecord.State(false, true, T0.plusSeconds(1)));
        store.lessons().replace("quiz", List.of(second, first));

        assertThat(store.lessons().byPack("quiz")).containsExactly(first, second);
    }

    @Test
    void aPackWithoutLessonsHasNone() {
        assertThat(store.lessons().byPack("nothing")).isEmpty();
        assertThat(store.lessons().packs()).isEmpty();
    }

    @Test
    void replacingKeepsOnlyTheNewListAndLeavesOtherPacksAlone() {
        store.lessons().replace("quiz", List.of(lesson("quiz", "a:A", 0, "old", true, 2, false), lesson("quiz", "b:B", 1, "old", true, 2, false)));
        store.lessons().replace("boxes", List.of(lesson("boxes", "g:MESH", 0, "close meshes", true, 3, false)));

        var only = lesson("quiz", "b:B", 0, "new", false, 5, true);
        store.lessons().replace("quiz", List.of(only));

        assertThat(store.lessons().byPack("quiz")).containsExactly(only);
        assertThat(store.lessons().byPack("boxes")).hasSize(1);
        assertThat(store.lessons().packs()).containsExactly("boxes", "quiz");
    }

    @Test
    void replacingWithNothingEmptiesThePack() {
        store.lessons().replace("quiz", List.of(lesson("quiz", "a:A", 0, "x", true, 2, false)));
        store.lessons().replace("quiz", List.of());

        assertThat(store.lessons().byPack("quiz")).isEmpty();
        assertThat(store.lessons().packs()).isEmpty();
    }

    @Test
    void aRepeatedKeyIsRefusedAndNothingChanges() {
        var kept = lesson("quiz", "a:A", 0, "kept", true, 2, false);
        store.lessons().replace("quiz", List.of(kept));

        assertThatThrownBy(() -> store.lessons().replace("quiz", List.of(lesson("quiz", "b:B", 0, "x", true, 1, false),
                lesson("quiz", "b:B", 1, "y", true, 1, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b:B").hasMessageContaining("twice");
        assertThat(store.lessons().byPack("quiz")).containsExactly(kept);
    }

    @Test
    void aLessonOfAnotherPackIsRefused() {
        assertThatThrownBy(() -> store.lessons().replace("quiz", List.of(lesson("boxes", "a:A", 0, "x", true, 1, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boxes").hasMessageContaining("quiz");
    }

    @Test
    void textWithQuotesLineNoiseAndUnicodeIsKeptExactly() {
        var odd = lesson("quiz", "x:Y", 0, "don't write \"SELECT *\"; use `cols` — ünïcode ✓ <b>", true, 1, true);
        store.lessons().replace("quiz", List.of(odd));

        assertThat(store.lessons().byPack("quiz")).containsExactly(odd);
    }

    private static LessonRecord lesson(String pack, String key, int position, String text, boolean enabled, long n, boolean edited) {
        return new LessonRecord(pack, key, position, new LessonRecord.Origin("draft", key.split(":")[0], key.split(":")[1], n), text,
                new LessonRecord.State(enabled, edited, T0));
    }
}
