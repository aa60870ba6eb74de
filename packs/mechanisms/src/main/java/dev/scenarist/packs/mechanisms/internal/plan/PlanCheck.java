package dev.scenarist.packs.mechanisms.internal.plan;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan is complete and usable: the run's tier, a kind, a title, a learning objective, geometric requirements,
 * a self-verification strategy, and per-axis scale limits the randomizer can use (0.1 ≤ min ≤ 1 ≤ max ≤ 5: the first
 * variant is always the template at unit scale). Findings name the JSON path.
 */
public final class PlanCheck implements Check {
    @Override
    public String name() {
        return "plan";
    }

    @Override
    public int tier() {
        return TIER_INSTANT;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        var text = ctx.workspace().read(Plan.FILE);
        if (text.isEmpty()) return CheckResult.failed(Finding.error("PLAN_MISSING", "no " + Plan.FILE, Plan.FILE, "write the plan"));
        Plan plan;
        try {
            plan = Json.read(text.get(), Plan.class);
        } catch (RuntimeException e) {
            return CheckResult.failed(Finding.error("PLAN_UNREADABLE", "plan.json does not match the plan's shape: " + firstLine(e), Plan.FILE,
                    "tier (number), kind, title, learning_objective (strings), geometric_requirements, self_verification (lists of strings),"
                            + " scale_limits {x:[min,max], y:[…], z:[…]}"));
        }
        return CheckResult.of(findings(plan, expectedTier(ctx)));
    }

    static List<Finding> findings(Plan plan, Optional<Integer> expectedTier) {
        List<Finding> out = new ArrayList<>();
        if (plan.tier() < 1 || plan.tier() > 3) {
            out.add(error("PLAN_TIER", "tier must be 1 (static spatial), 2 (kinematic) or 3 (actuated multi-body), got " + plan.tier(), "$.tier"));
        } else if (expectedTier.isPresent() && plan.tier() != expectedTier.get()) {
            out.add(error("PLAN_TIER", "this run asks for a tier " + expectedTier.get() + " mechanism, the plan is tier " + plan.tier(), "$.tier"));
        }
        requireText(out, plan.kind(), "$.kind", 3);
        requireText(out, plan.title(), "$.title", 5);
        requireText(out, plan.learningObjective(), "$.learning_objective", 30);
        requireList(out, plan.geometricRequirements(), "$.geometric_requirements");
        requireList(out, plan.selfVerification(), "$.self_verification");
        for (String axis : List.of("x", "y", "z")) {
            List<Double> r = plan.scaleLimits().get(axis);
            String path = "$.scale_limits." + axis;
            if (r == null) {
                out.add(error("PLAN_SCALE_LIMITS", "no scale limits for axis " + axis, path));
            } else if (r.size() != 2 || r.get(0) == null || r.get(1) == null) {
                out.add(error("PLAN_SCALE_LIMITS", "scale limits must be [min, max], got " + r, path));
            } else if (!(r.get(0) >= 0.1 && r.get(0) <= 1 && r.get(1) >= 1 && r.get(1) <= 5)) {
                out.add(error("PLAN_SCALE_LIMITS", "scale limits " + r + " must satisfy 0.1 ≤ min ≤ 1 ≤ max ≤ 5 (the first variant is built at scale 1)", path));
            }
        }
        return out;
    }

    private static Optional<Integer> expectedTier(CheckContext ctx) {
        Object t = ctx.run().parameters().get("tier");
        return t instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
    }

    private static void requireText(List<Finding> out, String value, String path, int min) {
        if (value == null || value.strip().length() < min) {
            out.add(error("PLAN_FIELD", path.substring(2) + " is missing or shorter than " + min + " characters", path));
        }
    }

    private static void requireList(List<Finding> out, List<String> value, String path) {
        if (value.isEmpty() || value.stream().anyMatch(s -> s == null || s.isBlank())) {
            out.add(error("PLAN_FIELD", path.substring(2) + " must be a non-empty list of non-empty strings", path));
        }
    }

    private static Finding error(String code, String message, String path) {
        return Finding.error(code, message, Plan.FILE + " " + path, "");
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
