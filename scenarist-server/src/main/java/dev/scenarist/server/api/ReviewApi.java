package dev.scenarist.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.review.FileOverride;
import dev.scenarist.core.review.PausedRun;
import dev.scenarist.core.review.Recheck;
import dev.scenarist.core.review.ReviewQueue;
import dev.scenarist.core.review.ReviewRefusedException;
import dev.scenarist.core.store.ReviewDecision;
import dev.scenarist.server.jobs.RunContinuations;
import dev.scenarist.server.pages.RecheckView;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Human in the loop over HTTP: a paused run's gate (its files, a person's override of one, a re-check of the reviewed
 * stage, approve, reject) and the review queue of accepted scenarios (list, approve → promote, reject). Every change is
 * audited ({@link CampaignApi#AUDIT_ACTION}) and CSRF-checked like all mutations. Bodies are JSON, or a form post from
 * the pages — which is then answered with a redirect back to the page ({@code back}, a path on this server).
 */
public final class ReviewApi {
    private final Campaigns campaigns;
    private final RunContinuations continuations;

    private final java.nio.file.Path dataDir;

    /** @param dataDir the data folder, so a promotion's place is shown relative to it */
    public ReviewApi(Campaigns campaigns, RunContinuations continuations, java.nio.file.Path dataDir) {
        this.campaigns = campaigns;
        this.continuations = continuations;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public void register(RouteTable r) {
        r.get("/api/runs/{id}/gate", "review", "A paused run: the stage under review, its files (text of the editable ones)", "json", this::gate);
        r.put("/api/runs/{id}/gate/files/<path>", "review", "Override a file the reviewed stage may write ({\"content\": text})",
                "FileOverride", ctx -> override(ctx, ctx.pathParam("path")));
        r.post("/api/runs/{id}/gate/files", "review", "Override a file (form or JSON: path, content)", "FileOverride",
                ctx -> override(ctx, null));
        r.post("/api/runs/{id}/checks", "review", "Re-run the reviewed stage's checks on the run's files, without a model call", "", this::recheck);
        r.post("/api/runs/{id}/approve", "review", "Approve a paused run: it continues in this server from the next stage", "", this::approve);
        r.post("/api/runs/{id}/reject", "review", "Reject a paused run ({\"reason\": text})", "Reason", this::reject);
        r.get("/api/review", "review", "The review queue: accepted scenarios awaiting final approval, oldest first (?limit=N)", "json", this::queue);
        r.post("/api/review/{id}/approve", "review", "Approve a scenario: promoted into the dataset (409 when already decided)", "", this::approveScenario);
        r.post("/api/review/{id}/reject", "review", "Reject a scenario with a reason (409 when already decided)", "Reason", this::rejectScenario);
    }

    // --- a paused run ---

    private void gate(Context ctx) {
        PausedRun p = refusals(() -> campaigns.pausedRun(ctx.pathParam("id")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", p.runId());
        m.put("campaign_id", p.campaignId());
        m.put("pack", p.pack());
        m.put("stage", p.stage());
        m.put("pause", p.pause().name().toLowerCase(java.util.Locale.ROOT));
        m.put("detail", p.detail());
        m.put("editable", p.editable());
        m.put("files", p.files().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("path", f.path());
            fm.put("bytes", f.bytes());
            fm.put("editable", f.editable());
            f.content().ifPresent(c -> fm.put("content", c));
            return fm;
        }).toList());
        ApiJson.send(ctx, 200, m);
    }

    private void override(Context ctx, String pathParam) {
        String runId = ctx.pathParam("id");
        audit(ctx, "run.file.override", runId);
        Map<String, String> body = fields(ctx);
        String path = pathParam != null ? pathParam : body.get("path");
        if (path == null || path.isBlank()) throw new HttpResponseException(400, "path: name the file to override, e.g. \"path\": \"query.sql\"");
        String content = body.get("content");
        if (content == null) throw new HttpResponseException(400, "content: send the file's new text, e.g. {\"content\": \"SELECT 1;\\n\"}");
        // a browser's text area sends CRLF line ends; the scenario's files use LF
        if (isForm(ctx)) content = content.replace("\r\n", "\n");
        String text = content;
        FileOverride f = refusals(() -> campaigns.overrideFile(runId, path, text, Access.who(ctx)));
        ctx.attribute(CampaignApi.AUDIT_DETAIL, path + (f.changed() ? " +" + f.linesAdded() + " -" + f.linesRemoved() + " lines" : " unchanged"));
        // back on the gate page, a notice says what was saved (the numbers are the server's own, carried in the link)
        answer(ctx, 200, f, "/runs/" + runId + "/gate?saved=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)
                + "&added=" + f.linesAdded() + "&removed=" + f.linesRemoved());
    }

    private void recheck(Context ctx) throws InterruptedException {
        String runId = ctx.pathParam("id");
        audit(ctx, "run.recheck", runId);
        Recheck r = refusalsInterruptibly(() -> campaigns.recheckRun(runId, Access.who(ctx)));
        ctx.attribute(CampaignApi.AUDIT_DETAIL, "stage " + r.stage() + (r.passed() ? " passed" : " not passed"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("stage", r.stage());
        m.put("passed", r.passed());
        m.put("checks", r.checks().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("check", c.check());
            cm.put("tier", c.tier());
            cm.put("status", c.status().label());
            cm.put("findings", c.findings());
            c.error().ifPresent(e -> cm.put("error", e));
            return cm;
        }).toList());
        if (isForm(ctx) && "true".equals(ctx.header("HX-Request"))) {
            // the gate page shows the result in place: pass or the findings, readable
            ctx.status(200).contentType("text/html; charset=utf-8").result(RecheckView.render(r));
            return;
        }
        answer(ctx, 200, m, "/runs/" + runId + "/gate");
    }

    private void approve(Context ctx) {
        String runId = ctx.pathParam("id");
        audit(ctx, "run.approve", runId);
        if (continuations.continuing(runId)) throw new HttpResponseException(409, "run " + runId + " was approved already and is running in this server");
        Campaigns.Continuation next = refusals(() -> campaigns.approveLater(runId, Access.who(ctx)));
        continuations.start(runId, next);
        answer(ctx, 202, Map.of("run_id", runId, "result", "approved", "continues", "in this server; follow it at GET /api/runs/" + runId),
                "/runs/" + runId);
    }

    private void reject(Context ctx) {
        String runId = ctx.pathParam("id");
        audit(ctx, "run.reject", runId);
        String reason = fields(ctx).get("reason");
        ctx.attribute(CampaignApi.AUDIT_DETAIL, reason == null ? "" : reason);
        var r = refusals(() -> campaigns.rejectRun(runId, Access.who(ctx), reason));
        answer(ctx, 200, Map.of("run_id", r.id(), "state", r.state().label(), "reject_reason", r.rejectReason().map(x -> x.label()).orElse(""),
                "detail", r.detail()), "/runs/" + runId);
    }

    // --- the review queue ---

    private void queue(Context ctx) {
        int limit = 100;
        String l = ctx.queryParam("limit");
        if (l != null) {
            if (!l.matches("[0-9]{1,6}")) throw new HttpResponseException(400, "limit must be a whole number of digits 0-9, got " + l);
            limit = Integer.parseInt(l);
        }
        ApiJson.send(ctx, 200, Map.of("items", campaigns.reviewQueue(limit)));
    }

    private void approveScenario(Context ctx) {
        String id = ctx.pathParam("id");
        audit(ctx, "review.approve", id);
        ReviewQueue.Approved a = refusals(() -> campaigns.approveScenario(id, Access.who(ctx)));
        ctx.attribute(CampaignApi.AUDIT_DETAIL, "promoted to " + a.promotion().path());
        Map<String, Object> m = decision(a.decision());
        m.put("path", a.promotion().path().toString());
        java.nio.file.Path where = a.promotion().path().toAbsolutePath().normalize();
        String shown = where.startsWith(dataDir) ? dataDir.relativize(where).toString().replace('\\', '/') : where.toString();
        answer(ctx, 200, m, "/review?decided=" + url(id) + "&to=" + url(shown));
    }

    private void rejectScenario(Context ctx) {
        String id = ctx.pathParam("id");
        audit(ctx, "review.reject", id);
        String reason = fields(ctx).get("reason");
        ctx.attribute(CampaignApi.AUDIT_DETAIL, reason == null ? "" : reason);
        ReviewDecision d = refusals(() -> campaigns.rejectScenario(id, Access.who(ctx), reason));
        answer(ctx, 200, decision(d), "/review?decided=" + url(id));
    }

    private static Map<String, Object> decision(ReviewDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario_id", d.scenarioId());
        m.put("decision", d.verdict().label());
        m.put("reason", d.reason());
        m.put("who", d.who());
        m.put("decided_at", d.decidedAt());
        return m;
    }

    // --- helpers ---

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void audit(Context ctx, String action, String target) {
        ctx.attribute(CampaignApi.AUDIT_ACTION, action);
        ctx.attribute(CampaignApi.AUDIT_TARGET, target);
    }

    /** A refusal of the review, as the status it stands for: 404 no such thing, 400 a bad request, 409 the wrong state. */
    private static <T> T refusals(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ReviewRefusedException e) {
            throw new HttpResponseException(status(e), e.getMessage());
        }
    }

    private interface Interruptible<T> {
        T get() throws InterruptedException;
    }

    private static <T> T refusalsInterruptibly(Interruptible<T> call) throws InterruptedException {
        try {
            return call.get();
        } catch (ReviewRefusedException e) {
            throw new HttpResponseException(status(e), e.getMessage());
        }
    }

    private static int status(ReviewRefusedException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
        };
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
    }

    /** The body's fields: a form's, or a JSON object's (text values only; an empty body has none). */
    private static Map<String, String> fields(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        if (isForm(ctx)) {
            ctx.formParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) out.put(k, v.getFirst());
            });
            return out;
        }
        String text = ctx.body();
        if (text.isBlank()) return out;
        Object v;
        try {
            v = ApiJson.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpResponseException(400, "the body is not JSON: " + e.getOriginalMessage());
        }
        if (!(v instanceof Map<?, ?> m)) throw new HttpResponseException(400, "the body must be a JSON object, e.g. {\"reason\": \"off topic\"}");
        m.forEach((k, x) -> {
            if (x instanceof String s) out.put(String.valueOf(k), s);
            else if (x != null) throw new HttpResponseException(400, k + ": must be text, got " + ApiJson.write(x));
        });
        return out;
    }

    private static String prettyJson(Object v) {
        try {
            return ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** JSON for API clients; for a page's form post, a redirect back to the page (303), to {@code back} when it is a local path. */
    private static void answer(Context ctx, int status, Object json, String page) {
        if (!isForm(ctx)) {
            ApiJson.send(ctx, status, json);
            return;
        }
        if ("true".equals(ctx.header("HX-Request"))) {
            // htmx puts the answer into the page: the result, readable, in place (the re-check's findings)
            ctx.status(status).contentType("text/html; charset=utf-8")
                    .result("<pre class=\"result\">" + dev.scenarist.server.pages.Html.escape(prettyJson(json)) + "</pre>");
            return;
        }
        String back = ctx.formParam("back");
        String to = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : page;
        ctx.status(303).header("Location", to);
    }
}
