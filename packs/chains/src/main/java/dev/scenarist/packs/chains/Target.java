package dev.scenarist.packs.chains;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The assistant under test: where it is, how to authenticate, how long to wait, and the LLM/profile settings passed
 * with every message (the product's own backend configuration, e.g. {@code {"model": "gpt-4.1"}} and a profile name).
 *
 * @param auth the header sent with every call; its value is a secret — never logged nor written to any artifact
 */
public record Target(URI baseUrl, Optional<AuthHeader> auth, Duration timeout, Map<String, Object> llm, Optional<String> profile) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Target {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the target URL must start with http:// or https://, got " + baseUrl);
        }
        Objects.requireNonNull(auth, "auth");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        llm = Map.copyOf(llm);
        Objects.requireNonNull(profile, "profile");
    }

    public static Target at(URI baseUrl) {
        return new Target(baseUrl, Optional.empty(), DEFAULT_TIMEOUT, Map.of(), Optional.empty());
    }

    public Target withAuth(AuthHeader header) {
        return new Target(baseUrl, Optional.of(header), timeout, llm, profile);
    }

    /** A header with a secret value; {@link #toString()} never shows the value. */
    public record AuthHeader(String name, String value) {
        public AuthHeader {
            if (name == null || !name.matches("[A-Za-z0-9\\-_]+")) throw new IllegalArgumentException("bad header name '" + name + "'");
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) throw new IllegalArgumentException("the " + name + " header's value is empty");
        }

        @Override
        public String toString() {
            return name + ": [REDACTED]";
        }
    }
}
