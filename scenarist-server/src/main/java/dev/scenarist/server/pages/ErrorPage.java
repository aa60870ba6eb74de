package dev.scenarist.server.pages;

import dev.scenarist.server.api.ApiJson;
import dev.scenarist.server.security.Access;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;

/**
 * Every refusal and failure, answered in the caller's language: a page in the dashboard's layout for a browser that
 * navigated or posted a form (it asked for {@code text/html}), the API's JSON error for everyone else — API clients,
 * htmx requests (the pages' scripts read the JSON message) and reads under {@code /api}, which a person may open in a
 * browser to see the JSON itself.
 */
public final class ErrorPage {
    /** The request attribute holding the message of the error answered (for the audit log, whatever the answer's format). */
    public static final String MESSAGE = "scenarist.error.message";

    private ErrorPage() {}

    /** Answers {@code status} with {@code message}, as a page or as {@code {"error": …}}. */
    public static void send(Context ctx, int status, String code, String message) {
        ctx.attribute(MESSAGE, message);
        if (!wantsHtml(ctx)) {
            ApiJson.send(ctx, status, ApiJson.error(status, code, message, null));
            return;
        }
        String csrf = ctx.cookie(Access.CSRF_COOKIE);
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(Layout.page(title(status), Layout.Section.CAMPAIGNS, csrf == null ? "" : csrf, body(ctx, status, message)));
    }

    /** A browser's own request: it accepts HTML, is not htmx's, and is not a read of the JSON API. */
    static boolean wantsHtml(Context ctx) {
        if ("true".equals(ctx.header("HX-Request"))) return false;
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) return false;
        return !(ctx.method() == HandlerType.GET && ctx.path().startsWith("/api/"));
    }

    private static String body(Context ctx, int status, String message) {
        StringBuilder h = new StringBuilder("<div class=\"page-head\"><div><h1>").append(Html.escape(title(status))).append(" <span class=\"muted small\">")
                .append(status).append("</span></h1></div></div>\n<p class=\"notice error\" id=\"error-message\" role=\"alert\">")
                .append(Html.escape(message)).append("</p>\n<p>");
        back(ctx).ifPresent(b -> h.append("<a class=\"btn\" id=\"error-back\" href=\"").append(Html.escape(b)).append("\">Back to ")
                .append(Html.escape(b)).append("</a> "));
        return h.append("<a class=\"btn\" href=\"/\">All campaigns</a></p>").toString();
    }

    /** Where the browser came from, when that was a page of this server (the form's page): its path and query. */
    private static java.util.Optional<String> back(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) return java.util.Optional.empty();
        try {
            var from = java.net.URI.create(referer);
            String host = ctx.header("Host");
            if (from.getRawAuthority() == null || !from.getRawAuthority().equalsIgnoreCase(host) || from.getRawPath() == null) {
                return java.util.Optional.empty();
            }
            String path = from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            return path.equals(ctx.path()) ? java.util.Optional.empty() : java.util.Optional.of(path);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Token required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Refused";
            case 413 -> "Too large";
            default -> status >= 500 ? "Server error" : "Error";
        };
    }
}
