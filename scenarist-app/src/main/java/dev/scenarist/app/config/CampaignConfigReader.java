package dev.scenarist.app.config;

import dev.scenarist.models.ModelRef;
import dev.scenarist.models.ProviderSettings;
import dev.scenarist.packs.yaml.PackDefinitionException;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.yaml.tree.FieldProblem;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.ScalarNode;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import dev.scenarist.packs.yaml.tree.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a campaign configuration strictly, on the YAML tree the pack definitions use (so every value knows its
 * file:line:column), and reports every problem of the file at once, each with its field and fix: unknown fields with
 * the closest known one, numbers in ASCII digits only, durations longer than zero, http(s) URLs, known providers.
 * Stage names are checked later, against the pack ({@link CampaignConfig#requireStagesOf}).
 */
final class CampaignConfigReader {
    private static final List<String> ROOT = List.of("author", "concurrency", "seed", "budget", "models", "options", "providers", "prices",
            "category", "approve_after", "lessons", "attempts", "refine_rounds");
    private static final List<String> BUDGET = List.of("max_runs", "max_tokens", "max_cost_usd", "max_wall");
    private static final List<String> MODELS = List.of("default", "stages");
    private static final List<String> MODEL = List.of("model", "temperature", "max_tokens", "timeout");
    private static final List<String> PROVIDER = List.of("base_url", "api_key_env", "requests_per_minute", "tokens_per_minute",
            "structured_output");
    /** Claude Code runs the local {@code claude} executable: there is no endpoint, key or structured output to set. */
    private static final List<String> LOCAL_PROVIDER = List.of("requests_per_minute", "tokens_per_minute");
    private static final List<String> PRICE = List.of("input", "output", "cache_read", "cache_write");
    private static final List<String> PROVIDERS = ModelRef.PROVIDERS.stream().sorted().toList();
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final List<FieldProblem> problems = new ArrayList<>();

    /** @param file the file as the user named it, shown in every message */
    CampaignConfigReader(String file) {
        this.file = file;
    }

    /** @throws ConfigException with every problem found */
    CampaignConfig read(String text) {
        Optional<Node> doc;
        try {
            doc = new YamlTree(file).parseDocument(text);
        } catch (PackDefinitionException e) {
            // not well-formed YAML, or a key written twice: nothing below can be trusted
            throw new ConfigException(file, List.of(e.toProblem()));
        }
        if (doc.isEmpty()) return CampaignConfig.EMPTY;
        CampaignConfig config = root(doc.get());
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((FieldProblem p) -> p.location().line()).thenComparingInt(p -> p.location().column()));
            throw new ConfigException(file, problems);
        }
        return config;
    }

    private CampaignConfig root(Node doc) {
        MapNode m = map(doc, "write key: value lines, e.g. 'concurrency: 4'");
        if (m == null) return CampaignConfig.EMPTY;
        known(m, ROOT, "the configuration");
        String author = m.get("author").map(this::author).orElse(null);
        Integer concurrency = m.get("concurrency").map(n -> wholeInt(n, 1, 256, "e.g. concurrency: 4")).orElse(null);
        Long seed = m.get("seed").map(n -> whole(n, Long.MIN_VALUE, Long.MAX_VALUE, "e.g. seed: 42")).orElse(null);
        CampaignConfig.Budget budget = m.get("budget").map(this::budget).orElse(null);
        CampaignConfig.Models models = m.get("models").map(this::models).orElse(null);
        Map<String, String> options = m.get("options").map(this::options).orElse(Map.of());
        Map<String, CampaignConfig.Provider> providers = m.get("providers").map(this::providers).orElse(Map.of());
        Map<String, CampaignConfig.Price> prices = m.get("prices").map(this::prices).orElse(Map.of());
        String category = m.get("category").map(n -> text(n, "e.g. category: onboarding")).orElse(null);
        Map<String, SourceLocation> approveAfterAt = new LinkedHashMap<>();
        List<String> approveAfter = m.get("approve_after").map(n -> attempt(() -> {
            var list = n.asList("e.g. approve_after: [plan]");
            List<String> names = list.texts("e.g. approve_after: [plan]");
            // where each stage was written, so a name the pack lacks is reported at its line once the pack is known
            for (int i = 0; i < names.size(); i++) approveAfterAt.putIfAbsent(names.get(i), list.items().get(i).location());
            return names;
        })).orElse(List.of());
        Boolean lessons = m.get("lessons").map(n -> bool(n, "e.g. lessons: true")).orElse(null);
        Map<String, SourceLocation> countKeys = new LinkedHashMap<>();
        Map<String, Integer> attempts = m.get("attempts").map(n -> perStage(n, "attempts", countKeys)).orElse(Map.of());
        Map<String, Integer> rounds = m.get("refine_rounds").map(n -> perStage(n, "refine_rounds", countKeys)).orElse(Map.of());
        return new CampaignConfig(author, concurrency, seed, budget, models, options, providers, prices, category, approveAfter, lessons, approveAfterAt,
                new CampaignConfig.StageCounts(attempts, rounds, countKeys));
    }

    /** {@code key: {stage: n}} with n from 1 to 5; where each stage name was written goes into {@code keys}. */
    private Map<String, Integer> perStage(Node n, String key, Map<String, SourceLocation> keys) {
        String example = key + ": {queries: 3}";
        MapNode m = map(n, example);
        Map<String, Integer> out = new LinkedHashMap<>();
        if (m == null) return out;
        m.entries().forEach((stage, e) -> {
            keys.put(key + "." + stage, e.keyLocation());
            Integer v = wholeInt(e.value(), 1, dev.scenarist.core.engine.StageSettings.MAX_PER_STAGE, "e.g. " + stage + ": 3");
            if (v != null) out.put(stage, v);
        });
        return out;
    }

    private String author(Node n) {
        String spec = text(n, "e.g. author: openai:gpt-4.1");
        if (spec == null || spec.equals("offline")) return spec;
        String examples = "use offline (the pack's own author, no model), cassette:FILE, or provider:model such as openai:gpt-4.1,"
                + " anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:14b, claude-code:sonnet";
        if (spec.startsWith("cassette:")) {
            String f = spec.substring("cassette:".length());
            if (f.isBlank()) problem(n, "cassette: names no file", "write author: cassette:replies.jsonl");
            else if (!Files.isRegularFile(Path.of(f))) {
                problem(n, "cassette file " + Path.of(f).toAbsolutePath() + " does not exist", "record one with --record FILE");
            }
            return spec;
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            problem(n, "unknown author '" + spec + "'", DidYouMean.hint(spec, List.of("offline")) + examples);
            return spec;
        }
        String provider = spec.substring(0, colon);
        if (!ModelRef.PROVIDERS.contains(provider)) {
            problem(n, "unknown model provider '" + provider + "'", suggest(provider, PROVIDERS, "known providers"));
        } else if (colon == spec.length() - 1) {
            problem(n, "'" + spec + "' names no model", "write the model after the colon, e.g. " + provider + ":"
                    + switch (provider) {
                        case "anthropic" -> "claude-sonnet-4-5";
                        case "ollama" -> "qwen2.5-coder:14b";
                        case "claude-code" -> "sonnet";
                        default -> "gpt-4.1";
                    });
        }
        return spec;
    }

    private CampaignConfig.Budget budget(Node n) {
        MapNode m = map(n, "budget: {max_runs: 50, max_wall: 30m}");
        if (m == null) return null;
        known(m, BUDGET, "budget");
        return new CampaignConfig.Budget(
                m.get("max_runs").map(v -> wholeInt(v, 1, Integer.MAX_VALUE, "e.g. max_runs: 50")).orElse(null),
                m.get("max_tokens").map(v -> whole(v, 1, Long.MAX_VALUE, "e.g. max_tokens: 200000")).orElse(null),
                m.get("max_cost_usd").map(v -> positive(v, "e.g. max_cost_usd: 5.0")).orElse(null),
                m.get("max_wall").map(this::duration).orElse(null));
    }

    private CampaignConfig.Models models(Node n) {
        MapNode m = map(n, "models: {default: {model: gpt-4.1}, stages: {describe: {temperature: 0.8}}}");
        if (m == null) return null;
        known(m, MODELS, "models");
        CampaignConfig.Model defaults = m.get("default").map(this::model).orElse(null);
        Map<String, CampaignConfig.Model> stages = new LinkedHashMap<>();
        Map<String, SourceLocation> stageKeys = new LinkedHashMap<>();
        m.get("stages").map(s -> map(s, "stages: {describe: {temperature: 0.8}}")).ifPresent(s -> s.entries().forEach((name, e) -> {
            stageKeys.put(name, e.keyLocation());
            CampaignConfig.Model model = present(e.value(), "describe: {temperature: 0.8}") ? model(e.value()) : null;
            if (model != null) stages.put(name, model);
        }));
        return new CampaignConfig.Models(defaults, stages, stageKeys);
    }

    private CampaignConfig.Model model(Node n) {
        MapNode m = map(n, "{model: gpt-4.1, temperature: 0.2, max_tokens: 4000, timeout: 2m}");
        if (m == null) return null;
        known(m, MODEL, n.path());
        return new CampaignConfig.Model(m.get("model").map(v -> text(v, "e.g. model: gpt-4.1")).orElse(null),
                m.get("temperature").map(v -> number(v, 0, 2, "e.g. temperature: 0.2")).orElse(null),
                m.get("max_tokens").map(v -> wholeInt(v, 1, Integer.MAX_VALUE, "e.g. max_tokens: 4000")).orElse(null),
                m.get("timeout").map(this::duration).orElse(null));
    }

    private Map<String, String> options(Node n) {
        MapNode m = map(n, "options: {tier: \"2\"}");
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) m.entries().forEach((k, e) -> {
            String v = text(e.value(), k + ": value");
            if (v != null) out.put(k, v);
        });
        return out;
    }

    private Map<String, CampaignConfig.Provider> providers(Node n) {
        MapNode m = map(n, "providers: {openai: {base_url: http://localhost:8000/v1}}");
        Map<String, CampaignConfig.Provider> out = new LinkedHashMap<>();
        if (m == null) return out;
        for (var e : m.entries().entrySet()) {
            String name = e.getKey();
            if (!ModelRef.PROVIDERS.contains(name)) {
                problems.add(new FieldProblem(e.getValue().keyLocation(), "providers", "unknown provider '" + name + "'",
                        suggest(name, PROVIDERS, "known providers")));
                continue;
            }
            MapNode p = map(e.getValue().value(), "{base_url: http://localhost:8000/v1, api_key_env: VLLM_KEY}");
            if (p == null) continue;
            known(p, name.equals("claude-code") ? LOCAL_PROVIDER : PROVIDER, "providers." + name);
            out.put(name, new CampaignConfig.Provider(p.get("base_url").map(this::url).orElse(null),
                    p.get("api_key_env").map(this::envName).orElse(null),
                    p.get("requests_per_minute").map(v -> whole(v, 1, Long.MAX_VALUE, "e.g. requests_per_minute: 60")).orElse(null),
                    p.get("tokens_per_minute").map(v -> whole(v, 1, Long.MAX_VALUE, "e.g. tokens_per_minute: 100000")).orElse(null),
                    p.get("structured_output").map(v -> bool(v, "e.g. structured_output: true")).orElse(null)));
        }
        return out;
    }

    private Map<String, CampaignConfig.Price> prices(Node n) {
        MapNode m = map(n, "prices: {my-finetune: {input: 1.0, output: 2.0}}");
        Map<String, CampaignConfig.Price> out = new LinkedHashMap<>();
        if (m == null) return out;
        m.entries().forEach((model, e) -> {
            MapNode p = map(e.value(), "{input: 1.0, output: 2.0}");
            if (p == null) return;
            known(p, PRICE, "prices." + model);
            out.put(model, new CampaignConfig.Price(p.get("input").map(v -> number(v, 0, 1e6, "e.g. input: 1.0")).orElse(null),
                    p.get("output").map(v -> number(v, 0, 1e6, "e.g. output: 2.0")).orElse(null),
                    p.get("cache_read").map(v -> number(v, 0, 1e6, "e.g. cache_read: 0.1")).orElse(null),
                    p.get("cache_write").map(v -> number(v, 0, 1e6, "e.g. cache_write: 1.25")).orElse(null)));
        });
        return out;
    }

    private String url(Node n) {
        String text = text(n, "e.g. base_url: http://localhost:8000/v1");
        if (text == null) return null;
        try {
            ProviderSettings.parseUrl(text, "URL");
        } catch (IllegalArgumentException e) {
            // the models module words it as "<source> '<url>' <problem>; write it like ..."
            String message = e.getMessage();
            int fix = message.lastIndexOf("; ");
            problem(n, fix < 0 ? message : message.substring(0, fix), fix < 0 ? "write it like http://localhost:8000/v1"
                    : message.substring(fix + 2));
        }
        return text;
    }

    private String envName(Node n) {
        String text = text(n, "e.g. api_key_env: VLLM_KEY");
        if (text != null && !ENV_NAME.matcher(text).matches()) {
            problem(n, "'" + abbreviate(text) + "' is not the name of an environment variable",
                    "write the variable's name (e.g. VLLM_KEY), never the key itself");
        }
        return text;
    }

    private Duration duration(Node n) {
        return attempt(() -> n.asScalar("e.g. max_wall: 30m").asDuration("e.g. max_wall: 30m"));
    }

    private Long whole(Node n, long min, long max, String example) {
        return attempt(() -> n.asScalar(example).asLong(min, max, example));
    }

    private Integer wholeInt(Node n, int min, int max, String example) {
        return attempt(() -> n.asScalar(example).asInt(min, max, example));
    }

    private Double number(Node n, double min, double max, String example) {
        return attempt(() -> n.asScalar(example).asDouble(min, max, example));
    }

    private Double positive(Node n, String example) {
        Double v = number(n, 0, 1_000_000, example);
        if (v != null && v == 0) problem(n, "must be more than 0", example);
        return v;
    }

    private Boolean bool(Node n, String example) {
        return attempt(() -> n.asScalar(example).asBoolean(example));
    }

    private String text(Node n, String example) {
        return attempt(() -> n.asText(example));
    }

    /**
     * The node as a mapping, or null after recording the problem. A mapping where a value was expected, or the
     * reverse, is most often an indentation slip, so the fix says so.
     */
    private MapNode map(Node n, String example) {
        if (n instanceof MapNode m) return m;
        problem(n, "expected key: value lines below it but found " + n.describe(),
                "write it like " + example + " (or check the indentation)");
        return null;
    }

    private boolean present(Node n, String example) {
        if (!(n instanceof ScalarNode s) || !s.isNull()) return true;
        problem(n, "has no settings", "write it like " + example + ", or remove it");
        return false;
    }

    private void known(MapNode m, List<String> allowed, String where) {
        problems.addAll(m.unknownKeys(allowed, where));
    }

    /** Runs a check of the shared YAML tree, keeping its problem instead of stopping at it. */
    private <T> T attempt(Supplier<T> check) {
        try {
            return check.get();
        } catch (PackDefinitionException e) {
            FieldProblem p = e.toProblem();
            problems.add(p.problem().contains("but found a mapping") || p.problem().contains("but found a list")
                    ? new FieldProblem(p.location(), p.field(), p.problem(), p.fix() + " (check the indentation of the lines below it)")
                    : p);
            return null;
        }
    }

    private void problem(Node n, String problem, String fix) {
        problems.add(new FieldProblem(n.location(), n.path(), problem, fix));
    }

    private static String suggest(String typo, List<String> known, String what) {
        return DidYouMean.hint(typo, known) + "(" + what + ": "
                + String.join(", ", known) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 6) + "…";
    }
}
