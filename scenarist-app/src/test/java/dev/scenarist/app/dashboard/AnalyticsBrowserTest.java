package dev.scenarist.app.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analytics and lessons in a real browser, over two sql-quiz campaigns made here with the offline author, whose scripted
 * replies fail known ways at the first attempt (see the pack's {@code offline/replies/README.md}): campaign "alpha"
 * (seed 0: runs 1 and 2, flight bookings and clinic appointments — wrong.sql not discriminating, an unescaped quote
 * in seed.sql) and campaign "beta" (seed 4: runs 5 and 6, hotel reservations and bike sharing — a judge's low score,
 * two sqlite3 dot-commands in seed.sql). Every run passes at its second attempt: 4 of 4 accepted, and half the first
 * attempts of the database and queries stages fail. The charts, the comparison's Δ columns and the lessons learnt
 * from the findings show exactly that.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsBrowserTest {
    static final double LONG = BrowserFixture.LONG;
    static final String LESSON = "Write plain SQL in seed.sql: no sqlite3 dot-commands such as .mode or .headers.";

    @TempDir
    static Path tmp;
    static BrowserFixture browser;
    static Page page;
    static String alpha;
    static String beta;

    @BeforeAll
    static void start() {
        browser = BrowserFixture.open(tmp.resolve("data"));
        page = browser.page;
        alpha = create("alpha", 0);
        beta = create("beta", 4);
        for (String id : new String[] {alpha, beta}) {
            browser.go("/campaigns/" + id);
            assertThat(page.locator("#campaign-summary .state").first()).hasText("completed", new LocatorAssertions.HasTextOptions().setTimeout(LONG));
        }
    }

    static String create(String category, int seed) {
        var r = browser.api().post("/api/campaigns", Map.of("pack", "sql-quiz", "count", 2, "seed", seed, "concurrency", 2, "category", category));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return String.valueOf(r.json().get("id"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    /** A chart by its title (its accessible name). */
    static Locator chart(String title) {
        return page.locator("svg.chart[aria-label='" + title + "']");
    }

    @Test
    @Order(1)
    void theAnalyticsPageDrawsChartsWithTheNumbersOfTheCampaignsMadeHere() {
        browser.go("/analytics");
        assertThat(page.locator("#totals")).containsText("100.0% (4/4)");
        assertThat(page.locator("#campaign-rates tbody tr")).hasCount(2);

        Locator perPack = chart("Success rate per pack");
        assertThat(perPack.locator("title").first()).hasText("Success rate per pack");
        assertThat(perPack.locator("rect.chart-bar")).hasCount(1);
        assertThat(perPack).containsText("sql-quiz");
        assertThat(perPack).containsText("100.0% (4/4)");

        Locator perCategory = chart("Success rate per category");
        assertThat(perCategory.locator("rect.chart-bar")).hasCount(2);
        assertThat(perCategory).containsText("alpha");
        assertThat(perCategory).containsText("beta");

        Locator perStage = chart("First-attempt pass rate per stage");
        assertThat(perStage.locator("rect.chart-bar").first()).isAttached();
        assertThat(perStage.locator("rect.chart-bar title", new Locator.LocatorOptions().setHasText("database:"))).hasText("database: 50.0% (2/4)");
        assertThat(perStage.locator("rect.chart-bar title", new Locator.LocatorOptions().setHasText("queries:"))).hasText("queries: 50.0% (2/4)");
        assertThat(perStage.locator("rect.chart-bar title", new Locator.LocatorOptions().setHasText("describe:"))).hasText("describe: 100.0% (4/4)");

        Locator histogram = chart("Attempts to pass a stage");
        assertThat(histogram.locator("rect.chart-bar title", new Locator.LocatorOptions().setHasText("#2:"))).hasText("#2: 4");

        Locator trend = page.locator("svg.chart[aria-label^='Failures over time']");
        assertThat(trend.locator("circle.chart-point").first()).isAttached();

        Locator forbidden = page.locator("#failures tbody tr", new Page.LocatorOptions().setHasText("FORBIDDEN_PATTERN"));
        assertThat(forbidden.locator("td").nth(3)).hasText("2"); // two dot-commands, one run
        assertThat(forbidden.locator("a[href^='/runs/run-']")).hasCount(1);
        browser.screenshot("analytics");
    }

    @Test
    @Order(2)
    void twoCampaignsAreComparedWithDeltaColumns() {
        browser.go("/analytics/compare?baseline=" + alpha + "&current=" + beta);
        assertThat(page.locator("#compare-metrics thead")).containsText("Δ");
        assertThat(page.locator("#compare-metrics tbody tr", new Page.LocatorOptions().setHasText("success rate")).locator("td").nth(3))
                .hasText("0.0 pts");
        Locator codes = page.locator("#compare-codes");
        assertThat(codes.locator("thead")).containsText("Δ");
        assertThat(codes.locator("tr", new Locator.LocatorOptions().setHasText("FORBIDDEN_PATTERN")).locator("td").nth(4)).hasText("+2");
        assertThat(codes.locator("tr", new Locator.LocatorOptions().setHasText("SQL_ERROR")).locator("td").nth(4)).hasText("-1");
        assertThat(page.locator("svg.chart[aria-label^='First-attempt pass rate per stage, baseline and current'] rect.chart-bar").first()).isAttached();
    }

    @Test
    @Order(3)
    void theLessonsPageLearnsThePacksLessonsAndAPersonEditsOne() {
        browser.go("/lessons?pack=sql-quiz");
        assertThat(page.locator("#lessons")).containsText("no lessons yet");
        page.click("#refresh-lessons");
        assertThat(page.locator("p.notice")).hasText("Refreshed from the findings.");
        Locator row = page.locator("#lessons tbody tr", new Page.LocatorOptions().setHasText("FORBIDDEN_PATTERN"));
        assertThat(row).hasCount(1); // the only finding seen twice
        assertThat(page.locator("#lessons tbody tr")).hasCount(1);
        Locator text = row.locator("input[name^='text:']");
        assertThat(text).not().hasValue("");

        text.fill(LESSON);
        page.click("#save-lessons");
        assertThat(page.locator("p.notice")).hasText("Saved.");
        assertThat(page.locator("#lessons tbody tr input[name^='text:']")).hasValue(LESSON);
        assertThat(page.locator("#lessons tbody tr")).containsText("edited");
        assertThat(browser.api().get("/api/lessons/sql-quiz").body()).contains(LESSON);
        browser.screenshot("lessons");

        // the form is CSRF-protected: the same post without the token is refused, the lesson unchanged
        String key = text.getAttribute("name").substring("text:".length());
        var forged = browser.context.request().post(browser.base + "/lessons/sql-quiz", RequestOptions.create()
                .setForm(FormData.create().set("present:" + key, "1").set("text:" + key, "forged").set("enabled:" + key, "on")));
        assertThat(forged.status()).isEqualTo(403);
        browser.go("/lessons?pack=sql-quiz");
        assertThat(page.locator("#lessons tbody tr input[name^='text:']")).hasValue(LESSON);
    }
}
