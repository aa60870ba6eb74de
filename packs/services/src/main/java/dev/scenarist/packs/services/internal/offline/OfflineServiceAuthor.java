package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.plan.Criterion;
import dev.scenarist.packs.services.internal.plan.Rubric;
import dev.scenarist.packs.services.internal.plan.RubricScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services pack's offline author: no model, the {@link ServiceDesigner}. For a run's seed and parameters it
 * answers
 * <ul>
 *   <li>{@code plan} with plan.json as round 0 (missing some rubric rules, {@link PlanGap});</li>
 *   <li>{@code refine} with plan.json as round {@code r} ("Round r of n" in the prompt, else the attempt number): each
 *       round closes two gaps, so the rubric score rises until round {@value PlanGap#AT_START}/2 and then stays;</li>
 *   <li>{@code <stage>:score}, the rubric critic, with {@link Rubric#evaluate} of the plan in its prompt (between
 *       {@link Rubric#PLAN_OPEN} and {@link Rubric#PLAN_CLOSE}, else the workspace's plan.json);</li>
 *   <li>{@code implement} with every implementation file — on attempt 1 with the seed's {@link Defect} if it has one,
 *       from attempt 2 (the repair, with the checks' feedback in its prompt) clean;</li>
 *   <li>{@code validate} (asked only after the dry-run failed) with the clean implementation files.</li>
 * </ul>
 */
public final class OfflineServiceAuthor implements Author {
    public static final String PLAN_STAGE = "plan";
    public static final String REFINE_STAGE = "refine";
    public static final String IMPLEMENT_STAGE = "implement";
    public static final String VALIDATE_STAGE = "validate";

    private static final Pattern ROUND = Pattern.compile("Round (\\d+) of \\d+");

    @Override
    public String id() {
        return "offline";
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws PermanentAuthorException {
        String stage = request.stage();
        String text;
        if (stage.endsWith(":" + Rubric.PURPOSE)) {
            text = score(request);
        } else {
            ServiceDesign d = design(request);
            text = switch (stage) {
                case PLAN_STAGE -> Implementation.reply(Map.of(ScenarioFiles.PLAN, PlanDraft.text(d, 0)));
                case REFINE_STAGE -> Implementation.reply(Map.of(ScenarioFiles.PLAN, PlanDraft.text(d, round(request))));
                case IMPLEMENT_STAGE -> Implementation.reply(Implementation.files(d, request.attempt() <= 1 ? defects(d.seed()) : Set.of()));
                case VALIDATE_STAGE -> Implementation.reply(Implementation.files(d, Set.of()));
                default -> throw new PermanentAuthorException("the offline services author has no answer for stage '" + stage
                        + "'; it answers plan, refine, refine:score, implement and validate");
            };
        }
        return new AuthorReply(text, Usage.ZERO, "offline", Duration.ZERO);
    }

    /** The run parameters the pack passes for a seed: see {@link ServiceDesigner#parameters}. */
    public static Map<String, Object> parameters(long seed, Optional<String> kind) {
        return ServiceDesigner.parameters(seed, kind);
    }

    /**
     * A clean scenario's files by path (seed 0, its plan included): the sample the pack's context shows a model, and
     * what the pack's definition hash covers of this author.
     */
    public static java.util.SortedMap<String, String> sample() {
        ServiceDesign d = ServiceDesigner.design(0, ServiceDesigner.parameters(0, Optional.empty()));
        java.util.SortedMap<String, String> files = new java.util.TreeMap<>(Implementation.files(d, Set.of()));
        files.put(ScenarioFiles.PLAN, PlanDraft.text(d, PlanGap.LAST_ROUND));
        return files;
    }

    /** The defects the first implementation of a seed carries (none or one). */
    public static Set<Defect> defects(long seed) {
        return Defect.forSeed(seed).map(EnumSet::of).orElseGet(() -> EnumSet.noneOf(Defect.class));
    }

    private static ServiceDesign design(AuthorRequest request) throws PermanentAuthorException {
        try {
            return ServiceDesigner.design(request.seed(), request.parameters());
        } catch (IllegalArgumentException e) {
            throw new PermanentAuthorException("the offline services author cannot design this run: " + e.getMessage());
        }
    }

    /** The refinement round: "Round r of n" in the prompt (the engine writes it), else the attempt number. */
    static int round(AuthorRequest request) {
        Matcher m = ROUND.matcher(request.prompt());
        return m.find() ? Integer.parseInt(m.group(1)) : request.attempt();
    }

    /** The rubric critic's reply for the plan the scorer sent (or, failing that, the workspace's plan.json). */
    private static String score(AuthorRequest request) throws PermanentAuthorException {
        Optional<String> planText = Rubric.planText(request.prompt()).or(() -> workspacePlan(request));
        if (planText.isEmpty()) {
            throw new PermanentAuthorException("the rubric critic found no plan: send plan.json between " + Rubric.PLAN_OPEN + " and "
                    + Rubric.PLAN_CLOSE + " (Rubric.prompt builds that prompt)");
        }
        Set<String> catalog = Rubric.catalog(request.prompt()).orElseGet(OfflineServiceAuthor::bundledCatalog);
        JsonNode plan;
        try {
            plan = JsonText.MAPPER.readTree(planText.get());
        } catch (JsonProcessingException e) {
            Map<String, Integer> zeros = new LinkedHashMap<>();
            for (Criterion c : Criterion.values()) zeros.put(c.key(), 0);
            return new RubricScore(zeros, "plan.json is not valid JSON: " + e.getOriginalMessage()).toJson();
        }
        return Rubric.evaluate(plan, catalog).toJson();
    }

    private static Optional<String> workspacePlan(AuthorRequest request) {
        return request.scope().workspace().map(ws -> ws.resolve(ScenarioFiles.PLAN)).filter(Files::isRegularFile).map(p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        });
    }

    /** The resource names of the catalog bundled with the pack, for a critic prompt that does not list them. */
    private static Set<String> bundledCatalog() {
        try (InputStream in = OfflineServiceAuthor.class.getResourceAsStream("/services/resources.yaml")) {
            if (in == null) throw new IllegalStateException("the services pack jar lacks services/resources.yaml");
            Set<String> names = new LinkedHashSet<>();
            new YAMLMapper().readTree(in).path("resources").fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource catalog", e);
        }
    }
}
