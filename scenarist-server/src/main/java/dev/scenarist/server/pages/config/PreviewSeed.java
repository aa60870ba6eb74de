package dev.scenarist.server.pages.config;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Where "Generate N" starts after "Generate 3 as a preview". Run n of a campaign gets seed {@code seed + n}, so a full
 * campaign with the preview's seed would make the preview's scenarios again — and the uniqueness gate would reject each
 * as a duplicate of the one the preview already accepted, costing a run per scenario before the campaign tops up. So the
 * full campaign starts from the seed after the preview's last run: its scenarios are new ones, and the preview's stay
 * valid beside them.
 */
final class PreviewSeed {
    private PreviewSeed() {}

    /**
     * The seed for the full campaign, or empty when the preview does not bear on it (no such campaign, another pack, or a
     * seed chosen other than the preview's).
     *
     * @param chosen   the full campaign's seed as its request reads (the form's, or the default)
     * @param runsHere whether this server still runs a campaign: a preview still going and short of its count may start
     *                 more runs, up to its cap
     */
    static OptionalLong after(Store store, String previewId, String pack, long chosen, Predicate<String> runsHere) {
        var preview = store.campaigns().find(previewId).filter(c -> c.pack().equals(pack));
        if (preview.isEmpty()) return OptionalLong.empty();
        CampaignRecord c = preview.get();
        CampaignSpec spec = CampaignSpec.of(c);
        if (spec.seed() != chosen) return OptionalLong.empty();
        int last = store.runs().byCampaign(c.id()).stream().mapToInt(RunRecord::ordinal).max().orElse(0);
        // still running and short of its count: it may top up past its runs so far, never past its run cap
        boolean mayStartMore = runsHere.test(c.id()) && store.catalog().byCampaign(c.id()).size() < c.requested();
        int used = mayStartMore ? Math.max(last, spec.maxRuns()) : last;
        return OptionalLong.of(spec.seed() + used);
    }
}
