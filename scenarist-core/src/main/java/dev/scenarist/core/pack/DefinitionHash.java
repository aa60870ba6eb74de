package dev.scenarist.core.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A pack's {@link Pack#definitionHash()}: SHA-256 over everything that shapes its scenarios (context, instructions,
 * offline material), written as {@code <prefix>-<12 hex digits>}. A campaign's fingerprint includes it, so resuming
 * after the pack changed is refused.
 */
public final class DefinitionHash {
    private final String prefix;
    private final MessageDigest digest;

    private DefinitionHash(String prefix) {
        this.prefix = prefix;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** @param prefix the pack's name and format version, e.g. {@code appworld-0.1} */
    public static DefinitionHash of(String prefix) {
        return new DefinitionHash(prefix);
    }

    public DefinitionHash add(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String value() {
        return prefix + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
