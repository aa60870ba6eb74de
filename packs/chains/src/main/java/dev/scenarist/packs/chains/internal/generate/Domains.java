package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.chains.ChainsFormatException;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.internal.yaml.YamlNode;
import dev.scenarist.packs.chains.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Domain descriptions: the bundled ones by name ({@code inventory}), or a YAML file of the same shape, read strictly —
 * an unknown field (with did-you-mean), a missing one or a bad value is refused at its {@code file:line:column}.
 */
public final class Domains {
    public static final String INVENTORY = "inventory";
    public static final List<String> BUNDLED = List.of(INVENTORY);
    /** How an existing pool that is bundled is named in the run's parameters. */
    public static final String BUNDLED_POOL_PREFIX = "bundled:";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> FIELDS = Set.of("domain", "name", "target", "description", "answers", "carry_over", "existing_pool", "focuses");

    private Domains() {}

    /**
     * The bundled domain {@code value}, or the domain file at {@code value} (a path: it has a '/' or ends in .yaml/.yml).
     *
     * @throws IllegalArgumentException naming the bundled domains, or the file:line and the fix
     */
    public static Domain resolve(String value) {
        String v = value.strip();
        if (v.contains("/") || v.endsWith(".yaml") || v.endsWith(".yml")) return file(Path.of(v));
        if (!BUNDLED.contains(v)) {
            throw new IllegalArgumentException("no bundled domain '" + v + "'; " + DidYouMean.hint(v, BUNDLED) + "bundled: "
                    + String.join(", ", BUNDLED) + ", or pass a domain description file (--option domain=path/to/domain.yaml)");
        }
        String resource = "/dev/scenarist/packs/chains/domains/" + v + ".yaml";
        try (InputStream in = Domains.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the bundled domain " + resource + " is missing from the pack's jar");
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled:" + v + ".yaml", Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled domain's text, for the pack's definition hash. */
    public static String bundledText(String name) {
        try (InputStream in = Domains.class.getResourceAsStream("/dev/scenarist/packs/chains/domains/" + name + ".yaml")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Domain file(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("the domain description " + file + " cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); pass an existing YAML file, or a bundled domain: " + String.join(", ", BUNDLED));
        }
        return read(text, file.toString(), Optional.ofNullable(file.toAbsolutePath().getParent()));
    }

    /**
     * @param dir the domain file's folder, against which a relative {@code existing_pool} file is resolved (none for a bundled domain)
     * @throws IllegalArgumentException with the file:line:column, the field and the fix
     */
    static Domain read(String text, String source, Optional<Path> dir) {
        try {
            return parse(text, source, dir);
        } catch (ChainsFormatException e) {
            throw new IllegalArgumentException("domain description " + e.getMessage(), e);
        }
    }

    private static Domain parse(String text, String source, Optional<Path> dir) {
        YamlNode root = new YamlReader(source).read(text);
        if (!(root instanceof YamlNode.Map m)) throw root.problem("expected a mapping (domain:, name:, target:, …), found " + root.kind(), "");
        for (String key : m.fields().keySet()) {
            if (!FIELDS.contains(key)) {
                YamlNode.Where at = m.keys().get(key);
                throw new ChainsFormatException(at.file(), at.line(), at.column(), "", "unknown field '" + key + "'",
                        DidYouMean.hint(key, FIELDS) + "allowed: " + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        YamlNode idNode = required(m, "domain");
        String id = text(idNode);
        if (!ID.matcher(id).matches()) throw idNode.problem("'" + id + "' is not a valid domain id", "use lower-case letters, digits and '_', starting with a letter");
        YamlNode targetNode = required(m, "target");
        String target = text(targetNode);
        if (!target.equals(Domain.REFERENCE_TARGET) && !target.startsWith("http://") && !target.startsWith("https://")) {
            throw targetNode.problem("target '" + target + "' is neither 'reference' nor a URL",
                    "write 'reference' (the bundled reference assistant) or the assistant's base URL (http://… or https://…)");
        }
        YamlNode carryNode = required(m, "carry_over");
        if (!(carryNode instanceof YamlNode.Map carry) || carry.fields().isEmpty()) {
            throw carryNode.problem("expected the semantic-memory fields that must carry over, each with its meaning",
                    "write e.g. 'selected_item: the item the user picked'");
        }
        Map<String, String> carryOver = new LinkedHashMap<>();
        carry.fields().forEach((field, meaning) -> carryOver.put(field, text(meaning)));
        Optional<String> existing = m.get("existing_pool").map(n -> existingPool(n, dir));
        List<String> focuses = new ArrayList<>();
        if (m.get("focuses").isPresent()) {
            YamlNode f = m.get("focuses").get();
            if (!(f instanceof YamlNode.Seq s)) throw f.problem("expected a list of chain themes ('- ' items), found " + f.kind(), "");
            for (YamlNode n : s.items()) focuses.add(text(n));
        }
        var brief = new Domain.Brief(text(required(m, "description")), text(required(m, "answers")), focuses);
        return new Domain(id, text(required(m, "name")), target, brief, carryOver, existing);
    }

    /** A bundled pool by name, or a pool file (relative to the domain file), which must exist. */
    private static String existingPool(YamlNode n, Optional<Path> dir) {
        String v = text(n);
        if (Pools.BUNDLED.contains(v)) return BUNDLED_POOL_PREFIX + v;
        if (dir.isEmpty()) throw n.problem("no bundled pool '" + v + "'", "bundled pools: " + String.join(", ", Pools.BUNDLED));
        Path p = dir.get().resolve(v).normalize();
        if (!Files.isRegularFile(p)) {
            throw n.problem("the existing pool " + p + " does not exist", "name a pool file relative to the domain file, a bundled pool ("
                    + String.join(", ", Pools.BUNDLED) + "), or leave existing_pool out");
        }
        return p.toString();
    }

    private static YamlNode required(YamlNode.Map m, String field) {
        return m.get(field).orElseThrow(() -> m.problem("field '" + field + "' is missing", "add '" + field + ":'"));
    }

    private static String text(YamlNode n) {
        if (n instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) return s.text();
        throw n.problem("expected a non-empty text, found " + n.kind(), "");
    }
}
