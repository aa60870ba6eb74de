package dev.scenarist.packs.services.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plan rubric of the refine stage. {@link #evaluate} scores a plan deterministically (the offline critic's answer);
 * {@link #SYSTEM} states the same rules to a model critic, and {@link #prompt} builds the critic's prompt, so a model's
 * score and an offline score mean the same thing. The scorer sends the plan between {@link #PLAN_OPEN} and
 * {@link #PLAN_CLOSE} and the catalog's resource names on a line starting with {@link #CATALOG_LINE}; the offline
 * critic finds them there ({@link #planText}, {@link #catalog}).
 */
public final class Rubric {
    /** The highest score of a criterion: one point per rule. */
    public static final int MAX = 5;
    /** Opens the plan's text in the critic's prompt. */
    public static final String PLAN_OPEN = "<plan.json>";
    /** Closes the plan's text in the critic's prompt. */
    public static final String PLAN_CLOSE = "</plan.json>";
    /** Starts the line of the critic's prompt listing the catalog's resource names, comma separated. */
    public static final String CATALOG_LINE = "Catalog resources: ";
    /** The purpose the scorer asks the critic with; the request's stage is then {@code <refine stage>:score}. */
    public static final String PURPOSE = "score";

    /** The critic's instructions: every rule of every criterion, and the reply format {@link RubricScore#parse} reads. */
    public static final String SYSTEM = system();

    private static final Pattern ENGINE_FILE = Pattern.compile("<file path=\"plan\\.json\">\\n?(.*?)</file>", Pattern.DOTALL);

    private Rubric() {}

    /** Scores a plan.json tree against a catalog's resource names: one point per rule met. */
    public static RubricScore evaluate(JsonNode plan, Set<String> catalogResources) {
        List<Assessment> all = assess(plan, catalogResources);
        Map<String, Integer> scores = new LinkedHashMap<>();
        all.forEach(a -> scores.put(a.criterion().key(), a.score()));
        return new RubricScore(scores, all.stream().map(Assessment::reason).collect(Collectors.joining("; ")));
    }

    /** Each criterion's score and the rules that cost it points, in criterion order. */
    public static List<Assessment> assess(JsonNode plan, Set<String> catalogResources) {
        var rules = new CriterionRules(new PlanView(plan), Set.copyOf(catalogResources));
        return Arrays.stream(Criterion.values()).map(rules::assess).toList();
    }

    /** The critic's prompt for a plan's text and the catalog's resource names. */
    public static String prompt(String planText, Collection<String> catalogResources) {
        return "Score this service plan against the rubric.\n\n" + CATALOG_LINE + String.join(", ", new TreeSet<>(catalogResources))
                + "\n\n" + PLAN_OPEN + "\n" + planText.strip() + "\n" + PLAN_CLOSE + "\n";
    }

    /**
     * The plan's text in a critic's prompt: between {@link #PLAN_OPEN} and {@link #PLAN_CLOSE}, else in an engine-style
     * {@code <file path="plan.json">} block.
     */
    public static Optional<String> planText(String prompt) {
        int open = prompt.indexOf(PLAN_OPEN);
        int close = prompt.indexOf(PLAN_CLOSE, Math.max(open, 0));
        if (open >= 0 && close > open) return Optional.of(prompt.substring(open + PLAN_OPEN.length(), close).strip());
        Matcher m = ENGINE_FILE.matcher(prompt);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The catalog's resource names in a critic's prompt, if it lists them. */
    public static Optional<Set<String>> catalog(String prompt) {
        for (String line : prompt.split("\n")) {
            if (line.startsWith(CATALOG_LINE)) {
                Set<String> names = new LinkedHashSet<>();
                for (String n : line.substring(CATALOG_LINE.length()).split(",")) if (!n.isBlank()) names.add(n.strip());
                return Optional.of(names);
            }
        }
        return Optional.empty();
    }

    private static String system() {
        StringBuilder b = new StringBuilder("""
                You score a service plan (plan.json) on five criteria, 0 to 5 each: one point per rule below that the plan \
                meets. The catalog's resource names are in the prompt.

                """);
        for (Criterion c : Criterion.values()) b.append("## ").append(c.key()).append("\n\n").append(c.rules().strip()).append("\n\n");
        b.append("""
                ## Reply format

                Reply with one JSON object and nothing else:
                {"scores": {"completeness": <0..5>, "feasibility": <0..5>, "data_model": <0..5>, "business_model": <0..5>, \
                "testability": <0..5>}, "notes": "<for each criterion, the rules the plan misses>"}
                """);
        return b.toString();
    }
}
