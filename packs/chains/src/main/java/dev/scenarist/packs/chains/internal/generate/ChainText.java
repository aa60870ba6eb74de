package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.catalog.GroupKey;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.ChainStep;
import java.util.Locale;

/**
 * What the uniqueness gate compares for a chain: a first line naming its domain (its {@link #GROUP_KEY group}: chains
 * are compared only with chains of the same domain), then its title, brief and canonical questions as written, with
 * their placeholders — the chain's route, not the values an assistant answered. Paraphrase variants are left out: they
 * restate the same questions, and would only make two chains look alike or apart by wording.
 */
public final class ChainText {
    private static final String DOMAIN_PREFIX = "domain:";

    private ChainText() {}

    public static String of(String domain, ChainScenario chain) {
        StringBuilder b = new StringBuilder(DOMAIN_PREFIX).append(group(domain)).append('\n').append(chain.title()).append('\n');
        if (!chain.brief().isBlank()) b.append(chain.brief().strip()).append('\n');
        for (ChainStep s : chain.steps()) b.append(s.question()).append('\n');
        return b.toString();
    }

    /** A domain's group: its pool's {@code domain:} text, lower-cased with its spaces collapsed. */
    public static String group(String domain) {
        return domain.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The domain of a text made by {@link #of}; "" for any other text. */
    public static final GroupKey GROUP_KEY = text -> {
        if (!text.startsWith(DOMAIN_PREFIX)) return "";
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(DOMAIN_PREFIX.length(), end);
    };
}
