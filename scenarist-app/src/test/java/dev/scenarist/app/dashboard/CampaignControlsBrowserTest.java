package dev.scenarist.app.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buttons of a campaign's page in a real browser: pause, resume and cancel a campaign this server runs, each
 * answered on the page (what was done, the summary re-read) without a reload. The campaign is long enough (40 offline
 * runs, one at a time) to still be going when the buttons are pressed.
 */
class CampaignControlsBrowserTest {
    @TempDir
    static Path tmp;
    static BrowserFixture browser;
    static Page page;

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
    void pauseResumeAndCancelChangeTheCampaignWithoutAReload() {
        var created = browser.api().post("/api/campaigns", Map.of("pack", "sql-quiz", "count", 40, "concurrency", 1, "category", "long"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = String.valueOf(created.json().get("id"));
        browser.go("/campaigns/" + id);
        page.evaluate("window.__sameDocument = 'yes'");
        Locator status = page.locator("#campaign-summary .state").first();
        Locator result = page.locator("#action-result");
        assertThat(status).hasText("running");
        assertThat(page.locator("#runs-here")).isVisible();

        page.click("#campaign-actions button[data-action=pause]");
        assertThat(result).hasText("pause: paused");
        assertThat(page.locator("#runs-here")).hasCount(0);
        assertThat(status).hasText("paused");

        page.click("#campaign-actions button[data-action=resume]");
        assertThat(result).hasText("resume: started");
        assertThat(page.locator("#runs-here")).isVisible();
        assertThat(status).hasText("running");

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("Cancel campaign " + id);
            dialog.accept();
        });
        page.click("#campaign-actions button[data-action=cancel]");
        assertThat(result).hasText("cancel: cancelled");
        assertThat(status).hasText("cancelled");
        assertThat(page.locator("#runs-here")).hasCount(0);

        // a cancelled campaign cannot be resumed: the page says why, from the API's error
        page.click("#campaign-actions button[data-action=resume]");
        assertThat(result).containsText("was cancelled and cannot be resumed");
        assertThat(page.evaluate("window.__sameDocument")).as("the page was never reloaded").isEqualTo("yes");
    }
}
