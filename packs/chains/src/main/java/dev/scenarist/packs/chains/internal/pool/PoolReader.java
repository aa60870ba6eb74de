package dev.scenarist.packs.chains.internal.pool;

import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.chains.internal.path.JsonPath;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.internal.yaml.YamlNode;
import dev.scenarist.packs.chains.internal.yaml.YamlReader;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.QuestionPool;
import dev.scenarist.packs.chains.pool.Wording;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a question pool strictly: unknown fields (with did-you-mean), missing ones, duplicate ids, bad expectations and
 * placeholders that name no earlier step are refused at their file:line, before anything is sent to an assistant.
 */
public final class PoolReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_\\-]*");
    private static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9_]*");
    private static final Set<String> POOL_FIELDS = Set.of("pack", "domain", "description", "scenarios");
    private static final Set<String> SCENARIO_FIELDS = Set.of("id", "title", "brief", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("id", "question", "variants", "expect");
    private static final Set<String> VARIANTS = Set.of("colloquial", "pronoun_only");

    private final String file;

    /** @param file how the pool is named in messages */
    public PoolReader(String file) {
        this.file = file;
    }

    public QuestionPool read(String text, String source) {
        YamlNode.Map root = map(new YamlReader(file).read(text));
        allowOnly(root, POOL_FIELDS);
        String id = id(required(root, "pack"), ID);
        String domain = string(required(root, "domain"));
        String description = root.get("description").map(this::string).orElse("");
        YamlNode.Seq list = seq(required(root, "scenarios"));
        if (list.items().isEmpty()) throw list.problem("no scenarios", "add at least one scenario with its steps");
        List<ChainScenario> scenarios = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode n : list.items()) {
            ChainScenario s = scenario(map(n));
            if (!ids.add(s.id())) throw n.problem("scenario id '" + s.id() + "' is used twice", "give every scenario its own id");
            scenarios.add(s);
        }
        return new QuestionPool(id, domain, description, scenarios, source);
    }

    private ChainScenario scenario(YamlNode.Map m) {
        allowOnly(m, SCENARIO_FIELDS);
        String id = id(required(m, "id"), ID);
        String title = string(required(m, "title"));
        String brief = m.get("brief").map(this::string).orElse("");
        YamlNode.Seq list = seq(required(m, "steps"));
        if (list.items().isEmpty()) throw list.problem("no steps", "a scenario is a chain of at least one question");
        List<ChainStep> steps = new ArrayList<>();
        Set<String> earlier = new LinkedHashSet<>();
        for (YamlNode n : list.items()) {
            ChainStep step = step(map(n), earlier);
            if (!earlier.add(step.id())) throw n.problem("step id '" + step.id() + "' is used twice in scenario " + id, "give every step its own id");
            steps.add(step);
        }
        return new ChainScenario(id, title, brief, steps);
    }

    private ChainStep step(YamlNode.Map m, Set<String> earlier) {
        allowOnly(m, STEP_FIELDS);
        String id = id(required(m, "id"), STEP_ID);
        Map<Wording, String> wordings = new EnumMap<>(Wording.class);
        YamlNode question = required(m, "question");
        wordings.put(Wording.CANONICAL, placeholdersChecked(question, earlier));
        if (m.get("variants").isPresent()) {
            YamlNode.Map variants = map(m.get("variants").get());
            allowOnly(variants, VARIANTS);
            variants.fields().forEach((k, v) -> wordings.put(Wording.fromKey(k), placeholdersChecked(v, earlier)));
        }
        List<Expectation> expectations = new ArrayList<>();
        if (m.get("expect").isPresent()) {
            // a check may read this step's own answer too ({{step_02_last_order.ordered_on}} in step_02's checks)
            Set<String> readable = new LinkedHashSet<>(earlier);
            readable.add(id);
            for (YamlNode n : seq(m.get("expect").get()).items()) expectations.add(expectation(n, readable));
        }
        return new ChainStep(id, wordings, expectations);
    }

    private Expectation expectation(YamlNode n, Set<String> earlier) {
        YamlNode checkNode = n;
        String kind = null;
        String priority = null;
        if (n instanceof YamlNode.Map m) {
            allowOnly(m, Set.of("check", "kind", "priority"));
            checkNode = required(m, "check");
            kind = m.get("kind").map(this::string).orElse(null);
            priority = m.get("priority").map(this::string).orElse(null);
        }
        String text = placeholdersChecked(checkNode, earlier);
        try {
            return ExpectationParser.parse(text, kind, priority, checkNode.where().file() + ":" + checkNode.where().line());
        } catch (IllegalArgumentException e) {
            throw checkNode.problem(e.getMessage(), "write it like semantic_memory.selected_item == \"{{step_01_inventory.entries[0].item}}\"");
        }
    }

    /** The text of a question or check, its placeholders' roots checked: an earlier step of this chain or the session. */
    private String placeholdersChecked(YamlNode n, Set<String> earlier) {
        String text = string(n);
        for (String expr : Placeholders.find(text)) {
            String root;
            try {
                root = JsonPath.parse(expr).head();
            } catch (IllegalArgumentException e) {
                throw n.problem("placeholder {{" + expr + "}}: " + e.getMessage(), "");
            }
            if (!Placeholders.SESSION_ROOTS.contains(root) && !earlier.contains(root)) {
                List<String> roots = new ArrayList<>(earlier);
                roots.addAll(Placeholders.SESSION_ROOTS);
                throw n.problem("placeholder {{" + expr + "}} names '" + root + "', which is no earlier step of this chain",
                        DidYouMean.hint(root, roots) + "a placeholder reads an earlier step (" + (earlier.isEmpty() ? "none yet" : String.join(", ", earlier))
                                + ") or semantic_memory / session / response");
            }
        }
        return text;
    }

    private YamlNode required(YamlNode.Map m, String field) {
        return m.get(field).orElseThrow(() -> m.problem("field '" + field + "' is missing", "add '" + field + ":'"));
    }

    private void allowOnly(YamlNode.Map m, Set<String> allowed) {
        for (String key : m.fields().keySet()) {
            if (!allowed.contains(key)) {
                YamlNode.Where at = m.keys().get(key);
                throw new dev.scenarist.packs.chains.ChainsFormatException(at.file(), at.line(), at.column(), m.path(),
                        "unknown field '" + key + "'", DidYouMean.hint(key, allowed) + "allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private YamlNode.Map map(YamlNode n) {
        if (n instanceof YamlNode.Map m) return m;
        throw n.problem("expected a mapping (key: value lines), found " + n.kind(), "");
    }

    private YamlNode.Seq seq(YamlNode n) {
        if (n instanceof YamlNode.Seq s) return s;
        throw n.problem("expected a list ('- ' items), found " + n.kind(), "");
    }

    private String string(YamlNode n) {
        if (n instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) return s.text();
        throw n.problem("expected a non-empty text, found " + n.kind(), "");
    }

    private String id(YamlNode n, Pattern pattern) {
        String s = string(n);
        if (!pattern.matcher(s).matches()) {
            throw n.problem("'" + s + "' is not a valid id", "use lower-case letters, digits and '_'" + (pattern == ID ? " or '-'" : "")
                    + ", starting with a letter or digit (it names a folder" + (pattern == STEP_ID ? " and placeholders)" : ")"));
        }
        return s;
    }
}
