package dev.scenarist.server.security;

import dev.scenarist.server.ServerOptions;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call the server, and how mutations are kept safe from other web sites.
 *
 * <p><b>Token.</b> One access token: {@code SCENARIST_TOKEN}, or generated at start (printed once). It is required for
 * every API call and page when the server is bound beyond loopback, and on loopback when asked ({@code --token-on-loopback})
 * or when the variable is set. A client sends it as {@code Authorization: Bearer <token>}; a browser opens
 * {@code /login?token=<token>} once and gets a session cookie ({@code HttpOnly}, {@code SameSite=Strict}) — a random id,
 * not the token. Tokens are compared in constant time; the audit log names a caller by {@code token:<id>}, the first
 * 12 hex digits of the token's SHA-256, never by the token.
 *
 * <p><b>CSRF.</b> A mutation (POST, PUT, PATCH, DELETE) is refused (403) when
 * <ol>
 *   <li>its {@code Origin} header names another origin than the server's own (browsers send it on every cross-site
 *       POST), or</li>
 *   <li>it carries cookies or is a form post (urlencoded, multipart, text/plain) and does not repeat the
 *       {@code scenarist_csrf} cookie's value in the {@code X-CSRF-Token} header or the {@code _csrf} form field
 *       (double submit: another site can make a browser send the cookie, but cannot read it to repeat it).</li>
 * </ol>
 * A request with a valid bearer token passes the second rule (a browser never adds that header by itself); so does a
 * JSON request with no cookies at all on loopback without a token — curl, scripts — since a cross-site page cannot send
 * {@code application/json} without a CORS preflight, which this server never grants. The session cookie is also
 * {@code SameSite=Strict}: a cross-site request does not carry it in the first place.
 */
public final class Access {
    public static final String SESSION_COOKIE = "scenarist_session";
    public static final String CSRF_COOKIE = "scenarist_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final Set<HandlerType> MUTATIONS = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final String WHO = "scenarist.who";

    private final SecureRandom random = new SecureRandom();
    private final boolean required;
    private final String token;
    private final boolean generated;
    private final String tokenId;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    public Access(ServerOptions options) {
        this.required = options.tokenRequired();
        this.generated = options.token().isEmpty();
        this.token = options.token().orElseGet(() -> randomText(24));
        this.tokenId = "token:" + sha256(token).substring(0, 12);
    }

    /** Whether every call needs the token. */
    public boolean required() {
        return required;
    }

    /** The token (to print at start when it was generated). */
    public String token() {
        return token;
    }

    /** Whether the token was generated here rather than given. */
    public boolean generated() {
        return generated;
    }

    /** Who made the request, as the audit log names them (set by {@link #check}). */
    public static String who(Context ctx) {
        String who = ctx.attribute(WHO);
        return who == null ? "local" : who;
    }

    /** {@code GET /login?token=T}: a browser trades the token for a session cookie and is sent to the index. */
    public void login(Context ctx) {
        String given = ctx.queryParam("token");
        if (given == null || !matches(given)) {
            ctx.status(401).contentType("text/plain; charset=utf-8").result("wrong or missing token: open /login?token=<the token the server printed>\n");
            return;
        }
        String session = randomText(24);
        sessions.put(session, "session:" + tokenId.substring("token:".length()));
        ctx.cookie(cookie(SESSION_COOKIE, session, true));
        ensureCsrfCookie(ctx);
        ctx.redirect("/");
    }

    /** {@code POST /logout}: forgets the browser's session. */
    public void logout(Context ctx) {
        String s = ctx.cookie(SESSION_COOKIE);
        if (s != null) sessions.remove(s);
        ctx.removeCookie(SESSION_COOKIE, "/");
        ctx.status(204);
    }

    /**
     * Before every request but {@code /login}: 401 without a valid token or session when one is required; 403 for a
     * mutation that fails the CSRF rules. Records who is calling.
     */
    public void check(Context ctx) {
        Optional<String> bearer = bearer(ctx);
        String session = ctx.cookie(SESSION_COOKIE);
        String sessionWho = session == null ? null : sessions.get(session);
        boolean bearerOk = bearer.isPresent() && matches(bearer.get());
        if (bearer.isPresent() && !bearerOk) throw new HttpResponseException(401, "wrong token in the Authorization header");
        if (bearerOk) ctx.attribute(WHO, tokenId);
        else if (sessionWho != null) ctx.attribute(WHO, sessionWho);
        else if (required) {
            throw new HttpResponseException(401, "a token is required: send 'Authorization: Bearer <token>', or open /login?token=<token> in a browser");
        }
        if (MUTATIONS.contains(ctx.method())) csrf(ctx, bearerOk);
    }

    private void csrf(Context ctx, boolean bearerOk) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx)) {
            throw new HttpResponseException(403, "cross-origin request refused (Origin " + origin + ")");
        }
        if (origin != null && origin.equals("null")) throw new HttpResponseException(403, "request from an opaque origin refused");
        if (bearerOk) return;
        boolean cookies = ctx.header("Cookie") != null;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        boolean form = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/") || type.startsWith("text/plain");
        if (!cookies && !form) return;
        String expected = ctx.cookie(CSRF_COOKIE);
        String given = ctx.header(CSRF_HEADER);
        if (given == null && form && !type.startsWith("text/plain")) given = ctx.formParam(CSRF_FIELD);
        if (expected == null || expected.isEmpty() || given == null || !constantTimeEquals(expected, given)) {
            throw new HttpResponseException(403, "CSRF check failed: repeat the " + CSRF_COOKIE + " cookie's value in the " + CSRF_HEADER
                    + " header (or the " + CSRF_FIELD + " form field), or call with 'Authorization: Bearer <token>'");
        }
    }

    /** Gives the browser a CSRF cookie if it has none (pages call this); returns its value for forms. */
    public String ensureCsrfCookie(Context ctx) {
        String v = ctx.cookie(CSRF_COOKIE);
        if (v != null && !v.isEmpty()) return v;
        v = randomText(18);
        ctx.cookie(cookie(CSRF_COOKIE, v, false));
        return v;
    }

    private static boolean sameOrigin(String origin, Context ctx) {
        try {
            URI o = URI.create(origin);
            String host = ctx.header("Host");
            if (host == null || o.getHost() == null) return false;
            String own = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return own.equalsIgnoreCase(host) || (o.getPort() == -1 && host.equalsIgnoreCase(o.getHost() + ":" + ("https".equals(o.getScheme()) ? 443 : 80)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null) return Optional.empty();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) throw new HttpResponseException(401, "the Authorization header must be 'Bearer <token>'");
        return Optional.of(h.substring(7).trim());
    }

    private boolean matches(String given) {
        return constantTimeEquals(token, given);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Cookie cookie(String name, String value, boolean httpOnly) {
        return new Cookie(name, value, "/", -1, false, httpOnly, null, SameSite.STRICT);
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
