package dev.scenarist.packs.appworld.internal.pack;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFormatException;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import dev.scenarist.packs.appworld.scenario.check.ScenarioChecks;
import java.util.List;

/**
 * Every step's checks on one whole scenario document ({@code scenarist validate --pack appworld scenario.json}): it
 * reads strictly, the seed loads, the flow keeps its rules and runs in oracle mode, the validation is discriminative.
 */
public final class DocumentCheck implements Check {
    private final String file;
    private final ScenarioChecks checks;

    public DocumentCheck(String file, ScenarioChecks checks) {
        this.file = file;
        this.checks = checks;
    }

    @Override
    public String name() {
        return "scenario";
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        var text = context.workspace().read(file);
        if (text.isEmpty()) return CheckResult.failed(Finding.error("SCENARIO_MISSING", file + " is missing", file, "name a scenario document"));
        Scenario s;
        try {
            s = new ScenarioReader().read(text.get());
        } catch (ScenarioFormatException e) {
            return CheckResult.failed(Finding.error(ScenarioFormatException.CODE, e.problem(), file + " " + e.path(), e.fix()));
        }
        List<Finding> findings = checks.all(s).stream()
                .map(f -> new Finding(f.code(), f.severity(), f.message(), file + " " + f.location(), f.hint(), f.fix())).toList();
        return CheckResult.of(findings);
    }
}
