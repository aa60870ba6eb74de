package dev.scenarist.server;

import dev.scenarist.core.campaign.CampaignRequestException;
import dev.scenarist.server.api.ApiJson;
import dev.scenarist.server.api.CampaignApi;
import dev.scenarist.server.api.OpenApi;
import dev.scenarist.server.api.RouteTable;
import dev.scenarist.server.audit.AuditEntry;
import dev.scenarist.server.audit.AuditLog;
import dev.scenarist.server.audit.JsonlAuditLog;
import dev.scenarist.server.events.EventStream;
import dev.scenarist.server.api.ReviewApi;
import dev.scenarist.server.jobs.CampaignJobs;
import dev.scenarist.server.pages.Assets;
import dev.scenarist.server.pages.Dashboard;
import dev.scenarist.server.pages.ErrorPage;
import dev.scenarist.server.jobs.RunContinuations;
import dev.scenarist.server.metrics.EngineMetrics;
import dev.scenarist.server.pages.GatePage;
import dev.scenarist.server.pages.ReviewPage;
import dev.scenarist.server.security.Access;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scenarist serve}: Javalin on virtual threads over the application's store, event bus and campaigns facade.
 * Campaigns created here run in this process ({@link CampaignJobs}); campaigns run elsewhere are read from the store.
 * {@link #close} (Ctrl-C) pauses the campaigns it runs — their runs in flight stay resumable — then stops listening.
 */
public final class ScenaristServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScenaristServer.class);
    private static final Set<HandlerType> MUTATIONS = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final ServerOptions options;
    private final ServerContext context;
    private final Access access;
    private final CampaignJobs jobs;
    private final EventStream events;
    private final AuditLog audit;
    private final RunContinuations continuations;
    private final EngineMetrics metrics;
    private final Javalin app;
    private List<RouteTable.Route> routes = List.of();

    private ScenaristServer(ServerContext context, ServerOptions options) {
        this.options = options;
        this.context = context;
        this.access = new Access(options);
        this.jobs = new CampaignJobs(context.campaigns());
        this.audit = new JsonlAuditLog(context.dataDir());
        this.events = new EventStream(context.events(), context.store(), jobs::runningHere);
        this.continuations = new RunContinuations();
        this.metrics = new EngineMetrics(context.events(), context.store(), context.clock());
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            var table = new RouteTable(config.routes);
            config.routes.before(this::guard);
            config.routes.after(this::audit);
            // pages and form posts get an HTML page in the layout, API clients and htmx the JSON error (ErrorPage)
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (gone(ctx)) return;
                String message = e instanceof io.javalin.router.EndpointNotFound ? notFound(ctx) : e.getMessage();
                ErrorPage.send(ctx, e.getStatus(), code(e.getStatus()), message);
            });
            config.routes.exception(CampaignRequestException.class, (e, ctx) -> {
                if (!gone(ctx)) ErrorPage.send(ctx, 409, "conflict", e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (gone(ctx)) {
                    log.debug("a request ended before its error could be answered: {}", e.toString());
                    return;
                }
                log.warn("{} {} failed", ctx.method(), ctx.path(), e);
                ErrorPage.send(ctx, 500, "internal", "internal error: " + e);
            });
            config.routes.error(404, ctx -> {
                if (!gone(ctx) && (ctx.result() == null || ctx.result().isEmpty())) ErrorPage.send(ctx, 404, "not-found", notFound(ctx));
            });
            table.get("/login", "security", "Trade the token for a session cookie (?token=T), then go to /", "redirect", access::login);
            table.post("/logout", "security", "Forget this browser's session", "", access::logout);
            new CampaignApi(context, jobs, events, audit).register(table);
            new Dashboard(context, access, jobs, events, audit).register(table);
            var analytics = new dev.scenarist.core.analytics.Analytics(context.store());
            var lessons = new dev.scenarist.core.lessons.Lessons(context.store(), context.clock());
            new dev.scenarist.server.api.AnalyticsApi(analytics).register(table);
            new dev.scenarist.server.api.LessonApi(lessons).register(table);
            new dev.scenarist.server.pages.AnalyticsPage(context.store(), analytics, access).register(table);
            new dev.scenarist.server.pages.LessonsPage(context.store(), lessons, analytics, access).register(table);
            new ReviewApi(context.campaigns(), continuations, context.dataDir()).register(table);
            new ReviewPage(context.campaigns(), context.store(), access).register(table);
            new GatePage(context.campaigns(), access).register(table);
            table.get("/metrics", "operations", "Prometheus metrics: campaigns and runs by state, attempts, retries, tokens, cost, check latency",
                    "text", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            table.get("/openapi.json", "meta", "This description (OpenAPI 3.1)", "json", ctx -> ApiJson.send(ctx, 200, OpenApi.describe(routes)));
            routes = table.all();
        });
    }

    /** Starts listening; the options' port 0 picks a free port ({@link #port()}). */
    public static ScenaristServer start(ServerContext context, ServerOptions options) {
        var server = new ScenaristServer(context, options);
        server.app.start();
        return server;
    }

    public int port() {
        return app.port();
    }

    public Access access() {
        return access;
    }

    /** Every route, as {@code /openapi.json} describes them. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    public ServerOptions options() {
        return options;
    }

    /**
     * Size limit, then who is calling (401), then CSRF for mutations (403). {@code /login} needs no token: it takes one;
     * the dashboard's static assets need none either (see {@link Assets}: public, the same bytes for everyone).
     */
    private void guard(Context ctx) {
        long length = ctx.contentLength();
        if (length > options.maxBodyBytes()) {
            throw new HttpResponseException(413, "the request body has " + length + " bytes; the limit is " + options.maxBodyBytes());
        }
        if (ctx.path().equals("/login") || (ctx.method() == HandlerType.GET && Assets.isPublic(ctx.path()))) return;
        access.check(ctx);
    }

    /** Every mutation — done or refused — is written to the audit log before the answer leaves. */
    private void audit(Context ctx) {
        if (!MUTATIONS.contains(ctx.method())) return;
        String action = ctx.attribute(CampaignApi.AUDIT_ACTION);
        String target = ctx.attribute(CampaignApi.AUDIT_TARGET);
        String detail = ctx.attribute(CampaignApi.AUDIT_DETAIL);
        if (action == null) action = ctx.method().name() + " " + ctx.path();
        if (target == null) target = ctx.path();
        int status = ctx.statusCode();
        if (detail == null && status >= 400) {
            String m = ctx.attribute(ErrorPage.MESSAGE);
            String r = m != null ? m : ctx.result();
            detail = "from " + ctx.ip() + ": " + (r == null ? "" : r.length() > 300 ? r.substring(0, 300) : r);
        }
        try {
            audit.append(new AuditEntry(context.clock().instant(), Access.who(ctx), action, target, status, detail));
        } catch (RuntimeException e) {
            log.error("could not write the audit log: {}", e.toString());
            ApiJson.send(ctx, 500, ApiJson.error(500, "internal", "the audit log could not be written: " + e.getMessage(), null));
        }
    }

    /**
     * Whether the request is over already (a browser closed a live stream; Jetty recycled its request): there is no one
     * to answer, and touching it throws — which, thrown from an exception handler, Javalin would hand back to the
     * exception handlers again and again.
     */
    private static boolean gone(Context ctx) {
        try {
            ctx.path();
            ctx.statusCode();
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String notFound(Context ctx) {
        return "no page or API route " + ctx.path() + "; the dashboard starts at /, the API is described at /openapi.json";
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "too-large";
            default -> "error";
        };
    }

    /** Pauses the campaigns this process runs (resumable), closes the event streams, stops listening, closes the audit log. */
    @Override
    public void close() {
        jobs.close();
        continuations.close();
        events.close();
        metrics.close();
        app.stop();
        audit.close();
    }

    /** Used by tests and the CLI: a short description of where and how the server listens. */
    public Map<String, Object> describe() {
        return Map.of("host", options.host(), "port", port(), "token_required", access.required());
    }
}
