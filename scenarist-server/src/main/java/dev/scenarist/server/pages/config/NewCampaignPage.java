package dev.scenarist.server.pages.config;

import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.Store;
import dev.scenarist.server.CampaignRequests;
import dev.scenarist.server.CampaignRequests.FieldError;
import dev.scenarist.server.api.CampaignApi;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.jobs.CampaignJobs;
import dev.scenarist.server.pages.Layout;
import dev.scenarist.server.pages.PackCatalog;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /campaigns/new}: the configuration panel. Its post goes through the very {@link CampaignRequests#prepare} that
 * {@code POST /api/campaigns} uses, so the same values are refused with the same messages — shown here next to their
 * inputs, the form filled in as it was (400). "Generate 3 as a preview" creates and starts a campaign of three with the
 * same configuration (its category marked "preview") and shows it live beside the form; "Generate N" creates the full
 * campaign — from the seed after the preview's runs ({@link PreviewSeed}) — and opens its page.
 */
public final class NewCampaignPage {
    private final Store store;
    private final Campaigns campaigns;
    private final CampaignRequests requests;
    private final CampaignJobs jobs;
    private final Access access;
    private final PackCatalog packs;

    public NewCampaignPage(Store store, Campaigns campaigns, CampaignRequests requests, CampaignJobs jobs, Access access, PackCatalog packs) {
        this.store = store;
        this.campaigns = campaigns;
        this.requests = requests;
        this.jobs = jobs;
        this.access = access;
        this.packs = packs;
    }

    public void register(RouteTable routes) {
        routes.get("/campaigns/new", "pages", "The campaign configuration panel (query parameters fill it in; ?preview=C shows a preview)", "html", this::form);
        routes.postForm("/campaigns/new", "pages", "Create a campaign from the panel's form (action=preview: 3 with the same configuration)", this::create);
    }

    private void form(Context ctx) {
        CampaignForm form = ctx.queryParamMap().isEmpty() ? CampaignForm.DEFAULTS : CampaignForm.of(ctx.queryParamMap());
        render(ctx, 200, form, FieldErrors.NONE);
    }

    private void create(Context ctx) throws InterruptedException {
        CampaignForm form = CampaignForm.of(ctx.formParamMap());
        boolean preview = "preview".equals(form.get("action"));
        ctx.attribute(CampaignApi.AUDIT_ACTION, "campaign.create");
        List<FieldError> own = form.ownErrors();
        if (!own.isEmpty()) {
            refused(ctx, form, own, "the form has " + own.size() + " problem(s)");
            return;
        }
        Map<String, Object> body = preview
                ? form.request(String.valueOf(CampaignForm.PREVIEW_COUNT), form.previewCategory())
                : form.request(form.get("count"), form.get("category"));
        CampaignRequests.Prepared prepared;
        try {
            prepared = requests.prepare(body);
        } catch (CampaignRequests.InvalidRequestException e) {
            refused(ctx, form, e.errors(), e.getMessage());
            return;
        }
        String afterPreview = "";
        if (!preview && !form.get("preview").isEmpty()) {
            var seed = PreviewSeed.after(store, form.get("preview"), prepared.spec().pack(), prepared.spec().seed(), jobs::runsHere);
            if (seed.isPresent()) {
                body.put("seed", seed.getAsLong());
                prepared = requests.prepare(body); // the same request with another seed: it passed once, it passes again
                afterPreview = ", seed " + seed.getAsLong() + " (after preview " + form.get("preview") + ")";
            }
        }
        CampaignRecord c = campaigns.create(prepared.spec(), prepared.pack());
        jobs.start(c.id());
        ctx.attribute(CampaignApi.AUDIT_TARGET, c.id());
        ctx.attribute(CampaignApi.AUDIT_DETAIL, (preview ? "preview: " : "") + c.pack() + " x" + c.requested() + ", author " + prepared.spec().author()
                + afterPreview + " (dashboard form)");
        if (preview) ctx.redirect("/campaigns/new?" + form.with("preview", c.id()).query(), io.javalin.http.HttpStatus.SEE_OTHER);
        else ctx.redirect("/campaigns/" + c.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, CampaignForm form, List<FieldError> errors, String message) {
        ctx.attribute(CampaignApi.AUDIT_DETAIL, "refused: " + message);
        var pack = new CampaignFormView(packs.all(), form, FieldErrors.NONE, "").pack();
        render(ctx, 400, form, new FieldErrors(errors, CampaignFormView.inputs(pack)));
    }

    private void render(Context ctx, int status, CampaignForm form, FieldErrors errors) {
        String csrf = access.ensureCsrfCookie(ctx);
        var view = new CampaignFormView(packs.all(), form, errors, csrf);
        String preview = form.get("preview");
        StringBuilder b = new StringBuilder("<div class=\"page-head\"><div><h1>New campaign</h1><p class=\"muted\">Every value is checked as")
                .append(" <code>scenarist generate</code> checks its options and <code>--config</code> file.</p></div></div>");
        if (preview.isEmpty()) {
            b.append(view.render());
        } else {
            b.append("<div class=\"layout-2\"><div>").append(view.render()).append("</div><div>")
                    .append(PreviewPanel.render(preview, store, packs, jobs)).append("</div></div>");
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(Layout.page("New campaign", Layout.Section.CAMPAIGNS, csrf, b.toString()));
    }
}
