package dev.scenarist.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server listens and who may talk to it.
 *
 * @param host            address to bind (default {@value #DEFAULT_HOST}); anything but a loopback address requires the token
 * @param port            port to bind (default {@value #DEFAULT_PORT}; 0 picks a free one)
 * @param token           the access token given (SCENARIST_TOKEN); when empty and one is required, one is generated
 * @param tokenOnLoopback require the token on a loopback address too (it is always required beyond loopback)
 * @param maxBodyBytes    largest request body accepted (default 1 MiB); larger is 413
 */
public record ServerOptions(String host, int port, Optional<String> token, boolean tokenOnLoopback, long maxBodyBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY = 1L << 20;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("--host is empty; give an address such as 127.0.0.1 or 0.0.0.0");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        token = token == null ? Optional.empty() : token.filter(t -> !t.isBlank());
        if (token.isPresent() && token.get().length() < 16) {
            throw new IllegalArgumentException("SCENARIST_TOKEN is too short (" + token.get().length()
                    + " characters); use at least 16 random characters, e.g. from 'openssl rand -hex 24'");
        }
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
    }

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), false, DEFAULT_MAX_BODY);
    }

    /** Whether {@link #host} is a loopback address only this machine can reach (a name is resolved). */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // unknown: treat as reachable from elsewhere, so the token is required
        }
    }

    /** A token is required when bound beyond loopback, when asked for on loopback, or when one was given. */
    public boolean tokenRequired() {
        return !loopback() || tokenOnLoopback || token.isPresent();
    }
}
