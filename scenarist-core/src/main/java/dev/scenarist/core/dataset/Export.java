package dev.scenarist.core.dataset;

import java.nio.file.Path;
import java.util.Locale;

/** The request and result of exporting a campaign's accepted scenarios ({@code Campaigns#export}). */
public final class Export {
    private Export() {}

    /** {@code DIR}: {@code OUT/<scenario-id>/} per scenario; {@code JSONL}: {@code OUT/<campaign-id>.jsonl}, one object a line. */
    public enum Format {
        DIR, JSONL;

        /** As on the command line and in {@code --json}: dir, jsonl. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param out the folder written to, created if missing (a file there is refused) */
    public record Request(String campaignId, Format format, Path out) {}

    /**
     * @param count how many scenarios were exported
     * @param path  the folder ({@code DIR}) or the file ({@code JSONL}) written, absolute
     */
    public record Result(String campaignId, Format format, int count, Path path) {}
}
