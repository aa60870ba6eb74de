package dev.scenarist.packs.mechanisms.internal.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scenarist.packs.mechanisms.internal.template.Randomizer;
import java.util.List;
import java.util.Map;

/**
 * {@code plan.json}: the planner's design of one template.
 *
 * @param scaleLimits per axis ("x", "y", "z") the [min, max] scale the randomizer may apply
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(
        @JsonProperty("tier") int tier,
        @JsonProperty("kind") String kind,
        @JsonProperty("title") String title,
        @JsonProperty("learning_objective") String learningObjective,
        @JsonProperty("geometric_requirements") List<String> geometricRequirements,
        @JsonProperty("self_verification") List<String> selfVerification,
        @JsonProperty("scale_limits") Map<String, List<Double>> scaleLimits,
        @JsonProperty("design") Map<String, Double> design) {
    public static final String FILE = "plan.json";

    public Plan {
        geometricRequirements = geometricRequirements == null ? List.of() : List.copyOf(geometricRequirements);
        selfVerification = selfVerification == null ? List.of() : List.copyOf(selfVerification);
        scaleLimits = scaleLimits == null ? Map.of() : Map.copyOf(scaleLimits);
        design = design == null ? Map.of() : Map.copyOf(design);
    }

    /** The randomizer's limits; call only on a plan that passed {@link PlanCheck}. */
    public Randomizer.Limits limits() {
        return new Randomizer.Limits(axis("x").get(0), axis("x").get(1), axis("y").get(0), axis("y").get(1), axis("z").get(0), axis("z").get(1));
    }

    private List<Double> axis(String a) {
        return scaleLimits.getOrDefault(a, List.of(0.5, 2.0));
    }
}
