package dev.scenarist.server.pages;

import java.util.List;

/**
 * The shell every dashboard page shares: head (htmx, its SSE extension, the stylesheet, the CSRF token for htmx
 * requests), the navigation and a main area. Pages render only their own body; the bodies' values are escaped by
 * the pages ({@link Html#escape}).
 */
public final class Layout {
    /** A top-level section of the dashboard, as its navigation shows it. */
    public enum Section {
        CAMPAIGNS("Campaigns", "/"),
        REVIEW("Review", "/review"),
        ANALYTICS("Analytics", "/analytics"),
        LESSONS("Lessons", "/lessons"),
        AUDIT("Audit", "/audit");

        private final String title;
        private final String href;

        Section(String title, String href) {
            this.title = title;
            this.href = href;
        }

        public String title() {
            return title;
        }

        public String href() {
            return href;
        }
    }

    private Layout() {}

    /**
     * A whole page.
     *
     * @param title     the page's title (escaped here)
     * @param active    the navigation entry to mark as current
     * @param csrfToken the browser's CSRF token, sent by htmx as {@code X-CSRF-Token} on every request it makes
     * @param body      the page's own HTML, already escaped
     */
    public static String page(String title, Section active, String csrfToken, String body) {
        StringBuilder h = new StringBuilder(body.length() + 2048);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append(" · Scenarist</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/app.css\">")
                .append("<script src=\"/assets/htmx.min.js\"></script>")
                .append("<script src=\"/assets/sse.js\"></script>")
                .append("</head>\n<body hx-headers='{\"X-CSRF-Token\": \"").append(Html.escape(csrfToken)).append("\"}'>\n")
                .append("<header class=\"top\"><a class=\"brand\" href=\"/\">Scenarist</a><nav>");
        for (Section s : List.of(Section.values())) {
            h.append("<a href=\"").append(s.href()).append('"').append(s == active ? " class=\"current\" aria-current=\"page\"" : "")
                    .append('>').append(s.title()).append("</a>");
        }
        h.append("</nav></header>\n<main>\n").append(body).append("\n</main>\n</body></html>\n");
        return h.toString();
    }
}
