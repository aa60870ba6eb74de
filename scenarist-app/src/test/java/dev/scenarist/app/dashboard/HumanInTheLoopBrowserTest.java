package dev.scenarist.app.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
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
 * A person in the loop, in a real browser: a sql-quiz campaign made from the form with an approval gate after
 * {@code describe} pauses its three runs; at one run's gate a person breaks item.json (the re-check shows the finding),
 * fixes it with a title of their own (the re-check passes) and approves — the card turns accepted live on the campaign
 * page, the run's timeline shows the edit; another run is rejected with a reason; the review queue approves the edited
 * scenario (promoted, and the page says where), rejects the other, and refuses a second decision on a page gone stale
 * and through the API; the audit page lists all of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HumanInTheLoopBrowserTest {
    static final double LONG = BrowserFixture.LONG;
    static final String TITLE = "Edited at the gate by a person";

    @TempDir
    static Path tmp;
    static BrowserFixture browser;
    static Page page;
    static String campaignUrl;
    static String editedRun;
    static String rejectedRun;
    static String approvedScenario;

    @BeforeAll
    static void start() {
        browser = BrowserFixture.open(tmp.resolve("data"));
        page = browser.page;
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void runsPauseAtTheGateTickedInTheFormAndTheirCardsOfferAReview() {
        browser.go("/campaigns/new");
        page.selectOption("#f-pack", "sql-quiz");
        page.locator("#stage-table tr[data-stage=describe]").waitFor();
        page.fill("#f-count", "3");
        page.fill("#f-concurrency", "3");
        page.fill("#f-category", "gated");
        page.check("#stage-table tr[data-stage=describe] input[name=approve_after]");
        page.click("#generate-button");
        page.waitForURL(Pattern.compile(".*/campaigns/cmp-[^/]+$"));
        campaignUrl = page.url();
        page.evaluate("window.__sameDocument = 'yes'");
        assertThat(page.locator("#campaign-summary")).containsText("approval after");

        Locator paused = page.locator("#cards .card.paused");
        assertThat(paused).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(LONG));
        assertThat(paused.first().locator(".detail")).containsText("awaiting approval after stage 'describe'");
        assertThat(paused.first().locator("a.button")).hasText("Review");
        assertThat(paused.first().locator("a.button")).hasAttribute("href", Pattern.compile("^/runs/run-[^/]+/gate$"));
        assertThat(page.locator("#campaign-summary")).containsText("awaiting approval", new LocatorAssertions.ContainsTextOptions().setTimeout(LONG));
        assertThat(page.evaluate("window.__sameDocument")).as("the cards changed without a reload").isEqualTo("yes");
    }

    @Test
    @Order(2)
    void aPersonEditsAFileAtTheGateRechecksItAndApprovesAndTheCardTurnsAcceptedLive() {
        // the campaign page stays open in a second tab, to see the approved run's card change without a reload
        Page campaign = browser.context.newPage();
        campaign.navigate(campaignUrl);

        Locator review = page.locator("#cards .card.paused a.button").first();
        editedRun = review.getAttribute("href").split("/")[2];
        review.click();
        page.waitForURL(Pattern.compile(".*/runs/" + editedRun + "/gate$"));
        assertThat(page.locator("#gate-detail")).containsText("describe");
        Locator itemFile = page.locator("article.gate-file[data-path='item.json']");
        Locator text = itemFile.locator("textarea");
        String original = text.inputValue();
        assertThat(original).contains("\"title\"");

        // a broken edit first: saved, and the re-check shows what is wrong with it
        text.fill("{\"title\": \"no question here\"}\n");
        itemFile.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/gate\\?saved=item\\.json.*"));
        assertThat(page.locator("#gate-saved")).containsText("Saved item.json");
        page.click("#recheck button");
        assertThat(page.locator("#recheck-result .recheck")).hasAttribute("data-passed", "false");
        assertThat(page.locator("#recheck-result")).containsText("Not passed");
        assertThat(page.locator("#recheck-result li.finding").first()).isVisible();

        // then the person's own title on the original item: the stage's checks pass again
        String edited = original.replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\": \"" + TITLE + "\"");
        assertThat(edited).isNotEqualTo(original);
        page.locator("article.gate-file[data-path='item.json'] textarea").fill(edited);
        page.locator("article.gate-file[data-path='item.json'] button[type=submit]").click();
        assertThat(page.locator("#gate-saved")).containsText("item.json");
        assertThat(page.locator("article.gate-file[data-path='item.json'] textarea")).hasValue(Pattern.compile(".*" + TITLE + ".*", Pattern.DOTALL));
        page.click("#recheck button");
        assertThat(page.locator("#recheck-result .recheck")).hasAttribute("data-passed", "true");
        assertThat(page.locator("#recheck-result li.check").first()).containsText("passed");
        browser.screenshot("gate");

        page.click("#approve button");
        page.waitForURL(Pattern.compile(".*/runs/" + editedRun + "$"));
        assertThat(campaign.locator("#run-" + editedRun + " .card")).hasClass(Pattern.compile(".*\\baccepted\\b.*"),
                new LocatorAssertions.HasClassOptions().setTimeout(LONG));
        assertThat(campaign.locator("#run-" + editedRun + " .state")).hasText("accepted");
        campaign.close();
    }

    @Test
    @Order(3)
    void theRunsTimelineShowsThePersonsEditsRechecksAndApproval() {
        browser.go("/runs/" + editedRun);
        assertThat(page.locator("h1 .state")).hasText("accepted");
        Locator describe = page.locator("#timeline li.stage[data-stage=describe]");
        Locator edits = describe.locator("li.human[data-action=edit]");
        assertThat(edits).hasCount(2);
        assertThat(edits.first()).containsText("edited item.json");
        assertThat(edits.first()).containsText("session:");
        assertThat(describe.locator("li.human[data-action=recheck]").first()).containsText("not passed");
        assertThat(describe.locator("li.human[data-action=recheck]").last()).containsText("passed");
        assertThat(describe.locator("li.human[data-action=approve]")).containsText("approved the run after stage describe");
        // and the run went on from the next stage
        assertThat(page.locator("#timeline li.stage[data-stage=queries]")).isVisible();
    }

    @Test
    @Order(4)
    void anotherPausedRunIsRejectedWithAReasonAndTheLastIsApprovedThroughTheApi() {
        browser.go(campaignUrl.substring(browser.base.length()));
        Locator review = page.locator("#cards .card.paused a.button").first();
        rejectedRun = review.getAttribute("href").split("/")[2];
        review.click();
        page.waitForURL(Pattern.compile(".*/runs/" + rejectedRun + "/gate$"));
        page.fill("#reject input[name=reason]", "off topic for this benchmark");
        page.click("#reject button");
        page.waitForURL(Pattern.compile(".*/runs/" + rejectedRun + "$"));
        assertThat(page.locator("h1 .state")).hasText("rejected");
        assertThat(page.locator("#reject-reason")).hasText("reason: person");
        assertThat(page.locator("#failure-reason")).containsText("off topic for this benchmark");
        assertThat(page.locator("#timeline li.human[data-action=reject]")).containsText("off topic for this benchmark");

        browser.go(campaignUrl.substring(browser.base.length()));
        String last = page.locator("#cards .card.paused a.button").first().getAttribute("href").split("/")[2];
        var approved = browser.api().post("/api/runs/" + last + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        // two accepted of three, one rejected by a person: the campaign ends short, after review
        assertThat(page.locator("#accepted-count")).hasText("2", new LocatorAssertions.HasTextOptions().setTimeout(LONG));
        assertThat(page.locator("#campaign-summary .state").first()).hasText("stopped", new LocatorAssertions.HasTextOptions().setTimeout(LONG));
        assertThat(page.locator("#cards .card.rejected .detail")).containsText("person");
    }

    @Test
    @Order(5)
    void theReviewQueueApprovesOneScenarioIntoTheDatasetAndRejectsTheOther() {
        browser.go("/review");
        Locator rows = page.locator("#review-queue tbody tr");
        assertThat(rows).hasCount(2);
        Locator edited = rows.filter(new Locator.FilterOptions().setHasText(TITLE));
        assertThat(edited).hasCount(1); // the person's title made it into the accepted scenario
        approvedScenario = edited.getAttribute("data-scenario");
        browser.screenshot("review");

        // a second tab opens the queue now, and decides later on this page gone stale
        Page stale = browser.context.newPage();
        stale.navigate(browser.base + "/review");

        edited.locator("form.approve button").click();
        page.waitForURL(Pattern.compile(".*/review\\?decided=.*"));
        assertThat(page.locator("#review-decided")).containsText("Approved " + approvedScenario);
        assertThat(page.locator("#promoted-to")).containsText("datasets/sql-quiz/");
        assertThat(Files.isDirectory(tmp.resolve("data").resolve(page.locator("#promoted-to").textContent().strip()))).isTrue();
        assertThat(rows).hasCount(1);
        assertThat(page.locator("#review-queue")).not().containsText(approvedScenario);

        Locator other = rows.first();
        String rejected = other.getAttribute("data-scenario");
        other.locator("form.reject input[name=reason]").fill("too easy");
        other.locator("form.reject button").click();
        assertThat(page.locator("#review-decided")).containsText("Rejected " + rejected + ": too easy");
        assertThat(page.locator("#review-empty")).isVisible();

        // deciding again is refused, with the first decision named: from the stale page (an HTML page) ...
        Locator staleRow = stale.locator("#review-queue tr[data-scenario='" + approvedScenario + "']");
        staleRow.locator("form.reject input[name=reason]").fill("changed my mind");
        staleRow.locator("form.reject button").click();
        assertThat(stale.locator("#error-message")).containsText("was already approved by session:");
        assertThat(stale.locator("#error-message")).containsText("a review decision is final");
        assertThat(stale.locator("h1")).containsText("409");
        assertThat(stale.locator("#error-back")).hasAttribute("href", "/review");
        stale.close();

        // ... and through the API (JSON)
        var again = browser.api().post("/api/review/" + rejected + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("was already rejected").contains("too easy");

        // the approval is the last step of the edited run's timeline
        browser.go("/runs/" + editedRun);
        assertThat(page.locator("#timeline li.human[data-action='review.approve']")).containsText("datasets/sql-quiz/");
    }

    @Test
    @Order(6)
    void theAuditPageListsTheEditsTheDecisionsAndTheRefusal() {
        browser.go("/audit");
        assertThat(page.locator("tr.audit-entry[data-action='run.file.override']")).hasCount(2);
        assertThat(page.locator("tr.audit-entry[data-action='run.file.override']").first()).containsText("item.json");
        assertThat(page.locator("tr.audit-entry[data-action='run.recheck']")).hasCount(2);
        assertThat(page.locator("tr.audit-entry[data-action='run.approve']")).hasCount(2);
        assertThat(page.locator("tr.audit-entry[data-action='run.reject']")).containsText("off topic for this benchmark");
        // newest first: each decision, and after it the refused second one (409)
        Locator approvals = page.locator("tr.audit-entry[data-action='review.approve']");
        assertThat(approvals).hasCount(2);
        assertThat(approvals.first()).containsText("409");
        assertThat(approvals.last()).containsText("promoted to");
        Locator rejections = page.locator("tr.audit-entry[data-action='review.reject']");
        assertThat(rejections).hasCount(2);
        assertThat(rejections.first()).containsText("409");
        assertThat(rejections.last()).containsText("too easy");
    }
}
