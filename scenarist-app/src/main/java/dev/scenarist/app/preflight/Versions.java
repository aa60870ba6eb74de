package dev.scenarist.app.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks an installed program for its version ({@code --version}), quickly: the preflight must answer within seconds. */
final class Versions {
    private static final long TIMEOUT_MS = 2_000;

    private Versions() {}

    /** The first non-blank line {@code exe --version} prints (stdout or stderr), or "" when it says nothing in time. */
    static String of(Path exe) {
        try {
            Process p = new ProcessBuilder(List.of(exe.toString(), "--version")).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return "";
            }
            try (InputStream in = p.getInputStream()) {
                String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
