package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.jobs.CampaignJobs;
import dev.scenarist.server.events.EventStream;
import dev.scenarist.server.events.EventStream.Message;
import dev.scenarist.server.pages.PackCatalog;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /campaigns/{id}/stream}: the campaign's live events as rendered HTML fragments, named so htmx's SSE extension
 * swaps each into its place: {@code summary}, {@code run-<id>} (a card's inside), {@code cards} (every card:
 * at connect, and when a run appears), {@code scenarios} and {@code log} (one line). Each fragment is
 * re-read from the store rather than patched from the event, so a dropped event costs nothing once the next one comes.
 */
public final class CampaignStream {
    public static final String CARDS = "cards";

    private final Store store;
    private final EventStream events;
    private final PackCatalog packs;
    private final CampaignJobs jobs;
    private final Clock clock;

    public CampaignStream(Store store, EventStream events, PackCatalog packs, CampaignJobs jobs, Clock clock) {
        this.store = store;
        this.events = events;
        this.packs = packs;
        this.jobs = jobs;
        this.clock = clock;
    }

    public void register(RouteTable routes) {
        routes.sse("/campaigns/{id}/stream", "pages", "A campaign's live cards, summary and log as HTML fragments (server-sent events for htmx)",
                this::serve);
    }

    private void serve(SseClient client) {
        String id = client.ctx().pathParam("id");
        Optional<CampaignRecord> campaign = store.campaigns().find(id);
        if (campaign.isEmpty()) {
            client.sendEvent("error", "no campaign " + id);
            return;
        }
        var view = new View(id);
        events.serve(client, Optional.of(id), view.first(), view::render);
    }

    /** One client's view: which cards it has, so a run it has not seen arrives as a new card. */
    private final class View {
        private final String campaignId;
        private final Set<String> shown = ConcurrentHashMap.newKeySet();
        private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();

        View(String campaignId) {
            this.campaignId = campaignId;
        }

        List<Message> first() {
            List<RunRecord> runs = store.runs().byCampaign(campaignId);
            runs.forEach(r -> shown.add(r.id()));
            List<Message> m = new ArrayList<>();
            summary().ifPresent(m::add);
            m.add(new Message(CARDS, RunCard.grid(runs, stages())));
            m.add(new Message(ScenarioList.EVENT, ScenarioList.inner(store.catalog().byCampaign(campaignId))));
            return m;
        }

        List<Message> render(Map<String, Object> e) {
            List<Message> out = new ArrayList<>();
            Object runId = e.get("run_id");
            if (runId != null) {
                store.runs().find(String.valueOf(runId)).ifPresent(r -> {
                    ordinals.put(r.id(), r.ordinal());
                    // a new run re-sends the whole grid: replacing is idempotent, where appending a card could append it twice
                    out.add(shown.add(r.id()) ? new Message(CARDS, RunCard.grid(store.runs().byCampaign(campaignId), stages()))
                            : new Message(RunCard.event(r.id()), RunCard.inner(r, stages())));
                });
            }
            String type = String.valueOf(e.get("type"));
            if (!type.equals("check-finished") && !type.equals("stage-started")) summary().ifPresent(out::add);
            if (type.equals("run-finished") || type.equals("run-changed") || type.startsWith("campaign-")) {
                out.add(new Message(ScenarioList.EVENT, ScenarioList.inner(store.catalog().byCampaign(campaignId))));
            }
            out.add(new Message(LogLine.EVENT, LogLine.render(clock.instant(), e, this::label)));
            return out;
        }

        private String label(String runId) {
            Integer n = ordinals.get(runId);
            if (n == null) n = store.runs().find(runId).map(RunRecord::ordinal).orElse(null);
            return n == null ? runId : "run #" + n;
        }

        private Optional<Message> summary() {
            return store.campaigns().find(campaignId)
                    .map(c -> new Message(CampaignSummary.EVENT, CampaignSummary.inner(CampaignStats.of(c, store, jobs))));
        }

        private List<dev.scenarist.server.CampaignRequests.StageInfo> stages() {
            return store.campaigns().find(campaignId).map(c -> packs.stages(c.pack())).orElse(List.of());
        }
    }
}
