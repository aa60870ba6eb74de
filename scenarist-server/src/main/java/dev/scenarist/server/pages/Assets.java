package dev.scenarist.server.pages;

import dev.scenarist.server.api.RouteTable;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The dashboard's static files under {@code /assets/}: the vendored htmx and its SSE extension, and the stylesheet — a
 * fixed list read from the classpath once, never a folder on disk, so no request can name anything else.
 *
 * <p>They are <b>public</b>: served without the token even when the server requires one. They are the same bytes for
 * every visitor (published open-source scripts and a stylesheet), reveal nothing about the data, and being public lets
 * the browser cache them under {@code Cache-Control: public}; every page and API call that shows data still needs the
 * token. A changed file gets a new {@code ETag}, so a cached copy is revalidated rather than used stale.
 */
public final class Assets {
    private static final String PREFIX = "/assets/";
    private static final Map<String, String> TYPES = Map.of(
            "htmx.min.js", "text/javascript; charset=utf-8",
            "sse.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private record Asset(byte[] bytes, String type, String etag) {}

    private final Map<String, Asset> assets;

    public Assets() {
        var loaded = new java.util.HashMap<String, Asset>();
        TYPES.forEach((name, type) -> {
            byte[] bytes = read(name);
            loaded.put(name, new Asset(bytes, type, "\"" + sha256(bytes).substring(0, 16) + "\""));
        });
        this.assets = Map.copyOf(loaded);
    }

    /** Whether a request path names one of the public assets (the access check lets these through). */
    public static boolean isPublic(String path) {
        return path.startsWith(PREFIX) && TYPES.containsKey(path.substring(PREFIX.length()));
    }

    public void register(RouteTable routes) {
        routes.get(PREFIX + "{name}", "pages", "The dashboard's static files (htmx, its SSE extension, the stylesheet); public", "file", this::serve);
    }

    private void serve(Context ctx) {
        Asset a = assets.get(ctx.pathParam("name"));
        if (a == null) throw new HttpResponseException(404, "no asset " + ctx.pathParam("name") + "; there are " + String.join(", ", TYPES.keySet()));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("ETag", a.etag());
        ctx.header("X-Content-Type-Options", "nosniff");
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.type()).result(a.bytes());
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(PREFIX + name)) {
            if (in == null) throw new IllegalStateException("the asset " + PREFIX + name + " is missing from the server's jar; rebuild scenarist-server");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
