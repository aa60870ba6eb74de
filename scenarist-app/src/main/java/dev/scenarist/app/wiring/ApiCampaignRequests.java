package dev.scenarist.app.wiring;

import dev.scenarist.app.config.CampaignConfig;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.packs.PackRegistry;
import dev.scenarist.app.preflight.MissingComponentsException;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.packs.yaml.tree.FieldProblem;
import dev.scenarist.server.CampaignRequests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The server's campaign requests, read as {@code scenarist generate} reads its options and {@code --config} file: the
 * configuration keys go through the same strict reader ({@link CampaignConfig#parse}: unknown fields with the closest
 * known one, digits only, positive durations, known providers), then the pack answers for its options and the stages
 * models name, then this machine's components for the pack are checked — each refusal a field error.
 */
final class ApiCampaignRequests implements CampaignRequests {
    /** The request's own keys; every other key is a campaign configuration key. */
    private static final Set<String> OWN = Set.of("pack", "count", "tier", "family", "start");

    private final PackRegistry packs;
    private final dev.scenarist.app.preflight.Preflight preflight;

    ApiCampaignRequests(PackRegistry packs, dev.scenarist.app.preflight.Preflight preflight) {
        this.packs = packs;
        this.preflight = preflight;
    }

    @Override
    public Prepared prepare(Map<String, Object> body) throws InterruptedException {
        List<FieldError> errors = new ArrayList<>();
        String packName = null;
        if (!(body.get("pack") instanceof String p) || p.isBlank()) {
            errors.add(new FieldError("pack", "is missing", "name a pack, e.g. \"pack\": \"sql-quiz\" (see 'scenarist packs')"));
        } else {
            packName = p;
        }
        int count = 0;
        Object c = body.get("count");
        if (c instanceof Integer || c instanceof Long) {
            long n = ((Number) c).longValue();
            if (n < 1 || n > 100_000) errors.add(new FieldError("count", "count must be between 1 and 100000, got " + n, "e.g. \"count\": 5"));
            else count = (int) n;
        } else {
            errors.add(new FieldError("count", c == null ? "is missing" : "must be a whole number, got " + Json.write(c), "e.g. \"count\": 5"));
        }
        Map<String, String> options = new HashMap<>();
        for (String key : List.of("tier", "family")) {
            Object v = body.get(key);
            if (v == null) continue;
            if (v instanceof String || v instanceof Integer || v instanceof Long) options.put(key, String.valueOf(v));
            else errors.add(new FieldError(key, "must be a string, got " + Json.write(v), "e.g. \"" + key + "\": \"2\""));
        }
        if (body.containsKey("start") && !(body.get("start") instanceof Boolean)) {
            errors.add(new FieldError("start", "must be true or false", "leave it out to start the campaign at once"));
        }
        Map<String, Object> rest = new LinkedHashMap<>(body);
        rest.keySet().removeAll(OWN);
        CampaignConfig config = CampaignConfig.EMPTY;
        if (!rest.isEmpty()) {
            try {
                config = CampaignConfig.parse(Json.write(rest), "request");
            } catch (ConfigException e) {
                if (e.problems().isEmpty()) errors.add(new FieldError("", e.getMessage(), ""));
                for (FieldProblem p : e.problems()) errors.add(new FieldError(p.field(), p.problem(), p.fix()));
            }
        }
        if (!errors.isEmpty()) throw invalid(errors);

        CampaignSpec spec;
        try {
            spec = spec(packName, count, config, options);
        } catch (IllegalArgumentException | ConfigException e) {
            throw invalid(List.of(new FieldError("", e.getMessage(), "")));
        }
        Pack pack;
        try {
            pack = packs.get(packName);
        } catch (PackRegistry.UnknownPackException e) {
            throw invalid(List.of(new FieldError("pack", e.getMessage(), "see 'scenarist packs'")));
        }
        try {
            Capabilities.parameters(pack, spec.seed(), spec.options());
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(new FieldError(options.containsKey("tier") ? "tier" : "options", e.getMessage(), "")));
        }
        try {
            config.requireStagesOf(packName, pack.pipeline().stages().stream().map(s -> s.name()).toList(),
                    pack.pipeline().stages().stream().filter(s -> s instanceof dev.scenarist.core.pack.Stage.RefineStage).map(s -> s.name()).toList());
        } catch (ConfigException e) {
            throw invalid(e.problems().stream().map(p -> new FieldError(p.field(), p.problem(), p.fix())).toList());
        }
        try {
            preflight.require(pack);
        } catch (MissingComponentsException e) {
            throw invalid(List.of(new FieldError("pack", e.getMessage(), "install what is missing on the server's machine ('scenarist doctor')")));
        }
        return new Prepared(spec, pack);
    }

    /** Every pack that loads, in name order; a pack whose definition is broken is left out (its request is refused with why). */
    @Override
    public List<PackInfo> packs() {
        List<PackInfo> out = new ArrayList<>();
        for (PackRegistry.Source source : packs.sources()) {
            Pack pack;
            try {
                pack = packs.get(source.name());
            } catch (RuntimeException e) {
                continue;
            }
            out.add(new PackInfo(pack.name(), pack.description(), pack.pipeline().stages().stream().map(ApiCampaignRequests::stage).toList()));
        }
        out.sort(java.util.Comparator.comparing(PackInfo::name));
        return out;
    }

    private static StageInfo stage(dev.scenarist.core.pack.Stage s) {
        return switch (s) {
            case dev.scenarist.core.pack.Stage.AuthorStage a -> new StageInfo(a.name(), a.kind(), a.policy().maxAttempts(), 0);
            case dev.scenarist.core.pack.Stage.RefineStage r -> new StageInfo(r.name(), r.kind(), r.policy().maxAttempts(), r.rounds());
            case dev.scenarist.core.pack.Stage.ReviewStage r -> new StageInfo(r.name(), r.kind(), r.policy().maxAttempts(), 0);
            case dev.scenarist.core.pack.Stage.GateStage g -> new StageInfo(g.name(), g.kind(), 0, 0);
        };
    }

    /** The spec from the request, with the defaults {@code generate} uses when neither an option nor the file gives a value. */
    private static CampaignSpec spec(String pack, int count, CampaignConfig c, Map<String, String> extra) {
        var b = c.budget() == null ? CampaignConfig.Budget.NONE : c.budget();
        Map<String, String> options = new HashMap<>(c.options());
        options.putAll(extra);
        var budget = new CampaignBudget(b.maxRuns() == null ? OptionalInt.empty() : OptionalInt.of(b.maxRuns()),
                b.maxTokens() == null ? OptionalLong.empty() : OptionalLong.of(b.maxTokens()),
                b.maxCostUsd() == null ? OptionalDouble.empty() : OptionalDouble.of(b.maxCostUsd()), Optional.ofNullable(b.maxWall()));
        return new CampaignSpec(pack, count, c.author() != null ? c.author() : AuthorFactory.OFFLINE, c.seed() != null ? c.seed() : 0,
                c.concurrency() != null ? c.concurrency() : CampaignSpec.DEFAULT_CONCURRENCY, budget,
                c.stageOverrides(), options, c.authorSettings(), c.category(), c.approveAfter(),
                Boolean.TRUE.equals(c.lessons()));
    }

    private static InvalidRequestException invalid(List<FieldError> errors) {
        String msg = errors.size() == 1
                ? (errors.getFirst().field().isEmpty() ? "" : errors.getFirst().field() + ": ") + errors.getFirst().problem()
                : "the request has " + errors.size() + " problems";
        return new InvalidRequestException(msg, errors);
    }
}
