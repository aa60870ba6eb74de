package dev.scenarist.app.dashboard;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.app.wiring.Settings;
import dev.scenarist.core.model.Json;
import dev.scenarist.server.ScenaristServer;
import dev.scenarist.server.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every browser test stands on: a real server over a temporary data folder (its SQLite store, the bundled packs,
 * their offline authors), the token required on loopback, and a headless chromium logged in as a person would
 * ({@code /login?token=}). Besides the page, {@link #api} calls the REST API with the token (no CSRF needed for a bearer),
 * for the steps a test sets up or checks behind the browser's back.
 *
 * <p>Screenshots go to {@code target/screenshots}, and to {@code docs/screenshots} with
 * {@code -Dscenarist.screenshots.update=true}.
 */
final class BrowserFixture implements AutoCloseable {
    static final String TOKEN = "browser-test-token-0123456789";
    /** How long a test waits for a campaign to get somewhere (offline campaigns take seconds; a busy CI machine, longer). */
    static final double LONG = 90_000;
    /** The width of the screenshots in the README. */
    static final int WIDTH = 1280;

    final Scenarist app;
    final ScenaristServer server;
    final String base;
    final Playwright playwright;
    final Browser browser;
    final BrowserContext context;
    final Page page;

    private BrowserFixture(Path dataDir) {
        Chromium.requireInstalled();
        app = Scenarist.open(dataDir, null, Settings.of(Map.of()));
        server = app.serve(new ServerOptions("127.0.0.1", 0, Optional.of(TOKEN), true, ServerOptions.DEFAULT_MAX_BODY));
        base = "http://127.0.0.1:" + server.port();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, 900));
        context.setDefaultTimeout(LONG);
        page = context.newPage();
        page.navigate(base + "/login?token=" + TOKEN);
    }

    static BrowserFixture open(Path dataDir) {
        return new BrowserFixture(dataDir);
    }

    /** Opens a page of the dashboard by its path. */
    Page go(String path) {
        page.navigate(base + path);
        return page;
    }

    /** The REST API, answered as JSON, with the token. */
    Api api() {
        return new Api();
    }

    final class Api {
        private RequestOptions options() {
            return RequestOptions.create().setHeader("Authorization", "Bearer " + TOKEN).setTimeout(LONG);
        }

        Response get(String path) {
            return of(context.request().get(base + path, options()));
        }

        Response post(String path, Map<String, ?> body) {
            return of(context.request().post(base + path, options().setHeader("Content-Type", "application/json").setData(Json.write(body))));
        }

        private Response of(APIResponse r) {
            return new Response(r.status(), r.text());
        }
    }

    /** An API answer: its status and body. */
    record Response(int status, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return Json.read(body, Map.class);
        }
    }

    /** A full-page screenshot to target/screenshots, and to docs/screenshots when asked to update them. */
    void screenshot(String name) {
        page.waitForLoadState();
        byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
        write(Path.of("target", "screenshots", name + ".png"), png);
        if (Boolean.getBoolean("scenarist.screenshots.update")) write(Path.of("..", "docs", "screenshots", name + ".png"), png);
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (context != null) context.close();
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.close();
        if (app != null) app.close();
    }
}
