package dev.scenarist.server.api;

import dev.scenarist.core.campaign.CampaignSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.CampaignRequests;
import dev.scenarist.server.ServerContext;
import dev.scenarist.server.audit.AuditLog;
import dev.scenarist.server.events.EventStream;
import dev.scenarist.server.jobs.CampaignJobs;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API under {@code /api}: campaigns (create, list, show, start/resume, retry, pause, cancel), their runs and
 * scenarios, a run with its attempts and checks, artifact files, the live event stream and the audit log. Reads go to
 * the store; every change goes through the campaigns facade.
 */
public final class CampaignApi {
    /** The request attributes the audit after-handler reads: what was done, and to what. */
    public static final String AUDIT_ACTION = "scenarist.audit.action";
    public static final String AUDIT_TARGET = "scenarist.audit.target";
    public static final String AUDIT_DETAIL = "scenarist.audit.detail";

    private final ServerContext context;
    private final Store store;
    private final Campaigns campaigns;
    private final CampaignJobs jobs;
    private final EventStream events;
    private final AuditLog audit;
    private final ArtifactFiles files;

    public CampaignApi(ServerContext context, CampaignJobs jobs, EventStream events, AuditLog audit) {
        this.context = context;
        this.store = context.store();
        this.campaigns = context.campaigns();
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.files = new ArtifactFiles(context.dataDir());
    }

    public void register(RouteTable r) {
        r.get("/api/campaigns", "campaigns", "List campaigns, newest first", "json", this::list);
        r.post("/api/campaigns", "campaigns", "Create a campaign and start it in this server (field-level errors as 400)", "CampaignRequest", this::create);
        r.get("/api/campaigns/{id}", "campaigns", "Show a campaign: its record, summary and whether this server runs it", "json", this::show);
        r.post("/api/campaigns/{id}/start", "campaigns", "Start or continue a campaign in this server", "", ctx -> resume(ctx, "campaign.start"));
        r.post("/api/campaigns/{id}/resume", "campaigns", "Continue a campaign (unfinished runs, then top-up)", "", ctx -> resume(ctx, "campaign.resume"));
        r.post("/api/campaigns/{id}/retry", "campaigns", "Retry the runs that failed on infrastructure or were stopped by a cap, then top up", "",
                ctx -> resume(ctx, "campaign.retry"));
        r.post("/api/campaigns/{id}/pause", "campaigns", "Pause a campaign this server runs (its runs in flight stay resumable)", "", this::pause);
        r.post("/api/campaigns/{id}/cancel", "campaigns", "Cancel a campaign for good, in every process", "", this::cancel);
        r.get("/api/campaigns/{id}/runs", "runs", "The runs of a campaign", "json", this::runs);
        r.get("/api/campaigns/{id}/scenarios", "scenarios", "The accepted scenarios of a campaign", "json", this::scenarios);
        r.get("/api/runs/{id}", "runs", "A run: stages, attempts with findings, checks, tokens and cost", "json", this::run);
        r.get("/api/runs/{id}/files", "files", "The files of a run (workspace, snapshots, trajectory)", "json",
                ctx -> ApiJson.send(ctx, 200, Map.of("files", files.list(runDir(runOf(ctx))))));
        r.get("/api/runs/{id}/files/<path>", "files", "Download a file of a run", "file", ctx -> send(ctx, files.file(runDir(runOf(ctx)), ctx.pathParam("path"))));
        r.get("/api/scenarios/{id}", "scenarios", "An accepted scenario", "json", ctx -> ApiJson.send(ctx, 200, scenario(scenarioOf(ctx))));
        r.get("/api/scenarios/{id}/files", "files", "The files of an accepted scenario", "json",
                ctx -> ApiJson.send(ctx, 200, Map.of("files", files.list(scenarioDir(scenarioOf(ctx))))));
        r.get("/api/scenarios/{id}/files/<path>", "files", "Download a file of an accepted scenario", "file",
                ctx -> send(ctx, files.file(scenarioDir(scenarioOf(ctx)), ctx.pathParam("path"))));
        r.sse("/api/events", "events", "Live events (server-sent events; send Accept: text/event-stream); ?campaign=C for one campaign",
                client -> events.serve(client, Optional.ofNullable(client.ctx().queryParam("campaign"))));
        r.get("/api/audit", "audit", "The audit log, newest first (?limit=N, default 100)", "json", this::audit);
    }

    // --- campaigns ---

    private void list(Context ctx) {
        ApiJson.send(ctx, 200, Map.of("campaigns", store.campaigns().list().stream().map(this::summary).toList()));
    }

    private Map<String, Object> summary(CampaignRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("pack", c.pack());
        m.put("category", CampaignSpec.of(c).category());
        m.put("status", c.status().label());
        m.put("stop_reason", c.stopReason());
        m.put("requested", c.requested());
        m.put("accepted", store.catalog().byCampaign(c.id()).size());
        m.put("created_at", c.createdAt());
        m.put("updated_at", c.updatedAt());
        m.put("running_here", jobs.runsHere(c.id()));
        return m;
    }

    private void create(Context ctx) throws InterruptedException {
        ctx.attribute(AUDIT_ACTION, "campaign.create");
        Map<String, Object> body = body(ctx);
        CampaignRequests.Prepared prepared;
        try {
            prepared = context.requests().prepare(body);
        } catch (CampaignRequests.InvalidRequestException e) {
            ctx.attribute(AUDIT_DETAIL, e.getMessage());
            ApiJson.send(ctx, 400, ApiJson.error(400, "invalid", e.getMessage(), e.errors()));
            return;
        }
        boolean start = !Boolean.FALSE.equals(body.get("start"));
        CampaignRecord c = campaigns.create(prepared.spec(), prepared.pack());
        ctx.attribute(AUDIT_TARGET, c.id());
        ctx.attribute(AUDIT_DETAIL, c.pack() + " x" + c.requested() + ", author " + prepared.spec().author());
        if (start) jobs.start(c.id());
        ctx.header("Location", "/api/campaigns/" + c.id());
        ApiJson.send(ctx, 201, summary(store.campaigns().find(c.id()).orElse(c)));
    }

    private void show(Context ctx) {
        CampaignRecord c = campaignOf(ctx);
        Map<String, Object> m = summary(c);
        m.put("spec", readTree(c.specJson()));
        m.put("fingerprint", c.fingerprint());
        m.put("active_seconds", c.activeMillis() / 1000.0);
        CampaignReport report = campaigns.report(c.id());
        m.put("report", report);
        jobs.lastError(c.id()).ifPresent(e -> m.put("last_error", e));
        ApiJson.send(ctx, 200, m);
    }

    private void resume(Context ctx, String action) {
        ctx.attribute(AUDIT_ACTION, action);
        CampaignRecord c = campaignOf(ctx);
        ctx.attribute(AUDIT_TARGET, c.id());
        if (c.status() == dev.scenarist.core.store.CampaignStatus.CANCELLED) {
            throw new HttpResponseException(409, "campaign " + c.id() + " was cancelled and cannot be resumed; create a new campaign");
        }
        var started = jobs.start(c.id());
        Map<String, Object> m = summary(store.campaigns().find(c.id()).orElse(c));
        m.put("result", started == CampaignJobs.Start.STARTED ? "started" : "already-running");
        ApiJson.send(ctx, 202, m);
    }

    private void pause(Context ctx) throws InterruptedException {
        ctx.attribute(AUDIT_ACTION, "campaign.pause");
        CampaignRecord c = campaignOf(ctx);
        ctx.attribute(AUDIT_TARGET, c.id());
        if (!jobs.pause(c.id())) {
            throw new HttpResponseException(409, "campaign " + c.id() + " is not running in this server, so it cannot be paused here"
                    + " (a campaign run by 'scenarist generate' elsewhere can be cancelled, or stopped with Ctrl-C in its terminal)");
        }
        Map<String, Object> m = summary(store.campaigns().find(c.id()).orElse(c));
        m.put("result", "paused");
        m.put("resume_with", "POST /api/campaigns/" + c.id() + "/resume");
        ApiJson.send(ctx, 200, m);
    }

    private void cancel(Context ctx) {
        ctx.attribute(AUDIT_ACTION, "campaign.cancel");
        CampaignRecord c = campaignOf(ctx);
        ctx.attribute(AUDIT_TARGET, c.id());
        Campaigns.CancelOutcome out = campaigns.cancel(c.id());
        Map<String, Object> m = summary(out.campaign());
        m.put("result", out.result().name().toLowerCase(java.util.Locale.ROOT));
        m.put("runs_cancelled", out.runsCancelled());
        ctx.attribute(AUDIT_DETAIL, (String) m.get("result"));
        ApiJson.send(ctx, 200, m);
    }

    private void runs(Context ctx) {
        CampaignRecord c = campaignOf(ctx);
        ApiJson.send(ctx, 200, Map.of("campaign_id", c.id(), "runs", store.runs().byCampaign(c.id()).stream().map(this::runSummary).toList()));
    }

    private void scenarios(Context ctx) {
        CampaignRecord c = campaignOf(ctx);
        ApiJson.send(ctx, 200, Map.of("campaign_id", c.id(), "scenarios", store.catalog().byCampaign(c.id()).stream().map(this::scenario).toList()));
    }

    // --- runs ---

    private Map<String, Object> runSummary(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("campaign_id", r.campaignId());
        m.put("pack", r.pack());
        m.put("ordinal", r.ordinal());
        m.put("seed", r.seed());
        m.put("state", r.state().label());
        m.put("reject_reason", r.rejectReason().map(x -> x.label()).orElse(null));
        m.put("detail", r.detail());
        m.put("stage_index", r.progress().stageIndex());
        m.put("attempts", r.progress().attemptSeq());
        m.put("usage", r.progress().usage());
        m.put("updated_at", r.updatedAt());
        return m;
    }

    private void run(Context ctx) {
        RunRecord r = runOf(ctx);
        Map<String, Object> m = runSummary(r);
        m.put("parameters", r.parameters());
        m.put("created_at", r.createdAt());
        m.put("last_findings", r.progress().lastFindings());
        List<CheckRecord> checks = store.runs().checks(r.id());
        List<Map<String, Object>> attempts = new ArrayList<>();
        Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
        for (AttemptRecord a : store.runs().attempts(r.id())) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("seq", a.seq());
            am.put("stage", a.stage());
            am.put("stage_attempt", a.stageAttempt());
            am.put("verdict", a.verdict().name().toLowerCase(java.util.Locale.ROOT));
            am.put("model", a.model());
            am.put("usage", a.usage());
            am.put("findings", a.findings());
            am.put("checks", checks.stream().filter(c -> c.attemptSeq() == a.seq()).toList());
            am.put("started_at", a.startedAt());
            am.put("finished_at", a.finishedAt());
            attempts.add(am);
            Map<String, Object> s = stages.computeIfAbsent(a.stage(), k -> new LinkedHashMap<>(Map.of("stage", k, "attempts", 0)));
            s.put("attempts", (Integer) s.get("attempts") + 1);
            s.put("last_verdict", am.get("verdict"));
        }
        m.put("stages", List.copyOf(stages.values()));
        m.put("attempt_records", attempts);
        m.put("author_calls", store.runs().authorCalls(r.id()).size());
        ApiJson.send(ctx, 200, m);
    }

    // --- scenarios ---

    private Map<String, Object> scenario(CatalogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.scenarioId());
        m.put("pack", e.pack());
        m.put("campaign_id", e.campaignId());
        m.put("run_id", e.runId());
        m.put("title", e.title());
        m.put("location", e.location());
        m.put("stage", e.stage());
        m.put("accepted_at", e.acceptedAt());
        return m;
    }

    // --- audit ---

    private void audit(Context ctx) {
        int limit = 100;
        String l = ctx.queryParam("limit");
        if (l != null) {
            if (!l.matches("[0-9]{1,6}")) throw new HttpResponseException(400, "limit must be a whole number of digits 0-9, got " + l);
            limit = Math.max(1, Integer.parseInt(l));
        }
        ApiJson.send(ctx, 200, Map.of("entries", audit.recent(limit)));
    }

    // --- helpers ---

    private CampaignRecord campaignOf(Context ctx) {
        String id = ctx.pathParam("id");
        return store.campaigns().find(id).orElseThrow(() -> new HttpResponseException(404, "no campaign " + id));
    }

    private RunRecord runOf(Context ctx) {
        String id = ctx.pathParam("id");
        return store.runs().find(id).orElseThrow(() -> new HttpResponseException(404, "no run " + id));
    }

    private CatalogEntry scenarioOf(Context ctx) {
        String id = ctx.pathParam("id");
        return store.catalog().find(id).orElseThrow(() -> new HttpResponseException(404, "no scenario " + id));
    }

    private Path runDir(RunRecord r) {
        return context.dataDir().resolve("runs").resolve(r.id());
    }

    private Path scenarioDir(CatalogEntry e) {
        return context.dataDir().resolve(e.location());
    }

    private static void send(Context ctx, Path file) throws java.io.IOException {
        String type = Files.probeContentType(file);
        ctx.contentType(type == null ? "application/octet-stream" : type);
        ctx.header("Content-Disposition", "inline; filename=\"" + file.getFileName().toString().replace("\"", "") + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(Files.readAllBytes(file));
    }

    private static Object readTree(String json) {
        try {
            return ApiJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) throw new HttpResponseException(400, "the request has no body; send a JSON object such as {\"pack\": \"sql-quiz\", \"count\": 3}");
        Object v;
        try {
            v = ApiJson.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpResponseException(400, "the body is not JSON: " + e.getOriginalMessage());
        }
        if (!(v instanceof Map<?, ?> m)) throw new HttpResponseException(400, "the body must be a JSON object, e.g. {\"pack\": \"sql-quiz\", \"count\": 3}");
        return (Map<String, Object>) m;
    }
}
