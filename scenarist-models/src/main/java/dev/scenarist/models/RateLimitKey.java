package dev.scenarist.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Names the rate limits of one model under one API key, as {@code provider:model#key-hash}: two workers with the same
 * key share a bucket, two keys get two. Only a SHA-256 digest of the key is in it (secrets never reach a database, a
 * log or a trajectory); its first 16 hex digits are plenty to tell the few keys of an installation apart.
 */
public record RateLimitKey(String value) {
    private static final String NO_KEY = "no-key";

    public static RateLimitKey of(ModelRef model, Optional<Secret> apiKey) {
        String hash = apiKey.filter(k -> !k.isEmpty()).map(k -> digest(model.provider(), k)).orElse(NO_KEY);
        return new RateLimitKey(model.provider() + ":" + model.model() + "#" + hash);
    }

    private static String digest(String provider, Secret key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // the provider is mixed in so the same string used as two providers' keys still names two limits
            sha.update((provider + "\0").getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest(key.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
