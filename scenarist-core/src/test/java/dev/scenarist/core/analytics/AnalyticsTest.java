package dev.scenarist.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.core.analytics.AnalyticsReport.AttemptsBucket;
import dev.scenarist.core.analytics.AnalyticsReport.FailurePattern;
import dev.scenarist.core.analytics.AnalyticsReport.RunCounts;
import dev.scenarist.core.store.memory.InMemoryStore;
import dev.scenarist.core.testing.AnalyticsFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every number checked against {@link AnalyticsFixture}, worked out by hand (see its table). */
class AnalyticsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final Analytics analytics = new Analytics(store);

    @BeforeEach
    void fixture() {
        AnalyticsFixture.writeInto(store);
    }

    @Test
    void runsAreCountedByHowTheyEndedAndTheSuccessRateIsAcceptedOfJudged() {
        var r = analytics.report(AnalyticsFilter.pack("quiz"));

        assertThat(r.campaigns()).extracting(AnalyticsReport.CampaignRow::id).containsExactly("c-less", "c-base");
        var base = r.campaigns().get(1);
        // b1 accepted, b2 rejected for content; b3 (budget) and b4 (infra) are not judged
        assertThat(base.runs()).isEqualTo(new RunCounts(1, 1, 1, 1, 0, 0));
        assertThat(base.successRate()).isEqualTo(new Ratio(1, 2));
        assertThat(base.runs().total()).isEqualTo(4);
        assertThat(r.campaigns().get(0).runs()).isEqualTo(new RunCounts(2, 0, 0, 0, 0, 1));
        assertThat(r.successRate()).isEqualTo(new Ratio(3, 4));
        assertThat(r.successRate().rate()).isEqualTo(0.75);
    }

    @Test
    void successRatesArePerPackAndPerCategory() {
        var r = analytics.report(AnalyticsFilter.ALL);

        assertThat(r.byPack()).extracting(g -> g.key() + " " + g.campaigns() + " " + g.successRate().part() + "/" + g.successRate().whole())
                .containsExactly("boxes 1 0/1", "quiz 2 3/4");
        assertThat(r.byCategory()).extracting(g -> "[" + g.key() + "] " + g.successRate().part() + "/" + g.successRate().whole())
                .containsExactly("[] 0/1", "[alpha] 3/4");
    }

    @Test
    void firstAttemptPassRatesArePerStageAndAttemptsToPassAreADistribution() {
        var r = analytics.report(AnalyticsFilter.pack("quiz"));

        // draft#1: b1 failed, b2 failed, l1 passed, l2 passed (b3 budget and b4 infra are not judged); polish#1: 3 of 3
        assertThat(r.stages()).extracting(s -> s.stage() + " " + s.firstAttemptPassRate().part() + "/" + s.firstAttemptPassRate().whole()
                        + " passedAt" + s.passedAtAttempt() + " attempts " + s.attempts() + " failed " + s.failedAttempts())
                .containsExactly("draft 2/4 passedAt[2, 1] attempts 8 failed 3", "polish 3/3 passedAt[3] attempts 3 failed 0");
        assertThat(r.firstAttemptPassRate()).isEqualTo(new Ratio(5, 7));
        assertThat(r.attemptsToPass()).containsExactly(new AttemptsBucket(1, 5), new AttemptsBucket(2, 1));
    }

    @Test
    void spendPerAcceptedScenarioIncludesWhatRejectedRunsCost() {
        var p = analytics.report(AnalyticsFilter.pack("quiz")).perAccepted();

        // b1 2 drafts + polish, b2 2 drafts, l1 and l2 a draft + polish each: 6 drafts and 3 polishes over 3 accepted
        assertThat(p.accepted()).isEqualTo(3);
        assertThat(p.total().inputTokens()).isEqualTo(6 * 100 + 3 * 10);
        assertThat(p.total().outputTokens()).isEqualTo(6 * 50 + 3 * 5);
        assertThat(p.costUsd().orElseThrow()).isCloseTo((6 * 0.01 + 3 * 0.001) / 3, within(1e-12));
        assertThat(p.tokens().orElseThrow()).isCloseTo((6 * 150 + 3 * 15) / 3.0, within(1e-12));
        assertThat(p.seconds().orElseThrow()).isCloseTo(90.0 / 3, within(1e-12));
    }

    @Test
    void nothingAcceptedMeansNoSpendPerScenarioRatherThanADivisionByZero() {
        var p = analytics.report(AnalyticsFilter.pack("boxes")).perAccepted();

        assertThat(p.accepted()).isZero();
        assertThat(p.costUsd()).isEmpty();
        assertThat(p.total().inputTokens()).isEqualTo(200);
    }

    @Test
    void failurePatternsGroupErrorsByCheckAndCodeWithExamplesAndAnHourlyTrend() {
        var r = analytics.report(AnalyticsFilter.pack("quiz"));

        assertThat(r.trendBucket()).isEqualTo("hour");
        assertThat(r.failures()).extracting(FailurePattern::key).containsExactly("schema:SCHEMA_BAD", "guardrail:REPLY_FORMAT");
        FailurePattern schema = r.failures().get(0);
        assertThat(schema.occurrences()).isEqualTo(2);
        assertThat(schema.runs()).isEqualTo(2);
        assertThat(schema.stage()).isEqualTo("draft");
        assertThat(schema.exampleRunIds()).containsExactly("b2", "b1");
        assertThat(schema.messagePattern()).isEqualTo("column '…' missing at line N");
        assertThat(schema.hint()).isEqualTo("declare every column the query reads");
        assertThat(schema.fix()).isEqualTo("add the column to schema.sql");
        // findings at 10:00, 11:00 and 11:30: buckets 10:00 (b1) and 11:00 (b2's second attempt)
        assertThat(schema.trend()).extracting(t -> t.start().toString() + "=" + t.count())
                .containsExactly("2026-03-01T10:00:00Z=1", "2026-03-01T11:00:00Z=1");
        assertThat(r.failures().get(1).trend()).extracting(AnalyticsReport.TrendPoint::count).containsExactly(0L, 1L);
        // the STYLE warning never failed an attempt
        assertThat(r.failures()).noneMatch(f -> f.code().equals("STYLE"));
    }

    @Test
    void passRatesWithAndWithoutLessonsAreMeasuredPerPack() {
        var effect = analytics.report(AnalyticsFilter.ALL).lessonEffect();

        assertThat(effect).extracting(e -> e.pack() + " lessons=" + e.lessons() + " campaigns=" + e.campaigns()
                        + " success=" + e.successRate().part() + "/" + e.successRate().whole()
                        + " first=" + e.firstAttemptPassRate().part() + "/" + e.firstAttemptPassRate().whole())
                .containsExactly("boxes lessons=false campaigns=1 success=0/1 first=0/1",
                        "quiz lessons=false campaigns=1 success=1/2 first=1/3",
                        "quiz lessons=true campaigns=1 success=2/2 first=4/4");
    }

    @Test
    void aCategoryFilterKeepsOnlyItsCampaigns() {
        assertThat(analytics.report(AnalyticsFilter.category("alpha")).campaigns()).extracting(AnalyticsReport.CampaignRow::id)
                .containsExactlyInAnyOrder("c-base", "c-less");
        assertThat(analytics.report(AnalyticsFilter.category("nope")).campaigns()).isEmpty();
    }

    @Test
    void anUnknownCampaignIsNamedWithTheClosestOne() {
        assertThatThrownBy(() -> analytics.report(AnalyticsFilter.campaign("c-bse")))
                .isInstanceOf(UnknownCampaignException.class).hasMessageContaining("no campaign c-bse").hasMessageContaining("c-base");
    }

    @Test
    void comparingTwoCampaignsGivesBothSidesAndTheirDifferences() {
        Comparison c = analytics.compare("c-base", "c-less");

        var success = c.metrics().stream().filter(m -> m.name().equals("success_rate")).findFirst().orElseThrow();
        assertThat(success.baseline()).contains(0.5);
        assertThat(success.current()).contains(1.0);
        assertThat(success.delta()).contains(0.5);
        var cost = c.metrics().stream().filter(m -> m.name().equals("cost_usd_per_accepted")).findFirst().orElseThrow();
        assertThat(cost.baseline().orElseThrow()).isCloseTo(0.041, within(1e-12));
        assertThat(cost.current().orElseThrow()).isCloseTo(0.011, within(1e-12));
        assertThat(cost.delta().orElseThrow()).isCloseTo(-0.03, within(1e-12));
        assertThat(c.stages()).extracting(s -> s.stage() + " " + s.baseline().part() + "/" + s.baseline().whole() + " -> "
                + s.current().part() + "/" + s.current().whole()).containsExactly("draft 0/2 -> 2/2", "polish 1/1 -> 2/2");
        assertThat(c.failureCodes()).extracting(d -> d.check() + ":" + d.code() + " " + d.baseline() + "->" + d.current() + " " + d.delta())
                .containsExactly("schema:SCHEMA_BAD 2->0 -2", "guardrail:REPLY_FORMAT 1->0 -1");
    }

    @Test
    void aRateWithNothingToDivideHasNoValue() {
        assertThat(Ratio.NONE.rate()).isNull();
        assertThat(Ratio.NONE.percent()).isEqualTo("–");
        assertThat(new Ratio(1, 3).percent()).isEqualTo("33.3%");
        assertThat(Comparison.MetricDelta.of("x", Optional.empty(), Optional.of(1.0)).delta()).isEmpty();
    }

    @Test
    void messagePatternsTakeOutQuotedValuesAndNumbers() {
        assertThat(MessagePattern.of("column 'age' not found at line 12")).isEqualTo("column '…' not found at line N");
        assertThat(MessagePattern.of("column \"name\" not found at line 3")).isEqualTo("column '…' not found at line N");
        assertThat(MessagePattern.of("value -2.5 out of range for `x`")).isEqualTo("value N out of range for '…'");
        assertThat(MessagePattern.of("MJCF2 tag   h1")).isEqualTo("MJCF2 tag h1");
        assertThat(MessagePattern.of("x".repeat(500))).hasSize(200).endsWith("…");
    }

    @Test
    void aDayLongSpanOfFindingsIsBucketedByDay() {
        var fp = new FailurePatterns();
        var f = dev.scenarist.core.model.Finding.error("E", "m");
        fp.accept(new dev.scenarist.core.store.FindingRow("c", "r1", "s", "k", AnalyticsFixture.T0, List.of(f)));
        fp.accept(new dev.scenarist.core.store.FindingRow("c", "r2", "s", "k", AnalyticsFixture.T0.plus(java.time.Duration.ofDays(3)), List.of(f, f)));

        assertThat(fp.bucket()).isEqualTo("day");
        assertThat(fp.patterns().get(0).trend()).extracting(AnalyticsReport.TrendPoint::count).containsExactly(1L, 0L, 0L, 2L);
        assertThat(fp.patterns().get(0).runs()).isEqualTo(2);
    }
}
