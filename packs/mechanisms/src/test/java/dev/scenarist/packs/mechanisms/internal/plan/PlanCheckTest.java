package dev.scenarist.packs.mechanisms.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCheckTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            {"tier": 2, "kind": "lever", "title": "Lever on a fulcrum",
             "learning_objective": "torque balance about a pivot: mass times arm on each side",
             "geometric_requirements": ["a beam on a hinge above a fulcrum"], "self_verification": ["no body faster than 1 m/s"],
             "scale_limits": {"x": [0.5, 2.0], "y": [0.8, 1.5], "z": [1.0, 1.0]}}""";

    CheckResult check(String plan, int tier) {
        var ws = new Workspace(dir);
        ws.write("plan.json", plan);
        return new PlanCheck().run(new CheckContext(new RunContext("r", "c", "mechanisms", 1, Map.of("tier", tier)), "plan", ws, Map.of(), null));
    }

    @Test
    void aCompletePlanPassesAndGivesTheRandomizerItsLimits() {
        assertThat(check(GOOD, 2)).isInstanceOf(CheckResult.Passed.class);
        var limits = dev.scenarist.core.model.Json.read(GOOD, Plan.class).limits();
        assertThat(limits.minY()).isEqualTo(0.8);
        assertThat(limits.maxZ()).isEqualTo(1.0);
    }

    @Test
    void theWrongTierAndBadLimitsAreNamedByTheirJsonPath() {
        String bad = GOOD.replace("\"y\": [0.8, 1.5]", "\"y\": [1.2, 3.0]").replace("\"z\": [1.0, 1.0]", "\"z\": [1.0]");
        var r = check(bad, 3);
        assertThat(r.findings()).extracting(Finding::location)
                .containsExactly("plan.json $.tier", "plan.json $.scale_limits.y", "plan.json $.scale_limits.z");
        assertThat(r.findings().getFirst().message()).contains("tier 3 mechanism, the plan is tier 2");
        assertThat(r.findings().get(1).message()).contains("0.1 ≤ min ≤ 1 ≤ max ≤ 5");
    }

    @Test
    void missingFieldsAndAnUnreadablePlanFailWithTheShapeToWrite() {
        var r = check("{\"tier\": 2, \"kind\": \"lever\"}", 2);
        assertThat(r.findings()).extracting(Finding::location).contains("plan.json $.title", "plan.json $.learning_objective",
                "plan.json $.geometric_requirements", "plan.json $.self_verification", "plan.json $.scale_limits.x");
        var unreadable = check("{\"tier\": \"two\"}", 2);
        assertThat(unreadable.findings().getFirst().code()).isEqualTo("PLAN_UNREADABLE");
        assertThat(unreadable.findings().getFirst().hint()).contains("scale_limits {x:[min,max]");
    }
}
