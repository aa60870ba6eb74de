package dev.scenarist.core.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.store.LessonRecord;
import dev.scenarist.core.store.memory.InMemoryStore;
import dev.scenarist.core.testing.AnalyticsFixture;
import dev.scenarist.core.testing.ManualClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lessons learnt from {@link AnalyticsFixture}'s findings, and what people's edits do to them. */
class LessonsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final ManualClock clock = new ManualClock();
    private final Lessons lessons = new Lessons(store, clock);

    @BeforeEach
    void fixture() {
        AnalyticsFixture.writeInto(store);
    }

    @Test
    void aRefreshTurnsFrequentFindingsIntoLessonsWithTheirHintAndMessagePattern() {
        var refresh = lessons.refresh("quiz");

        // SCHEMA_BAD was seen twice; REPLY_FORMAT once, which may be chance
        assertThat(refresh.added()).containsExactly("schema:SCHEMA_BAD");
        LessonRecord l = refresh.lessons().get(0);
        assertThat(l.key()).isEqualTo("schema:SCHEMA_BAD");
        assertThat(l.stage()).isEqualTo("draft");
        assertThat(l.occurrences()).isEqualTo(2);
        assertThat(l.enabled()).isTrue();
        assertThat(l.edited()).isFalse();
        assertThat(l.text()).isEqualTo("Earlier runs often failed check 'schema' with SCHEMA_BAD (\"column '…' missing at line N\"):"
                + " declare every column the query reads.");
        assertThat(lessons.packs()).containsExactly("quiz");
    }

    @Test
    void aRefreshIsDeterministic() {
        var first = lessons.refresh("quiz").lessons();
        clock.advance(java.time.Duration.ofHours(1));

        assertThat(lessons.refresh("quiz").lessons()).isEqualTo(first);
    }

    @Test
    void aPersonsTextAndDisabledFlagSurviveARefresh() {
        lessons.refresh("quiz");
        lessons.edit("quiz", List.of(new LessonEdit.Change("schema:SCHEMA_BAD", Optional.of("Declare columns in schema.sql first."), Optional.of(false)),
                new LessonEdit.Add("Keep each question under 200 characters.", "", true)));

        var after = lessons.refresh("quiz").lessons();

        assertThat(after).extracting(LessonRecord::key, LessonRecord::text, LessonRecord::enabled, LessonRecord::edited).containsExactly(
                org.assertj.core.groups.Tuple.tuple("schema:SCHEMA_BAD", "Declare columns in schema.sql first.", false, true),
                org.assertj.core.groups.Tuple.tuple("note:1", "Keep each question under 200 characters.", true, true));
        assertThat(Lessons.frozenFor(store, "quiz")).containsExactly(new LessonLine("", "Keep each question under 200 characters."));
    }

    @Test
    void editsAreRefusedWholeWithTheReasonNamed() {
        lessons.refresh("quiz");
        var before = lessons.of("quiz");

        assertThatThrownBy(() -> lessons.edit("quiz", List.of(new LessonEdit.Change("schema:SCHEMA_BAD", Optional.empty(), Optional.of(false)),
                new LessonEdit.Change("schema:SCHEMA_BAAD", Optional.of("x"), Optional.empty()))))
                .isInstanceOf(LessonRequestException.class).hasMessageContaining("schema:SCHEMA_BAAD").hasMessageContaining("schema:SCHEMA_BAD");
        assertThatThrownBy(() -> lessons.edit("quiz", List.of(new LessonEdit.Add("two\nlines", "", true))))
                .isInstanceOf(LessonRequestException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> lessons.edit("quiz", List.of(new LessonEdit.Add("  ", "", true))))
                .isInstanceOf(LessonRequestException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> lessons.edit("quiz", List.of(new LessonEdit.Add("x".repeat(501), "", true))))
                .isInstanceOf(LessonRequestException.class).hasMessageContaining("501").hasMessageContaining("500");
        assertThat(lessons.of("quiz")).isEqualTo(before);
    }

    @Test
    void aRemovedNoteIsGoneAndTheRestAreRenumbered() {
        lessons.edit("quiz", List.of(new LessonEdit.Add("one", "", true), new LessonEdit.Add("two", "draft", true)));

        var after = lessons.edit("quiz", List.of(new LessonEdit.Remove("note:1")));

        assertThat(after).extracting(LessonRecord::key, LessonRecord::position, LessonRecord::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("note:2", 0, "draft"));
    }

    @Test
    void aLearntLessonNoLongerFrequentIsDroppedUnlessAPersonTouchedIt() {
        store.lessons().replace("quiz", List.of(new LessonRecord("quiz", "old:GONE", 0, new LessonRecord.Origin("draft", "old", "GONE", 9), "stale",
                new LessonRecord.State(true, false, AnalyticsFixture.T0))));

        var refresh = lessons.refresh("quiz");

        assertThat(refresh.dropped()).containsExactly("old:GONE");
        assertThat(refresh.lessons()).extracting(LessonRecord::key).containsExactly("schema:SCHEMA_BAD");
    }

    @Test
    void onlyTheLinesForAStageOrForEveryStageGoIntoItsPrompt() {
        var lines = List.of(new LessonLine("draft", "a"), new LessonLine("", "b"), new LessonLine("polish", "c"));

        assertThat(LessonLine.forStage(lines, "draft")).containsExactly("a", "b");
        assertThat(LessonLine.forStage(lines, "polish")).containsExactly("b", "c");
    }
}
