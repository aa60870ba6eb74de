package dev.scenarist.core.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.analytics.Analytics;
import dev.scenarist.core.analytics.AnalyticsFilter;
import dev.scenarist.core.analytics.AnalyticsReport.LessonEffect;
import dev.scenarist.core.analytics.Ratio;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.engine.internal.PromptBuilder;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lessons feed back, end to end and offline: an author with a habit (it leaves out the header every time, unless its
 * prompt tells it not to) fails the first attempt of every run; the findings become a lesson; a campaign with lessons
 * on gets the lesson in its prompts and passes first time; analytics shows both rates side by side.
 */
class LessonsFeedbackTest {
    private static final String HINT = "add 'HEADER'";

    @TempDir
    Path data;

    private final TestPack pack = TestPack.named("quiz").stage(new Stage.AuthorStage("draft", "Write a.txt about case {{n}}.",
            StagePolicy.editing("a.txt").withMaxAttempts(3), List.of(OutputFile.required("a.txt", FileFormat.TEXT, "the scenario")),
            List.of(TestChecks.contains("header", Check.TIER_PARSE, "a.txt", "HEADER")))).build();

    /** Writes the header only when the prompt says so: in the feedback of a failed attempt, or in a lesson. */
    private static String habitual(AuthorRequest r) {
        boolean told = r.system().contains(HINT) || r.prompt().contains(HINT);
        String words = String.join(" ", List.of("amber", "birch", "cobalt", "delta", "ember", "fjord", "garnet", "harbor")
                .subList((int) (r.seed() % 5), (int) (r.seed() % 5) + 3));
        return "<file path=\"a.txt\">\n" + (told ? "HEADER\n" : "") + "case " + r.seed() + " " + words + " " + r.seed() * 7919 + "\n</file>";
    }

    private CampaignSpec spec(long seed, boolean lessons) {
        return new CampaignSpec("quiz", 4, "scripted", seed, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of(), Map.of(), "",
                List.of(), lessons);
    }

    @Test
    void aCampaignWithLessonsPassesFirstTimeWhereOneWithoutFailedAndAnalyticsShowsBoth() throws Exception {
        var h = new EngineHarness(data);
        var author = new ScriptedAuthor().always("draft", LessonsFeedbackTest::habitual);

        var without = h.generate(spec(0, false), pack, author);
        assertThat(without.accepted()).isEqualTo(4);

        var lessons = new Lessons(h.store, h.clock);
        var refresh = lessons.refresh("quiz");
        assertThat(refresh.added()).containsExactly("header:MISSING_TEXT");
        assertThat(refresh.lessons().get(0).text()).contains(HINT).contains("MISSING_TEXT");

        int before = author.requests().size();
        var c = h.runner.create(spec(100, true), pack);
        var with = h.runner.run(c.id(), pack, author);
        assertThat(with.accepted()).isEqualTo(4);

        // the lesson went into every prompt of the campaign, in its own section, and each run needed one attempt
        List<AuthorRequest> sent = author.requests().subList(before, author.requests().size());
        assertThat(sent).hasSize(4).allSatisfy(r -> assertThat(r.system()).contains(PromptBuilder.LESSONS_HEADING).contains(HINT));
        assertThat(author.requests().subList(0, before)).noneMatch(r -> r.system().contains(PromptBuilder.LESSONS_HEADING));

        var effect = new Analytics(h.store).report(AnalyticsFilter.pack("quiz")).lessonEffect();
        assertThat(effect).extracting(LessonEffect::lessons, LessonEffect::firstAttemptPassRate, LessonEffect::successRate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, new Ratio(0, 4), new Ratio(4, 4)),
                org.assertj.core.groups.Tuple.tuple(true, new Ratio(4, 4), new Ratio(4, 4)));
    }

    @Test
    void theLessonsAreFrozenIntoTheCampaignSoLaterEditsDoNotChangeItsPrompts() throws Exception {
        var h = new EngineHarness(data);
        var author = new ScriptedAuthor().always("draft", LessonsFeedbackTest::habitual);
        h.generate(spec(0, false), pack, author);
        var lessons = new Lessons(h.store, h.clock);
        lessons.refresh("quiz");

        var c = h.runner.create(spec(100, true), pack);
        var frozen = CampaignSpec.of(c).lessonLines();
        assertThat(frozen).hasSize(1);
        assertThat(frozen.get(0).stage()).isEqualTo("draft");

        // a person disables the lesson after the campaign was created: the campaign keeps what it froze
        lessons.edit("quiz", List.of(new LessonEdit.Change("header:MISSING_TEXT", Optional.empty(), Optional.of(false))));
        int before = author.requests().size();
        h.runner.run(c.id(), pack, author);

        assertThat(author.requests().subList(before, author.requests().size())).allSatisfy(r -> assertThat(r.system()).contains(HINT));
        assertThat(CampaignSpec.of(h.store.campaigns().find(c.id()).orElseThrow()).lessonLines()).isEqualTo(frozen);
        // and a campaign created now gets none: the only lesson is disabled
        assertThat(CampaignSpec.of(h.runner.create(spec(200, true), pack)).lessonLines()).isEmpty();
    }

    @Test
    void withoutTheFlagNoLessonReachesThePromptAndTheFingerprintIsUnchanged() throws Exception {
        var h = new EngineHarness(data);
        var author = new ScriptedAuthor().always("draft", LessonsFeedbackTest::habitual);
        h.generate(spec(0, false), pack, author);
        new Lessons(h.store, h.clock).refresh("quiz");

        var off = h.runner.create(spec(100, false), pack);

        assertThat(CampaignSpec.of(off).lessonLines()).isEmpty();
        assertThat(off.fingerprint()).isEqualTo(spec(100, false).fingerprint(pack));
        assertThat(h.runner.create(spec(100, true), pack).fingerprint()).isNotEqualTo(off.fingerprint());
    }
}
