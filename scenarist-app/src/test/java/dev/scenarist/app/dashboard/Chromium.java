package dev.scenarist.app.dashboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium, driven by Playwright (which downloads no browser of its own here). Missing chromium fails
 * the tests under CI ({@code CI=true}, where {@code .ci/run} installs it) and skips them only on a developer's machine.
 */
final class Chromium {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");

    private Chromium() {}

    static void requireInstalled() {
        if (Files.isExecutable(EXECUTABLE)) return;
        String message = "the browser tests need Debian's chromium at " + EXECUTABLE + ": install it with 'apt-get install -y chromium'"
                + " (.ci/run does this in CI)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(message);
        Assumptions.abort(message);
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }
}
