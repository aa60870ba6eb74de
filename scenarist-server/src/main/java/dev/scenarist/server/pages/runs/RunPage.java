package dev.scenarist.server.pages.runs;

import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.ArtifactFiles;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.pages.Badge;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Layout;
import dev.scenarist.server.pages.Numbers;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /runs/{id}}: a run's trajectory as a timeline — per stage, each attempt with its prompt, reply, findings, checks
 * with timings, tokens and cost — the failure reason in plain words, the preview images the pack rendered, and diffs of
 * the files between any two attempts ({@code /runs/{id}/diff?from=A&to=B}, A = 0 for the empty start). Read from the
 * store (the committed attempts) and the run's folder (the trajectory's prompts and replies, the stage snapshots).
 */
public final class RunPage {
    private static final Set<String> IMAGES = Set.of("png", "svg", "jpg", "jpeg", "gif", "webp");

    private final Store store;
    private final Access access;
    private final Path runsDir;
    private final ArtifactFiles files;

    public RunPage(Store store, Access access, Path dataDir) {
        this.store = store;
        this.access = access;
        this.runsDir = dataDir.toAbsolutePath().normalize().resolve("runs");
        this.files = new ArtifactFiles(dataDir);
    }

    public void register(RouteTable routes) {
        routes.get("/runs/{id}", "pages", "A run's timeline: attempts, prompts, replies, findings, checks, diffs, previews", "html", this::page);
        routes.get("/runs/{id}/diff", "pages", "The diff of a run's files between two attempts (?from=SEQ&to=SEQ; 0 = the empty start)", "html", this::diff);
    }

    private void page(Context ctx) {
        String csrf = access.ensureCsrfCookie(ctx);
        RunRecord r = run(ctx);
        Path dir = runFiles(r).dir();
        List<Step> steps = Trajectory.read(runFiles(r).steps(), r.progress().trajectoryBytes());
        List<AttemptRecord> attempts = store.runs().attempts(r.id());
        List<CheckRecord> checks = store.runs().checks(r.id());
        FileVersions versions = new FileVersions(dir, steps);
        String id = Html.escape(r.id());

        StringBuilder b = new StringBuilder();
        b.append("<div class=\"page-head\"><div><h1>Run #").append(r.ordinal()).append(" <span class=\"mono small muted\">").append(id).append("</span> ")
                .append(Badge.state(r.state().label())).append("</h1><p class=\"muted\">campaign <a href=\"/campaigns/").append(Html.escape(r.campaignId())).append("\">")
                .append(Html.escape(r.campaignId())).append("</a> · ").append(Html.escape(r.pack())).append(" · seed ").append(r.seed()).append(" · ")
                .append(Html.escape(Numbers.usage(r.progress().usage()))).append(" · <a href=\"/api/runs/").append(id).append("\">json</a> · <a href=\"/api/runs/")
                .append(id).append("/files\">files</a></p>");
        if (!r.parameters().isEmpty()) b.append("<p class=\"small muted\">parameters: ").append(Html.escape(r.parameters().toString())).append("</p>");
        b.append("</div></div>");
        b.append(FailureReason.render(r, attempts));
        b.append(previews(r, dir));
        b.append(picker(r, versions));
        b.append("<h2>Timeline</h2>").append(timeline(r, steps, attempts, checks, versions));
        ctx.contentType("text/html; charset=utf-8").result(Layout.page("Run #" + r.ordinal(), Layout.Section.CAMPAIGNS, csrf, b.toString()));
    }

    private void diff(Context ctx) {
        RunRecord r = run(ctx);
        List<Step> steps = Trajectory.read(runFiles(r).steps(), r.progress().trajectoryBytes());
        FileVersions versions = new FileVersions(runFiles(r).dir(), steps);
        Optional<Integer> from = seq(ctx, "from", versions);
        Optional<Integer> to = seq(ctx, "to", versions);
        ctx.contentType("text/html; charset=utf-8").result(DiffView.render(versions.files(from), versions.files(to)));
    }

    /** {@code 0} is the empty start; any other value must be an attempt of this run. */
    private static Optional<Integer> seq(Context ctx, String param, FileVersions versions) {
        String v = ctx.queryParam(param);
        if (v == null || !v.matches("[0-9]{1,6}")) {
            throw new HttpResponseException(400, param + " must be an attempt number of the run (0 for the empty start), got " + (v == null ? "nothing" : v));
        }
        int n = Integer.parseInt(v);
        if (n == 0) return Optional.empty();
        if (versions.find(n).isEmpty()) throw new HttpResponseException(404, "the run has no attempt #" + n + " with files");
        return Optional.of(n);
    }

    /** Two lists of versions and a button: the diff between any two attempts (across stages too) appears below. */
    private static String picker(RunRecord r, FileVersions versions) {
        List<FileVersions.Version> all = versions.all();
        if (all.isEmpty()) return "";
        int last = all.getLast().seq();
        int before = all.size() > 1 ? all.getFirst().seq() : 0; // by default: everything after the first stage's first attempt
        StringBuilder b = new StringBuilder("<h2>Compare files</h2><form class=\"diff-picker\" id=\"diff-picker\" hx-get=\"/runs/")
                .append(Html.escape(r.id())).append("/diff\" hx-target=\"#diff-result\"><div class=\"field\"><label for=\"diff-from\">from</label>")
                .append(select("from", "diff-from", all, before)).append("</div><div class=\"field\"><label for=\"diff-to\">to</label>")
                .append(select("to", "diff-to", all, last)).append("</div><button type=\"submit\" id=\"diff-button\">Show diff</button></form>")
                .append("<div id=\"diff-result\"></div>");
        return b.toString();
    }

    private static String select(String name, String id, List<FileVersions.Version> all, int chosen) {
        StringBuilder b = new StringBuilder("<select name=\"" + name + "\" id=\"" + id + "\"><option value=\"0\"" + (chosen == 0 ? " selected" : "")
                + ">the empty start</option>");
        for (FileVersions.Version v : all) {
            b.append("<option value=\"").append(v.seq()).append('"').append(v.seq() == chosen ? " selected" : "").append('>').append(Html.escape(v.label()))
                    .append("</option>");
        }
        return b.append("</select>").toString();
    }

    /** Attempts grouped by stage in the order they ran; each stage opens with the diff of what it changed. */
    private static String timeline(RunRecord r, List<Step> steps, List<AttemptRecord> attempts, List<CheckRecord> checks, FileVersions versions) {
        if (attempts.isEmpty() && steps.isEmpty()) return "<p class=\"empty\">No attempt yet.</p>";
        Map<Integer, Step> stepBySeq = steps.stream().filter(Step::isAttempt).collect(Collectors.toMap(Step::seq, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        Map<Integer, List<CheckRecord>> checksBySeq = checks.stream().collect(Collectors.groupingBy(CheckRecord::attemptSeq));
        List<List<AttemptRecord>> byStage = new ArrayList<>();
        for (AttemptRecord a : attempts) {
            if (byStage.isEmpty() || !byStage.getLast().getFirst().stage().equals(a.stage())) byStage.add(new ArrayList<>());
            byStage.getLast().add(a);
        }
        // every other line (a person's edit, re-check, decision) is shown after the attempt it followed in the trajectory
        Map<Integer, List<Step>> afterSeq = new LinkedHashMap<>();
        int lastSeq = 0;
        for (Step s : steps) {
            if (s.isAttempt()) lastSeq = s.seq();
            else afterSeq.computeIfAbsent(lastSeq, k -> new ArrayList<>()).add(s);
        }
        StringBuilder b = new StringBuilder("<ol class=\"timeline\" id=\"timeline\">");
        afterSeq.getOrDefault(0, List.of()).forEach(s -> b.append(HumanStepView.render(s)));
        for (List<AttemptRecord> stage : byStage) {
            String name = stage.getFirst().stage();
            b.append("<li class=\"stage\" data-stage=\"").append(Html.escape(name)).append("\"><div class=\"stage-title\">Stage ").append(Html.escape(name))
                    .append(" <span class=\"small muted\">").append(stage.size()).append(stage.size() == 1 ? " attempt" : " attempts").append("</span></div>");
            stageDiff(r, stage, versions).ifPresent(b::append);
            b.append("<ol class=\"timeline\">");
            for (AttemptRecord a : stage) {
                b.append(AttemptView.render(r.id(), a, Optional.ofNullable(stepBySeq.get(a.seq())), checksBySeq.getOrDefault(a.seq(), List.of()),
                        versions.find(a.seq())));
            }
            b.append("</ol>");
            List<Step> people = new ArrayList<>();
            for (AttemptRecord a : stage) people.addAll(afterSeq.getOrDefault(a.seq(), List.of()));
            stage.forEach(a -> afterSeq.remove(a.seq()));
            if (!people.isEmpty()) {
                b.append("<ol class=\"timeline human-steps\">");
                people.forEach(s -> b.append(HumanStepView.render(s)));
                b.append("</ol>");
            }
            b.append("</li>");
        }
        afterSeq.remove(0);
        afterSeq.values().forEach(list -> list.forEach(s -> b.append(HumanStepView.render(s))));
        return b.append("</ol>").toString();
    }

    /** What a stage changed: from the version it started from to its passing attempt. */
    private static Optional<String> stageDiff(RunRecord r, List<AttemptRecord> stage, FileVersions versions) {
        Optional<FileVersions.Version> first = versions.find(stage.getFirst().seq());
        Optional<AttemptRecord> passed = stage.stream().filter(a -> a.verdict().label().equals("passed")).reduce((x, y) -> y);
        if (first.isEmpty() || passed.isEmpty() || versions.find(passed.get().seq()).isEmpty()) return Optional.empty();
        String from = first.get().previous().map(String::valueOf).orElse("0");
        return Optional.of("<details class=\"stage-diff\" hx-get=\"/runs/" + Html.escape(r.id()) + "/diff?from=" + from + "&amp;to=" + passed.get().seq()
                + "\" hx-trigger=\"toggle once\" hx-target=\"find .diff-body\"><summary>What this stage changed</summary><div class=\"diff-body\"></div></details>");
    }

    /** The images among the run's files (previews a pack rendered), served through the run's file route. */
    private String previews(RunRecord r, Path dir) {
        List<String> images = files.list(dir).stream().map(m -> String.valueOf(m.get("path")))
                .filter(p -> !p.startsWith("snapshots/") && !p.startsWith("failure/"))
                .filter(p -> IMAGES.contains(p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))).toList();
        if (images.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2>Previews</h2><div class=\"previews\" id=\"previews\">");
        for (String p : images) {
            String url = "/api/runs/" + enc(r.id()) + "/files/" + String.join("/", java.util.Arrays.stream(p.split("/")).map(RunPage::enc).toList());
            b.append("<figure><a href=\"").append(Html.escape(url)).append("\"><img src=\"").append(Html.escape(url)).append("\" alt=\"").append(Html.escape(p))
                    .append("\" loading=\"lazy\"></a><figcaption>").append(Html.escape(p)).append("</figcaption></figure>");
        }
        return b.append("</div>").toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The run's folder (the data layout's {@code runs/<id>}). */
    private RunFiles runFiles(RunRecord r) {
        return new RunFiles(runsDir.resolve(r.id()));
    }

    private RunRecord run(Context ctx) {
        String id = ctx.pathParam("id");
        return store.runs().find(id).orElseThrow(() -> new HttpResponseException(404, "no run " + id));
    }
}
