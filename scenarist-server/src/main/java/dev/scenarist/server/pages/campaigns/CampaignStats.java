package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.jobs.CampaignJobs;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign as the dashboard shows it, read from the store in one go.
 *
 * @param category  the campaign's label, {@value #UNCATEGORIZED} when it has none
 * @param accepted  scenarios accepted so far
 * @param runs      its runs, in ordinal order
 * @param runsHere  whether this server process runs it now (pause works only then)
 * @param pausedHere whether this server paused it (its store status stays running: resumable)
 */
public record CampaignStats(CampaignRecord campaign, String category, int accepted, List<RunRecord> runs, boolean runsHere, boolean pausedHere) {
    public CampaignStats {
        runs = List.copyOf(runs);
    }

    public static final String UNCATEGORIZED = "uncategorized";
    /** What the preview button adds to a campaign's category, so a preview is told apart (and grouped) everywhere. */
    public static final String PREVIEW_SUFFIX = " preview";

    public static CampaignStats of(CampaignRecord c, Store store, CampaignJobs jobs) {
        String category = categoryOf(c);
        return new CampaignStats(c, category.isEmpty() ? UNCATEGORIZED : category, store.catalog().byCampaign(c.id()).size(),
                store.runs().byCampaign(c.id()), jobs.runsHere(c.id()), jobs.pausedHere(c.id()));
    }

    /**
     * Whether to say "running in this server": it runs here and its stored status is running. A campaign cancelled (or
     * finished) is final at once, while its thread here may take a moment to wind down.
     */
    public boolean activeHere() {
        return runsHere && campaign.status() == dev.scenarist.core.store.CampaignStatus.RUNNING;
    }

    /** The status to show: the store's, except "paused" for a campaign this server paused (stored as running, resumable). */
    public String shownStatus() {
        return pausedHere && campaign.status() == dev.scenarist.core.store.CampaignStatus.RUNNING ? "paused" : campaign.status().label();
    }

    /** Whether the campaign is a preview made by the configuration panel (its category is marked so). */
    public boolean preview() {
        return category.equals(PREVIEW_SUFFIX.strip()) || category.endsWith(PREVIEW_SUFFIX);
    }

    /** Its runs counted by state. */
    public Map<RunState, Integer> byState() {
        Map<RunState, Integer> byState = new EnumMap<>(RunState.class);
        for (RunRecord r : runs) byState.merge(r.state(), 1, Integer::sum);
        return byState;
    }

    /** Tokens and dollars spent by its runs. */
    public Usage usage() {
        Usage usage = Usage.ZERO;
        for (RunRecord r : runs) usage = usage.plus(r.progress().usage());
        return usage;
    }

    /** The category as stored; an unreadable spec (a campaign of a newer version) counts as none. */
    static String categoryOf(CampaignRecord c) {
        try {
            return CampaignSpec.of(c).category();
        } catch (RuntimeException e) {
            return "";
        }
    }

    public int count(RunState s) {
        return (int) runs.stream().filter(r -> r.state() == s).count();
    }

    public int inFlight() {
        return count(RunState.RUNNING) + count(RunState.QUEUED);
    }
}
