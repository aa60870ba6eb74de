package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.app.wiring.Settings;
import dev.scenarist.core.testing.AnalyticsFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenarist analytics} and {@code scenarist lessons} on a data folder holding the hand-built {@link AnalyticsFixture}. */
class AnalyticsCliTest {
    static final String PACK = "sql-quiz";
    @TempDir
    Path data;

    @BeforeEach
    void fixture() {
        try (var app = Scenarist.open(data, null, Settings.of(Map.of()))) {
            AnalyticsFixture.writeInto(app.store(), PACK);
        }
    }

    @Test
    void analyticsForAPackPrintsTheRatesAndOneJsonDocument() {
        var run = CliRun.in(data, "--json", "analytics", "--pack", PACK);

        assertThat(run.code()).as(run.err()).isZero();
        var doc = run.json();
        assertThat(((Map<?, ?>) doc.get("success_rate")).get("part")).isEqualTo(3);
        assertThat(((Map<?, ?>) doc.get("success_rate")).get("whole")).isEqualTo(4);
        assertThat((List<?>) doc.get("campaigns")).hasSize(2);
        assertThat(run.err()).contains("success rate 75.0% (3/4)").contains("schema").contains("SCHEMA_BAD").contains("with").contains("without");
    }

    @Test
    void compareShowsBothSidesAndTheDelta() {
        var run = CliRun.in(data, "analytics", "compare", "c-base", "c-less");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("c-base → c-less").contains("success_rate").contains("50.0%").contains("100.0%").contains("+50.0 pts")
                .contains("SCHEMA_BAD");
    }

    @Test
    void anUnknownCampaignIsAUsageErrorNamingTheClosest() {
        var run = CliRun.in(data, "analytics", "--campaign", "c-bse");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no campaign c-bse").contains("c-base");
    }

    @Test
    void lessonsAreRefreshedListedAndEditedFromTheCommandLine() {
        var refreshed = CliRun.in(data, "--json", "lessons", PACK, "--refresh");
        assertThat(refreshed.code()).as(refreshed.err()).isZero();
        assertThat(refreshed.json().get("added")).isEqualTo(List.of("schema:SCHEMA_BAD"));
        assertThat(refreshed.err()).contains("schema:SCHEMA_BAD").contains("declare every column the query reads");

        var edited = CliRun.in(data, "--json", "lessons", PACK, "--disable", "schema:SCHEMA_BAD", "--add", "Keep questions short.");
        assertThat(edited.code()).as(edited.err()).isZero();
        assertThat((List<?>) edited.json().get("lessons")).extracting(l -> ((Map<?, ?>) l).get("key") + " " + ((Map<?, ?>) l).get("enabled"))
                .containsExactly("schema:SCHEMA_BAD false", "note:1 true");

        assertThat(CliRun.in(data, "lessons").out()).contains(PACK);
    }

    @Test
    void badLessonRequestsAreUsageErrorsThatSayWhatToDo() {
        var unknownKey = CliRun.in(data, "lessons", PACK, "--enable", "nope:NOPE");
        assertThat(unknownKey.code()).isEqualTo(2);
        assertThat(unknownKey.err()).contains("has no lesson nope:NOPE");

        var badEdit = CliRun.in(data, "lessons", PACK, "--edit", "no-equals-sign");
        assertThat(badEdit.code()).isEqualTo(2);
        assertThat(badEdit.err()).contains("KEY=TEXT");

        var noPack = CliRun.in(data, "lessons", "--refresh");
        assertThat(noPack.code()).isEqualTo(2);
        assertThat(noPack.err()).contains("name the PACK");

        var unknownPack = CliRun.in(data, "lessons", "sql-quizz", "--refresh");
        assertThat(unknownPack.code()).isEqualTo(2);
        assertThat(unknownPack.err()).contains("sql-quiz");
    }
}
