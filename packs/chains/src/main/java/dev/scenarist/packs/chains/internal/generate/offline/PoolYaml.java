package dev.scenarist.packs.chains.internal.generate.offline;

import dev.scenarist.packs.chains.pool.Wording;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link DraftChain} as a pool file, in the hand-written pools' plain style: values are left unquoted where
 * YAML reads them back as the same text, and single-quoted otherwise.
 */
final class PoolYaml {
    /** A plain scalar YAML reads back unchanged: no indicator first, no ': ' or ' #', not a number, bool or null. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z(][^\\n]*");
    private static final Pattern NOT_TEXT = Pattern.compile("(?i)(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)");

    private PoolYaml() {}

    /** The pool; with {@code variants} false, the canonical questions only (the chain stage's file). */
    static String write(DraftChain c, String header, boolean variants) {
        StringBuilder b = new StringBuilder();
        for (String line : header.strip().split("\n")) b.append("# ").append(line).append('\n');
        b.append("pack: ").append(scalar(c.poolId())).append('\n');
        b.append("domain: ").append(scalar(c.domain())).append('\n');
        b.append("scenarios:\n");
        b.append("  - id: ").append(scalar(c.id())).append('\n');
        b.append("    title: ").append(scalar(c.title())).append('\n');
        b.append("    brief: ").append(scalar(c.brief())).append('\n');
        b.append("    steps:\n");
        for (DraftChain.DraftStep s : c.steps()) {
            b.append("      - id: ").append(s.id()).append('\n');
            b.append("        question: ").append(scalar(s.wordings().get(Wording.CANONICAL))).append('\n');
            List<Wording> extra = variants ? List.of(Wording.COLLOQUIAL, Wording.PRONOUN_ONLY).stream().filter(s.wordings()::containsKey).toList() : List.of();
            if (!extra.isEmpty()) {
                b.append("        variants:\n");
                for (Wording w : extra) b.append("          ").append(w.key()).append(": ").append(scalar(s.wordings().get(w))).append('\n');
            }
            if (!s.checks().isEmpty()) {
                b.append("        expect:\n");
                for (String check : s.checks()) b.append("          - ").append(scalar(check)).append('\n');
            }
        }
        return b.toString();
    }

    static String scalar(String s) {
        boolean plain = PLAIN.matcher(s).matches() && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":") && !s.endsWith(" ")
                && !NOT_TEXT.matcher(s).matches();
        return plain ? s : "'" + s.replace("'", "''") + "'";
    }
}
