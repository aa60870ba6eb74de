package dev.scenarist.server.pages.config;

import dev.scenarist.server.CampaignRequests.PackInfo;
import dev.scenarist.server.CampaignRequests.StageInfo;
import dev.scenarist.server.pages.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration panel's form: pack, count and options; author and model per stage; timeouts; concurrency; budgets;
 * category; approval gates; lessons. Changing the pack re-renders the form (its stages differ) keeping what was typed.
 * Each input carries the messages of its field errors.
 *
 * <p>Attempts per stage and refine rounds show the pack's own as placeholders; a value (1–5) becomes the request's
 * {@code attempts}/{@code refine_rounds} key, checked like a configuration file's.
 */
public final class CampaignFormView {
    private final List<PackInfo> packs;
    private final CampaignForm form;
    private final FieldErrors errors;
    private final String csrf;

    public CampaignFormView(List<PackInfo> packs, CampaignForm form, FieldErrors errors, String csrf) {
        this.packs = packs;
        this.form = form;
        this.errors = errors;
        this.csrf = csrf;
    }

    /** The input names the form has for a pack: where field errors may land. */
    public static List<String> inputs(Optional<PackInfo> pack) {
        List<String> names = new ArrayList<>(List.of("pack", "count", "tier", "options", "author", "seed", "concurrency", "models.default.model",
                "models.default.temperature", "models.default.max_tokens", "models.default.timeout", "budget.max_runs", "budget.max_tokens",
                "budget.max_cost_usd", "budget.max_wall", "category", "approve_after", "lessons", "models.stages", "models", "budget", "attempts", "refine_rounds"));
        pack.ifPresent(p -> p.stages().forEach(s -> {
            names.add("models.stages." + s.name() + ".model");
            names.add("models.stages." + s.name() + ".timeout");
            if (s.maxAttempts() > 0) names.add("attempts." + s.name());
            if (s.rounds() > 0) names.add("refine_rounds." + s.name());
        }));
        return names;
    }

    public Optional<PackInfo> pack() {
        String name = form.get("pack");
        return packs.stream().filter(p -> p.name().equals(name)).findFirst().or(() -> name.isEmpty() ? packs.stream().findFirst() : Optional.empty());
    }

    public String render() {
        Optional<PackInfo> pack = pack();
        StringBuilder b = new StringBuilder();
        b.append("<form id=\"campaign-form\" class=\"config\" method=\"post\" action=\"/campaigns/new\" novalidate>");
        b.append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(Html.escape(csrf)).append("\">");
        if (!form.get("preview").isEmpty()) b.append(hidden("preview", form.get("preview")));
        b.append(errors.general());

        b.append("<fieldset><legend>What to generate</legend><div class=\"fields\">");
        b.append(packSelect(pack));
        b.append(input("count", "Count", "number", "accepted scenarios wanted (1–100000)",
                "min=\"1\" max=\"100000\" oninput=\"document.getElementById('generate-button').textContent = 'Generate ' + (this.value || 'N')\""));
        b.append(input("tier", "Tier", "text", "a pack option, e.g. 2 for mechanisms (empty: the pack's default)", ""));
        b.append(input("category", "Category", "text", "groups campaigns into tabs, e.g. onboarding", ""));
        b.append(textarea("options", "Pack options", "one key=value a line, e.g. family=hinge"));
        b.append("</div>");
        pack.ifPresent(p -> b.append("<p class=\"small muted\" id=\"pack-description\">").append(Html.escape(p.description())).append("</p>"));
        b.append("</fieldset>");

        b.append("<fieldset><legend>Author and models</legend><div class=\"fields\">");
        b.append(input("author", "Author", "text", "offline, cassette:FILE, or provider:model such as openai:gpt-4.1", ""));
        b.append(input("models.default.model", "Model (all stages)", "text", "empty: the author's default", ""));
        b.append(input("models.default.temperature", "Temperature", "text", "0 to 2", ""));
        b.append(input("models.default.max_tokens", "Max tokens per reply", "number", "", "min=\"1\""));
        b.append(input("models.default.timeout", "Timeout per call", "text", "e.g. 90s, 2m (default 5m)", ""));
        b.append(input("seed", "Seed", "number", "run n gets seed + n (default 0)", ""));
        b.append(input("concurrency", "Concurrency", "number", "runs in flight at once (1–256)", "min=\"1\" max=\"256\""));
        b.append("</div></fieldset>");

        pack.ifPresent(p -> b.append(stages(p)));

        b.append("<fieldset><legend>Budget</legend><div class=\"fields\">");
        b.append(input("budget.max_runs", "Max runs", "number", "default 10 × count", "min=\"1\""));
        b.append(input("budget.max_tokens", "Max tokens", "number", "", "min=\"1\""));
        b.append(input("budget.max_cost_usd", "Max cost (USD)", "text", "e.g. 5.00", ""));
        b.append(input("budget.max_wall", "Max wall time", "text", "e.g. 30m, 2h", ""));
        b.append("</div></fieldset>");

        b.append("<fieldset><legend>Learning</legend><div class=\"field\"><label><input type=\"checkbox\" name=\"lessons\" value=\"on\"")
                .append(form.lessons() ? " checked" : "").append("> Add lessons learnt from this pack's frequent findings to the prompts</label>")
                .append(errors.under("lessons")).append("</div></fieldset>");

        b.append("<div class=\"actions\">")
                .append("<button type=\"submit\" name=\"action\" value=\"preview\" id=\"preview-button\">Generate ").append(CampaignForm.PREVIEW_COUNT)
                .append(" as a preview</button>")
                .append("<button type=\"submit\" name=\"action\" value=\"full\" class=\"primary\" id=\"generate-button\">Generate ")
                .append(Html.escape(form.get("count").isEmpty() ? "N" : form.get("count"))).append("</button>")
                .append("<span class=\"small muted\">A preview is a campaign of ").append(CampaignForm.PREVIEW_COUNT)
                .append(" with the same configuration, in the category \"").append(Html.escape(form.previewCategory())).append("\".</span></div>");
        b.append("</form>");
        return b.toString();
    }

    private String packSelect(Optional<PackInfo> chosen) {
        StringBuilder b = new StringBuilder(open("pack", "Pack"));
        b.append("<select id=\"f-pack\" name=\"pack\" hx-get=\"/campaigns/new\" hx-trigger=\"change\" hx-include=\"closest form\" hx-target=\"#campaign-form\"")
                .append(" hx-select=\"#campaign-form\" hx-swap=\"outerHTML\">");
        for (PackInfo p : packs) {
            b.append("<option value=\"").append(Html.escape(p.name())).append('"').append(chosen.map(c -> c.name().equals(p.name())).orElse(false) ? " selected" : "")
                    .append('>').append(Html.escape(p.name())).append("</option>");
        }
        if (chosen.isEmpty() && !form.get("pack").isEmpty()) {
            b.append("<option value=\"").append(Html.escape(form.get("pack"))).append("\" selected>").append(Html.escape(form.get("pack"))).append(" (unknown)</option>");
        }
        b.append("</select><div class=\"hint\">see <code>scenarist packs</code></div>").append(errors.under("pack")).append("</div>");
        return b.toString();
    }

    /** Per stage: what the pack allows (attempts, refine rounds), a model and timeout of its own, an approval gate after it. */
    private String stages(PackInfo p) {
        StringBuilder b = new StringBuilder("<fieldset><legend>Stages of ").append(Html.escape(p.name())).append("</legend>");
        b.append("<table class=\"list stages\" id=\"stage-table\"><thead><tr><th>stage</th><th>kind</th><th>attempts</th><th>refine rounds</th>")
                .append("<th>model</th><th>timeout</th><th>approve after</th></tr></thead><tbody>");
        for (StageInfo s : p.stages()) {
            String model = "models.stages." + s.name() + ".model";
            String timeout = "models.stages." + s.name() + ".timeout";
            String attempts = "attempts." + s.name();
            String rounds = "refine_rounds." + s.name();
            b.append("<tr data-stage=\"").append(Html.escape(s.name())).append("\"><td><b>").append(Html.escape(s.name())).append("</b></td><td>")
                    .append(Html.escape(s.kind())).append("</td><td class=\"field").append(errors.has(attempts) ? " invalid" : "").append("\">");
            // attempts and rounds: empty keeps the pack's own (shown as the placeholder); 1-5 replaces it for this campaign
            if (s.maxAttempts() > 0) b.append(bare(attempts, "number", String.valueOf(s.maxAttempts()), "min=\"1\" max=\"5\" class=\"narrow\"")).append(errors.under(attempts));
            else b.append("—");
            b.append("</td><td class=\"field").append(errors.has(rounds) ? " invalid" : "").append("\">");
            if (s.rounds() > 0) b.append(bare(rounds, "number", String.valueOf(s.rounds()), "min=\"1\" max=\"5\" class=\"narrow\"")).append(errors.under(rounds));
            else b.append("—");
            b.append("</td><td class=\"field").append(errors.has(model) ? " invalid" : "").append("\">");
            if (s.maxAttempts() > 0) {
                b.append(bare(model, "text", "default")).append(errors.under(model));
            }
            b.append("</td><td class=\"field").append(errors.has(timeout) ? " invalid" : "").append("\">");
            if (s.maxAttempts() > 0) b.append(bare(timeout, "text", "e.g. 2m")).append(errors.under(timeout));
            b.append("</td><td><label><input type=\"checkbox\" name=\"approve_after\" value=\"").append(Html.escape(s.name())).append('"')
                    .append(form.approveAfter().contains(s.name()) ? " checked" : "").append("> pause</label></td></tr>");
        }
        b.append("</tbody></table>");
        b.append(errors.under("approve_after")).append(errors.under("models.stages")).append(errors.under("models"))
                .append(errors.under("attempts")).append(errors.under("refine_rounds"));
        b.append("<p class=\"small muted\" id=\"attempts-note\">Attempts and refine rounds: leave empty for the pack's own (shown greyed),")
                .append(" or set 1–5 for this campaign.</p></fieldset>");
        return b.toString();
    }

    private String input(String name, String label, String type, String hint, String extra) {
        return open(name, label) + bare(name, type, "", extra) + (hint.isEmpty() ? "" : "<div class=\"hint\">" + Html.escape(hint) + "</div>")
                + errors.under(name) + "</div>";
    }

    private String textarea(String name, String label, String hint) {
        return open(name, label) + "<textarea id=\"" + id(name) + "\" name=\"" + Html.escape(name) + "\">" + Html.escape(form.get(name)) + "</textarea>"
                + "<div class=\"hint\">" + Html.escape(hint) + "</div>" + errors.under(name) + "</div>";
    }

    private String open(String name, String label) {
        return "<div class=\"field" + (errors.has(name) ? " invalid" : "") + "\" data-field=\"" + Html.escape(name) + "\"><label for=\"" + id(name) + "\">"
                + Html.escape(label) + "</label>";
    }

    private String bare(String name, String type, String placeholder) {
        return bare(name, type, placeholder, "");
    }

    private String bare(String name, String type, String placeholder, String extra) {
        return "<input type=\"" + type + "\" id=\"" + id(name) + "\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(form.get(name)) + "\""
                + (placeholder.isEmpty() ? "" : " placeholder=\"" + Html.escape(placeholder) + "\"") + (errors.has(name) ? " aria-invalid=\"true\"" : "") + (extra.isEmpty() ? "" : " " + extra) + ">";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }

    private static String id(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
