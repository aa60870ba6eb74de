package dev.scenarist.app.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (headless chromium): a real server over a temporary data folder with its SQLite store,
 * the bundled sql-quiz pack and its offline author; the token required on loopback, so the browser logs in as a person
 * would. One story, in order: a campaign made from the form (refused once, field by field, then fixed), its cards changing
 * state live, a run's timeline and its diffs, the preview flow, the audit page. Screenshots of the main pages go to
 * {@code target/screenshots}, and to {@code docs/screenshots} with {@code -Dscenarist.screenshots.update=true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    static final double LONG = BrowserFixture.LONG;

    @TempDir
    static Path tmp;
    static BrowserFixture browser;
    static Page page;
    static String base;
    static String campaignUrl;

    @BeforeAll
    static void start() {
        browser = BrowserFixture.open(tmp.resolve("data"));
        page = browser.page;
        base = browser.base;
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void aCampaignIsCreatedFromTheFormAfterItsFieldErrorIsFixed() {
        page.navigate(base + "/campaigns/new");
        page.selectOption("#f-pack", "sql-quiz");
        page.locator("#stage-table tr[data-stage=queries]").waitFor();
        page.fill("#f-count", "0");
        page.fill("#f-concurrency", "1");
        page.fill("#f-category", "browser");
        page.fill("#f-attempts-queries", "9");
        page.click("#generate-button");

        Locator countError = page.locator(".field.invalid[data-field=count] .error");
        assertThat(countError).containsText("between 1 and 100000");
        assertThat(page.locator("#stage-table tr[data-stage=queries] .error")).containsText("from 1 to 5");
        assertThat(page.locator("#f-category")).hasValue("browser"); // the form comes back as it was typed
        screenshot("new-campaign-error");

        page.fill("#f-count", "3");
        page.fill("#f-attempts-queries", "4");
        page.click("#generate-button");
        page.waitForURL(Pattern.compile(".*/campaigns/cmp-[^/]+$"));
        campaignUrl = page.url();
        String spec = browser.api().get(campaignUrl.replace(base, "").replace("/campaigns/", "/api/campaigns/")).body().replaceAll("\\s", "");
        org.assertj.core.api.Assertions.assertThat(spec).as("the campaign runs its queries stage with the form's attempts")
                .contains("\"attempts\":{\"queries\":4}");
        assertThat(page.locator("h1")).containsText("Campaign");
        assertThat(page.locator("#campaign-summary")).containsText("browser");
    }

    @Test
    @Order(2)
    void theCardsChangeStateLiveWithoutAReload() {
        page.evaluate("window.__sameDocument = 'yes'");
        int acceptedAtLoad = Integer.parseInt(page.locator("#accepted-count").textContent().strip());
        assertThat(acceptedAtLoad).as("the campaign must still be going when its page opens, or nothing live can be seen").isLessThan(3);

        // the cards fill in and finish as the campaign runs: all three accepted, the log growing, the page never reloaded
        assertThat(page.locator("#accepted-count")).hasText("3", new LocatorAssertions.HasTextOptions().setTimeout(LONG));
        assertThat(page.locator("#cards .card.accepted")).hasCount(3);
        assertThat(page.locator("#cards .card.accepted .state").first()).hasText("accepted");
        assertThat(page.locator("#live-log li").first()).isVisible();
        assertThat(page.locator("#live-log")).containsText("finished: accepted");
        assertThat(page.locator("#scenarios .scenario")).hasCount(3);
        assertThat(page.evaluate("window.__sameDocument")).isEqualTo("yes");
        screenshot("campaign");

        page.navigate(base + "/");
        assertThat(page.locator("#category-tabs a.current")).containsText("browser");
        assertThat(page.locator("#campaigns")).containsText("3 / 3");
        screenshot("campaigns");
    }

    @Test
    @Order(3)
    void aRunsTimelineShowsItsAttemptsAndTheDiffBetweenThem() {
        page.navigate(campaignUrl);
        page.locator("#cards .card.accepted .head a").first().click();
        page.waitForURL(Pattern.compile(".*/runs/run-[^/]+$"));
        assertThat(page.locator("#timeline li.stage[data-stage=describe]")).isVisible();
        assertThat(page.locator("#timeline li.stage[data-stage=queries] .check").first()).isVisible();
        assertThat(page.locator("#timeline .attempt .nums").first()).containsText("tokens");

        // the diff of one attempt against the version before it, loaded when opened
        Locator databaseDiff = page.locator("#timeline li.stage[data-stage=database] details.attempt-diff").first();
        databaseDiff.locator("summary").click();
        assertThat(databaseDiff.locator(".diff[data-file='schema.sql']")).isVisible();
        assertThat(databaseDiff.locator(".diff tr.add").first()).isVisible();

        // and between any two versions, across stages
        page.selectOption("#diff-from", "0");
        page.click("#diff-button");
        assertThat(page.locator("#diff-result .diff[data-file='item.json']")).isVisible();
        assertThat(page.locator("#diff-result .diff[data-file='reference.sql']")).isVisible();
        screenshot("run");
    }

    @Test
    @Order(4)
    void aPreviewOfThreeIsShownThenTheFullCampaignIsCreatedWithTheSameConfiguration() {
        page.navigate(base + "/campaigns/new");
        page.selectOption("#f-pack", "sql-quiz");
        page.locator("#stage-table tr[data-stage=queries]").waitFor();
        page.fill("#f-count", "4");
        page.fill("#f-concurrency", "3");
        page.fill("#f-category", "trial");
        page.click("#preview-button");

        page.waitForURL(Pattern.compile(".*/campaigns/new\\?.*preview=cmp-.*"));
        String preview = page.url().replaceAll(".*[?&]preview=(cmp-[^&]+).*", "$1");
        assertThat(page.locator("#preview")).isVisible();
        assertThat(page.locator("#f-count")).hasValue("4");
        assertThat(page.locator("#preview #campaign-summary")).containsText("trial preview");
        assertThat(page.locator("#preview #scenarios .scenario")).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(LONG));
        screenshot("preview");

        page.click("#generate-button");
        page.waitForURL(Pattern.compile(".*/campaigns/cmp-[^/]+$"));
        assertThat(page.locator("#campaign-summary")).containsText("trial");
        assertThat(page.locator("#campaign-summary")).not().containsText("preview");
        assertThat(page.locator("#campaign-summary .summary")).containsText("/ 4");

        // it starts from the seed after the preview's runs (more than three: seed 0's first three were the first campaign's
        // scenarios again, so the preview topped up): four new scenarios, none a duplicate of the preview's
        String full = page.url().substring(page.url().lastIndexOf('/') + 1);
        @SuppressWarnings("unchecked")
        var previewRuns = (java.util.List<Map<String, Object>>) browser.api().get("/api/campaigns/" + preview + "/runs").json().get("runs");
        int lastOrdinal = previewRuns.stream().mapToInt(r -> ((Number) r.get("ordinal")).intValue()).max().orElseThrow();
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) browser.api().get("/api/campaigns/" + full).json().get("spec");
        org.assertj.core.api.Assertions.assertThat(spec.get("seed")).as("the full campaign's seed").isEqualTo(lastOrdinal);
        assertThat(page.locator("#accepted-count")).hasText("4", new LocatorAssertions.HasTextOptions().setTimeout(LONG));
        assertThat(page.locator("#cards .card")).hasCount(4);
        assertThat(page.locator("#cards .card.rejected")).hasCount(0);
    }

    @Test
    @Order(5)
    void theAuditPageListsTheCreationsAndTheRefusedAttempt() {
        page.navigate(base + "/audit");
        Locator creations = page.locator("tr.audit-entry[data-action='campaign.create']");
        assertThat(creations.first()).isVisible();
        assertThat(creations).hasCount(4); // refused once, then the campaign, the preview and the full one
        assertThat(page.locator("#audit")).containsText("400");
        assertThat(page.locator("#audit")).containsText("preview: sql-quiz x3");
        assertThat(creations.first().locator("a")).hasAttribute("href", Pattern.compile("/campaigns/cmp-.*"));
        assertThat(page.locator("#audit code").first()).containsText("session:");
        screenshot("audit");
    }

    @Test
    @Order(6)
    void theAssetsArePublicAndThePagesAreNot() {
        var anonymous = browser.browser.newContext();
        try {
            Page p = anonymous.newPage();
            assertThat(p.navigate(base + "/assets/htmx.min.js").status()).isEqualTo(200);
            assertThat(p.navigate(base + "/").status()).isEqualTo(401);
        } finally {
            anonymous.close();
        }
    }

    @Test
    @Order(7)
    void aMissingPageIsAnHtmlPageForTheBrowserAndJsonForTheApi() {
        var response = page.navigate(base + "/campaigns/cmp-nope");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headerValue("content-type")).startsWith("text/html");
        assertThat(page.locator("header.top nav")).isVisible(); // in the dashboard's layout
        assertThat(page.locator("#error-message")).hasText("no campaign cmp-nope; see the list at /");

        response = page.navigate(base + "/no/such/page");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("#error-message")).containsText("no page or API route /no/such/page");

        // the API answers JSON, to a program and to a browser opening an API address alike
        response = page.navigate(base + "/api/campaigns/cmp-nope");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headerValue("content-type")).startsWith("application/json");
        var api = browser.api().get("/api/no-such-route");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json()).containsKey("error");
        assertThat(api.body()).contains("\"code\":\"not-found\"");
    }

    static void screenshot(String name) {
        browser.screenshot(name);
    }
}
