package dev.scenarist.core.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Identifier factory: short, sortable by creation time, safe as folder names.
 * An instance (not static state) so tests can inject a deterministic one.
 */
public class Ids {
    private final SecureRandom random = new SecureRandom();

    /** {@code prefix-<base36 millis>-<6 hex>}, e.g. {@code run-mb0x1k2p-3fa2c1}. */
    public String next(String prefix, Instant now) {
        byte[] b = new byte[3];
        random.nextBytes(b);
        return prefix + "-" + Long.toString(now.toEpochMilli(), 36) + "-" + HexFormat.of().formatHex(b);
    }
}
