package dev.scenarist.core.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A pack's optional answers, each its {@link PackCapability capability}'s or, for a pack without it, the default — the
 * one place the defaults are written. Callers (engine, app) ask here rather than looking capabilities up themselves.
 */
public final class Capabilities {
    /** Similarity at or above which two scenarios are duplicates, for a pack that does not set its own. */
    public static final double DEFAULT_DUPLICATE_THRESHOLD = 0.85;

    private Capabilities() {}

    /**
     * The run's parameters under the campaign's pack options: {@link PackOptions}', or for a pack without options its
     * {@link Pack#parameters(long)} when there are none, and a refusal naming them when there are.
     *
     * @throws IllegalArgumentException naming the option, the allowed values and the fix
     */
    public static Map<String, Object> parameters(Pack pack, long seed, Map<String, String> options) {
        var withOptions = pack.capability(PackOptions.class);
        if (withOptions.isPresent()) return withOptions.get().parameters(seed, options);
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("pack '" + pack.name() + "' takes no options, but got " + String.join(", ", new TreeSet<>(options.keySet()))
                    + "; remove " + (options.size() == 1 ? "it" : "them") + " (e.g. --tier is for packs with tiers such as 'mechanisms')");
        }
        return pack.parameters(seed);
    }

    /** Lets the pack add to an accepted scenario ({@link ScenarioAssembler}); a pack without it adds nothing. */
    public static void assemble(Pack pack, ScenarioAssembly assembly) throws InterruptedException {
        var assembler = pack.capability(ScenarioAssembler.class);
        if (assembler.isPresent()) assembler.get().assemble(assembly);
    }

    /** The checks {@code scenarist validate} runs, by stage: the pack's {@link ValidationPlan}, or every stage's checks. */
    public static Map<String, List<Check>> validationChecks(Pack pack, ValidationTarget target) {
        return pack.capability(ValidationPlan.class).map(p -> p.validationChecks(target)).orElseGet(() -> everyStagesChecks(pack.pipeline()));
    }

    /** Every stage's checks by stage name, in pipeline order, leaving out stages without checks: what validation runs by default. */
    public static Map<String, List<Check>> everyStagesChecks(Pipeline pipeline) {
        Map<String, List<Check>> out = new LinkedHashMap<>();
        for (Stage s : pipeline.stages()) {
            if (!s.checks().isEmpty()) out.put(s.name(), s.checks());
        }
        return out;
    }

    /**
     * Where {@code scenarist promote} puts an approved scenario, relative to the data folder — one rule for every pack,
     * so a dataset's layout can be found without knowing the pack: {@code datasets/<pack>/<scenario id>}, or
     * {@code datasets/<pack>/<group>/<scenario id>} when the pack groups its scenarios ({@link DatasetGrouping}).
     */
    public static String datasetPath(Pack pack, String scenarioId, Map<String, Object> parameters) {
        String group = pack.capability(DatasetGrouping.class).map(g -> g.datasetGroup(parameters) + "/").orElse("");
        return "datasets/" + pack.name() + "/" + group + scenarioId;
    }

    /** What this machine must provide for the pack's checks ({@link MachineNeeds}); a pack without it needs nothing. */
    public static List<Requirement> requirements(Pack pack) {
        return pack.capability(MachineNeeds.class).map(MachineNeeds::requirements).orElse(List.of());
    }

    /** The pack's duplicate threshold ({@link DuplicateThreshold}), or {@link #DEFAULT_DUPLICATE_THRESHOLD}. */
    public static double duplicateThreshold(Pack pack) {
        return pack.capability(DuplicateThreshold.class).map(DuplicateThreshold::duplicateThreshold).orElse(DEFAULT_DUPLICATE_THRESHOLD);
    }

    /** The pack's catalog uniqueness policy ({@link CatalogUniqueness}), or empty: the pack keeps the shingle similarity. */
    public static java.util.Optional<dev.scenarist.core.catalog.UniquenessPolicy> uniquenessPolicy(Pack pack) {
        return pack.capability(CatalogUniqueness.class).map(CatalogUniqueness::uniquenessPolicy);
    }

    /** The pack's own summary figures; none for a pack without {@link PackAnalytics}. */
    public static List<PackFigure> figures(Pack pack, CampaignEvidence evidence) {
        return pack.capability(PackAnalytics.class).map(a -> a.figures(evidence)).orElse(List.of());
    }
}
