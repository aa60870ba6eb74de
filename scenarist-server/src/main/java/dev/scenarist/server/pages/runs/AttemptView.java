package dev.scenarist.server.pages.runs;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.server.pages.Badge;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Numbers;
import java.util.List;
import java.util.Optional;

/**
 * One attempt on the run's timeline: verdict, tokens, cost and time; each check with its status and duration; the
 * findings for people (message, where, fix); and, folded, the prompt, the reply and the diff against the version before
 * (loaded when opened).
 */
final class AttemptView {
    private AttemptView() {}

    static String render(String runId, AttemptRecord a, Optional<Step> step, List<CheckRecord> checks, Optional<FileVersions.Version> version) {
        String verdict = a.verdict().label();
        StringBuilder b = new StringBuilder();
        b.append("<li class=\"").append(Html.escape(verdict)).append("\" id=\"attempt-").append(a.seq()).append("\"><div class=\"attempt\" data-seq=\"")
                .append(a.seq()).append("\"><div class=\"head\"><b>").append(a.stageAttempt() == 0 ? "infrastructure" : "attempt " + a.stageAttempt())
                .append("</b>").append(Badge.state(verdict)).append("<span class=\"small muted\">#").append(a.seq())
                .append(a.model().isEmpty() ? "" : " · " + Html.escape(a.model())).append("</span><span class=\"nums\">")
                .append(Html.escape(Numbers.usage(a.usage()))).append(" · in ").append(a.usage().inputTokens()).append(" / out ").append(a.usage().outputTokens())
                .append(step.map(s -> " · " + Numbers.millis(s.millis())).orElse("")).append("</span></div>");
        if (!checks.isEmpty()) {
            b.append("<table class=\"checks-table\">");
            for (CheckRecord c : checks) {
                b.append("<tr class=\"check\"><td><code>").append(Html.escape(c.check())).append("</code></td><td>").append(Badge.state(c.status().label()))
                        .append("</td><td class=\"small muted\">").append(Html.escape(Numbers.millis(c.durationMillis()))).append("</td><td class=\"small muted\">")
                        .append(c.score().isPresent() ? String.format(java.util.Locale.ROOT, "score %.2f", c.score().getAsDouble()) : "").append("</td></tr>");
            }
            b.append("</table>");
        }
        if (!a.findings().isEmpty()) {
            b.append("<ul class=\"findings\">");
            for (Finding f : a.findings()) {
                b.append("<li class=\"finding ").append(Html.escape(f.severity().label())).append("\"><span class=\"code\">").append(Html.escape(f.code()))
                        .append("</span> <span class=\"small muted\">").append(Html.escape(f.severity().label())).append(f.location().isEmpty() ? "" : " at " + Html.escape(f.location()))
                        .append("</span>: ").append(Html.escape(f.message())).append(f.fix().isEmpty() ? "" : " <span class=\"fix\">Fix: " + Html.escape(f.fix()) + "</span>")
                        .append("</li>");
            }
            b.append("</ul>");
        }
        step.ifPresent(s -> {
            if (!s.prompt().isEmpty() || !s.system().isEmpty()) {
                b.append("<details class=\"prompt\"><summary>Prompt").append(s.modelSettings().isEmpty() ? "" : " <span class=\"muted\">(" + Html.escape(s.modelSettings()) + ")</span>")
                        .append("</summary>");
                if (!s.system().isEmpty()) b.append("<h3>System</h3><pre>").append(Html.escape(s.system())).append("</pre>");
                b.append("<h3>Prompt</h3><pre>").append(Html.escape(s.prompt())).append("</pre></details>");
            }
            if (!s.reply().isEmpty()) b.append("<details class=\"reply\"><summary>Reply</summary><pre>").append(Html.escape(s.reply())).append("</pre></details>");
        });
        version.ifPresent(v -> {
            String from = v.previous().map(String::valueOf).orElse("0");
            b.append("<details class=\"attempt-diff\" hx-get=\"/runs/").append(Html.escape(runId)).append("/diff?from=").append(from).append("&amp;to=").append(v.seq())
                    .append("\" hx-trigger=\"toggle once\" hx-target=\"find .diff-body\"><summary>Files: diff against ")
                    .append(v.previous().map(p -> "#" + p).orElse("the empty start")).append(v.rebuilt() ? " <span class=\"muted\">(rebuilt from the reply)</span>" : "")
                    .append("</summary><div class=\"diff-body\"><p class=\"muted small\">loading…</p></div></details>");
        });
        return b.append("</div></li>").toString();
    }
}
