package dev.scenarist.server.pages;

import dev.scenarist.core.analytics.Analytics;
import dev.scenarist.core.analytics.AnalyticsFilter;
import dev.scenarist.core.lessons.LessonEdit;
import dev.scenarist.core.lessons.LessonRequestException;
import dev.scenarist.core.lessons.Lessons;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.LessonRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.api.CampaignApi;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code /lessons}: a pack's lessons in a form — edit the text, switch each on or off, remove, add one's own — plus
 * "refresh from findings" and the pass rates with and without lessons. The forms carry the CSRF token and are audited.
 */
public final class LessonsPage {
    private final Store store;
    private final Lessons lessons;
    private final Analytics analytics;
    private final Access access;

    public LessonsPage(Store store, Lessons lessons, Analytics analytics, Access access) {
        this.store = store;
        this.lessons = lessons;
        this.analytics = analytics;
        this.access = access;
    }

    public void register(RouteTable routes) {
        routes.get("/lessons", "pages", "Lessons per pack: edit, switch on or off, refresh (?pack=P)", "html", this::render);
        routes.postForm("/lessons/{pack}", "pages", "Save the lessons form of a pack", this::save);
        routes.postForm("/lessons/{pack}/refresh", "pages", "Learn a pack's lessons again from its findings", this::refresh);
    }

    private void render(Context ctx) {
        Optional<String> pack = Optional.ofNullable(ctx.queryParam("pack")).filter(p -> !p.isBlank());
        page(ctx, pack, Optional.ofNullable(ctx.queryParam("saved")).map(s -> s.equals("refresh") ? "Refreshed from the findings." : "Saved."),
                Optional.empty(), 200);
    }

    private void page(Context ctx, Optional<String> pack, Optional<String> notice, Optional<String> error, int status) {
        String csrf = access.ensureCsrfCookie(ctx);
        StringBuilder h = new StringBuilder("<div class=\"page-head\"><h1>Lessons</h1></div>\n")
                .append("<p class=\"muted\">A pack's most frequent failures, as one-line guidance. Campaigns started with lessons on")
                .append(" (<code>--lessons</code>, <code>lessons: true</code>) add the enabled ones to their prompts, frozen when the campaign is created.</p>\n");
        TreeSet<String> packs = new TreeSet<>(lessons.packs());
        store.campaigns().list().stream().map(CampaignRecord::pack).forEach(packs::add);
        h.append("<nav class=\"tabs\" id=\"lesson-packs\">");
        for (String p : packs) {
            h.append("<a href=\"/lessons?pack=").append(Html.escape(url(p))).append('"').append(pack.filter(p::equals).isPresent() ? " class=\"current\"" : "")
                    .append('>').append(Html.escape(p)).append("</a>");
        }
        if (packs.isEmpty()) h.append("<span class=\"muted\">no packs with campaigns yet</span>");
        h.append("</nav>\n");
        notice.ifPresent(n -> h.append("<p class=\"notice ok\" role=\"status\">").append(Html.escape(n)).append("</p>"));
        error.ifPresent(e -> h.append("<p class=\"error\" role=\"alert\">").append(Html.escape(e)).append("</p>"));
        pack.ifPresent(p -> h.append(packSection(p, csrf)));
        ctx.status(status).contentType("text/html; charset=utf-8").result(Layout.page("Lessons", Layout.Section.LESSONS, csrf, h.toString()));
    }

    private String packSection(String pack, String csrf) {
        String action = "/lessons/" + Html.escape(url(pack));
        StringBuilder h = new StringBuilder("<h2>").append(Html.escape(pack)).append("</h2>\n");
        h.append("<form method=\"post\" action=\"").append(action).append("/refresh\" class=\"inline\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.escape(csrf)).append("\">")
                .append("<button type=\"submit\" id=\"refresh-lessons\">Refresh from findings</button></form>\n");
        List<LessonRecord> list = lessons.of(pack);
        h.append("<form method=\"post\" action=\"").append(action).append("\" id=\"lessons-form\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.escape(csrf)).append("\">")
                .append("<table class=\"list\" id=\"lessons\"><thead><tr><th>on</th><th>lesson</th><th>stage</th><th>from</th>")
                .append("<th>seen</th><th>remove</th></tr></thead><tbody>");
        for (LessonRecord l : list) {
            String k = Html.escape(l.key());
            h.append("<tr><td><input type=\"hidden\" name=\"present:").append(k).append("\" value=\"1\">")
                    .append("<input type=\"checkbox\" name=\"enabled:").append(k).append("\" aria-label=\"enabled ").append(k).append('"')
                    .append(l.enabled() ? " checked" : "").append("></td>")
                    .append("<td><input type=\"text\" class=\"lesson-text\" maxlength=\"").append(Lessons.MAX_TEXT).append("\" name=\"text:").append(k)
                    .append("\" aria-label=\"text of ").append(k).append("\" value=\"").append(Html.escape(l.text())).append("\">")
                    .append(l.edited() ? " <span class=\"muted small\">edited</span>" : "").append("</td>")
                    .append("<td>").append(Html.escape(l.stage().isEmpty() ? "every stage" : l.stage())).append("</td>")
                    .append("<td class=\"mono small\">").append(k).append("</td><td>").append(l.occurrences()).append("</td>")
                    .append("<td><input type=\"checkbox\" name=\"remove:").append(k).append("\" aria-label=\"remove ").append(k).append("\"></td></tr>");
        }
        if (list.isEmpty()) {
            h.append("<tr><td colspan=\"6\" class=\"muted\">no lessons yet: run a campaign, then refresh from its findings, or add one below</td></tr>");
        }
        h.append("</tbody></table>\n<p class=\"new-lesson\"><label>New lesson <input type=\"text\" class=\"lesson-text\" name=\"new_text\" maxlength=\"")
                .append(Lessons.MAX_TEXT).append("\"></label> <label>for stage <input type=\"text\" class=\"lesson-stage\" name=\"new_stage\" placeholder=\"every\"></label></p>")
                .append("<p><button type=\"submit\" class=\"primary\" id=\"save-lessons\">Save</button></p></form>\n");
        h.append(AnalyticsPage.lessonEffect(analytics.report(AnalyticsFilter.pack(pack)).lessonEffect()));
        return h.toString();
    }

    private void save(Context ctx) {
        String pack = ctx.pathParam("pack");
        ctx.attribute(CampaignApi.AUDIT_ACTION, "lessons.edit");
        ctx.attribute(CampaignApi.AUDIT_TARGET, pack);
        List<LessonEdit> edits = new ArrayList<>();
        for (LessonRecord l : lessons.of(pack)) {
            String k = l.key();
            // a lesson added since this form was drawn is not on it: leave it alone rather than switch it off
            if (ctx.formParam("present:" + k) == null) continue;
            if (ctx.formParam("remove:" + k) != null) {
                edits.add(new LessonEdit.Remove(k));
                continue;
            }
            Optional<String> text = Optional.ofNullable(ctx.formParam("text:" + k)).filter(t -> !t.strip().equals(l.text()));
            boolean enabled = ctx.formParam("enabled:" + k) != null;
            if (text.isPresent() || enabled != l.enabled()) edits.add(new LessonEdit.Change(k, text, Optional.of(enabled)));
        }
        String added = Optional.ofNullable(ctx.formParam("new_text")).orElse("");
        if (!added.isBlank()) edits.add(new LessonEdit.Add(added, Optional.ofNullable(ctx.formParam("new_stage")).orElse("").strip(), true));
        try {
            lessons.edit(pack, edits);
        } catch (LessonRequestException e) {
            ctx.attribute(CampaignApi.AUDIT_DETAIL, e.getMessage());
            page(ctx, Optional.of(pack), Optional.empty(), Optional.of(e.getMessage()), 400);
            return;
        }
        ctx.attribute(CampaignApi.AUDIT_DETAIL, edits.size() + " edit(s)");
        ctx.redirect("/lessons?pack=" + url(pack) + "&saved=1", HttpStatus.SEE_OTHER);
    }

    private void refresh(Context ctx) {
        String pack = ctx.pathParam("pack");
        ctx.attribute(CampaignApi.AUDIT_ACTION, "lessons.refresh");
        ctx.attribute(CampaignApi.AUDIT_TARGET, pack);
        var r = lessons.refresh(pack);
        ctx.attribute(CampaignApi.AUDIT_DETAIL, "added " + r.added() + ", dropped " + r.dropped());
        ctx.redirect("/lessons?pack=" + url(pack) + "&saved=refresh", HttpStatus.SEE_OTHER);
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
