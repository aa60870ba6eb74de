package dev.scenarist.server.pages;

import dev.scenarist.server.ServerContext;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.audit.AuditLog;
import dev.scenarist.server.events.EventStream;
import dev.scenarist.server.jobs.CampaignJobs;
import dev.scenarist.server.pages.audit.AuditPage;
import dev.scenarist.server.pages.campaigns.CampaignPage;
import dev.scenarist.server.pages.campaigns.CampaignStream;
import dev.scenarist.server.pages.campaigns.CampaignsPage;
import dev.scenarist.server.pages.config.NewCampaignPage;
import dev.scenarist.server.pages.runs.RunPage;
import dev.scenarist.server.security.Access;

/**
 * The dashboard's own pages — assets, campaigns, the configuration panel, the campaign page and its stream, the run page,
 * the audit page — built from what the server holds and registered in one place. Only wiring: each page is its own class.
 * {@code /campaigns/new} and {@code /campaigns/list} are registered before {@code /campaigns/{id}}, which would match them.
 */
public final class Dashboard {
    private final ServerContext context;
    private final Access access;
    private final CampaignJobs jobs;
    private final EventStream events;
    private final AuditLog audit;

    public Dashboard(ServerContext context, Access access, CampaignJobs jobs, EventStream events, AuditLog audit) {
        this.context = context;
        this.access = access;
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
    }

    public void register(RouteTable routes) {
        PackCatalog packs = new PackCatalog(context.requests());
        new Assets().register(routes);
        new CampaignsPage(context.store(), access, jobs).register(routes);
        new NewCampaignPage(context.store(), context.campaigns(), context.requests(), jobs, access, packs).register(routes);
        new CampaignPage(context.store(), access, packs, jobs, context.campaigns()).register(routes);
        new CampaignStream(context.store(), events, packs, jobs, context.clock()).register(routes);
        new RunPage(context.store(), access, context.dataDir()).register(routes);
        new AuditPage(audit, access).register(routes);
    }
}
