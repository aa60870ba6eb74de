package dev.scenarist.app.cli;

import dev.scenarist.core.campaign.CampaignReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a campaign report as the human summary table and as the --json document. */
final class CampaignPrinter {
    private CampaignPrinter() {}

    static void human(CampaignReport r, Output out) {
        var p = out.human();
        p.println();
        p.printf("Campaign %s (%s): %s%n", r.campaignId(), r.pack(), r.status() + (r.stopReason().isEmpty() ? "" : ": " + r.stopReason()));
        p.printf("  accepted      %d of %d requested%n", r.accepted(), r.requested());
        p.printf("  runs          %d (rejected %d%s, failed infra %d, cancelled %d%s)%n", r.runs(), r.rejected(),
                r.rejectedByReason().isEmpty() ? "" : " " + r.rejectedByReason(), r.failedInfra(), r.cancelled(),
                r.unfinished() > 0 ? ", unfinished " + r.unfinished() : "");
        p.printf("  attempts      %d (infrastructure retries %d)%n", r.attempts(), r.infraRetries());
        p.printf(Locale.ROOT, "  tokens        %d in, %d out, %d cache read, %d cache write; %.0f%% of input served from cache%n",
                r.usage().inputTokens(), r.usage().outputTokens(), r.usage().cacheReadTokens(), r.usage().cacheWriteTokens(),
                100 * cachedShare(r));
        p.printf(Locale.ROOT, "  cost          $%.4f%n", r.usage().costUsd());
        p.printf(Locale.ROOT, "  wall time     %.1f s%n%n", r.wallSeconds());
        Table t = new Table("stage", "attempts", "first-attempt pass", "infra errors");
        for (var s : r.stages()) {
            t.row(s.stage(), s.attempts(), s.firstAttempts() == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.0f%%)",
                    s.firstAttemptPasses(), s.firstAttempts(), 100 * s.firstAttemptPassRate()), s.infraErrors());
        }
        p.print(t.render());
        if (!r.packFigures().isEmpty()) {
            p.println();
            p.printf("Pack figures (%s):%n", r.pack());
            int width = r.packFigures().stream().mapToInt(f -> f.label().length()).max().orElse(0);
            for (var f : r.packFigures()) p.printf("  %-" + width + "s  %s%n", f.label(), f.text());
        }
        if (!r.scenarios().isEmpty()) {
            p.println();
            p.println("Accepted scenarios:");
            for (var s : r.scenarios()) p.printf("  %s  %s  %s%n", s.id(), s.path(), s.title());
        }
    }

    static Map<String, Object> json(CampaignReport r, Path dataDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign_id", r.campaignId());
        m.put("pack", r.pack());
        m.put("status", r.status());
        m.put("stop_reason", r.stopReason());
        hint(r).ifPresent(h -> m.put("hint", h));
        m.put("requested", r.requested());
        m.put("accepted", r.accepted());
        m.put("rejected", r.rejected());
        m.put("rejected_by_reason", r.rejectedByReason());
        m.put("failed_infra", r.failedInfra());
        m.put("cancelled", r.cancelled());
        m.put("runs", r.runs());
        m.put("attempts", r.attempts());
        m.put("infra_retries", r.infraRetries());
        m.put("stages", r.stages().stream().map(s -> Map.of("stage", s.stage(), "attempts", s.attempts(),
                "first_attempts", s.firstAttempts(), "first_attempt_passes", s.firstAttemptPasses(), "infra_errors", s.infraErrors())).toList());
        m.put("tokens", Map.of("input", r.usage().inputTokens(), "output", r.usage().outputTokens(),
                "cache_read", r.usage().cacheReadTokens(), "cache_write", r.usage().cacheWriteTokens()));
        m.put("cached_input_share", cachedShare(r));
        m.put("cost_usd", r.usage().costUsd());
        m.put("wall_seconds", r.wallSeconds());
        Map<String, Object> figures = new LinkedHashMap<>();
        for (var f : r.packFigures()) figures.put(f.key(), f.value());
        if (!figures.isEmpty()) m.put("pack_figures", figures);
        m.put("scenarios", r.scenarios().stream().map(s -> Map.of("id", s.id(), "title", s.title(),
                "path", dataDir.resolve(s.path()).toString())).toList());
        return m;
    }

    /** The share of input tokens the provider served from its prompt cache. */
    static double cachedShare(CampaignReport r) {
        var u = r.usage();
        long input = u.inputTokens() + u.cacheReadTokens() + u.cacheWriteTokens();
        return input == 0 ? 0 : (double) u.cacheReadTokens() / input;
    }

    /**
     * Why a campaign fell short and what to do about it, or empty when it did not: a budget cap names the option that
     * raises it; runs that ended failed_infra name their last error and the resume that retries them; a cancelled
     * campaign says so (it is not resumed).
     */
    static java.util.Optional<String> hint(CampaignReport r) {
        if (r.status().equals(dev.scenarist.core.store.CampaignStatus.CANCELLED.label())) {
            return java.util.Optional.of("campaign " + r.campaignId() + " was cancelled" + (r.stopReason().isEmpty() ? "" : " (" + r.stopReason() + ")")
                    + ": no further run was started and its runs in flight were stopped, committing nothing more; a cancelled campaign"
                    + " is not resumed — start a new one with 'scenarist generate'");
        }
        if (exitCode(r) == 0) return java.util.Optional.empty();
        if (r.status().equals(dev.scenarist.core.store.CampaignStatus.AWAITING_APPROVAL.label())) {
            return java.util.Optional.of("The campaign waits for approval: " + r.stopReason() + ". List the paused runs with 'scenarist runs --campaign "
                    + r.campaignId() + "'; the campaign completes once enough of them are approved and accepted");
        }
        String resume = "scenarist resume --campaign " + r.campaignId();
        List<String> lines = new java.util.ArrayList<>();
        if (r.failedInfra() > 0) {
            lines.add((r.failedInfra() == r.runs() ? "all " : "") + r.failedInfra() + " run(s) ended failed_infra: fix the cause ("
                    + r.lastInfraError().orElse("see 'scenarist runs --campaign " + r.campaignId() + "'") + ") and run '" + resume
                    + "'; it retries them from their last committed attempt");
        }
        dev.scenarist.core.campaign.BudgetStop.parse(r.stopReason()).ifPresent(stop -> lines.add(stop.message() + ": " + stop.hint(resume)));
        if (lines.isEmpty()) lines.add("see why with 'scenarist runs --campaign " + r.campaignId() + "'; continue it with '" + resume + "'");
        return java.util.Optional.of("The campaign fell short. " + String.join("\n", lines));
    }

    static int exitCode(CampaignReport r) {
        return r.accepted() >= r.requested() ? 0 : 1;
    }
}
