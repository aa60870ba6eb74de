package dev.scenarist.packs.appworld.internal.pack;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.Section;
import dev.scenarist.packs.appworld.scenario.check.CheckCode;
import dev.scenarist.packs.appworld.scenario.check.ScenarioChecks;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one pipeline step, on the sections written so far: the description reads; the apps seed a phone;
 * the events flow keeps PARE's rules and runs in oracle mode; the validation keeps its rules and is discriminative
 * (passes on the oracle run, fails on a do-nothing agent and on wrong agents). Each finding's location names the
 * section file it is about, so the feedback says which file to change.
 */
public final class StepCheck implements Check {
    private final Section step;
    private final ScenarioChecks checks;

    public StepCheck(Section step, ScenarioChecks checks) {
        this.step = step;
        this.checks = checks;
    }

    @Override
    public String name() {
        return step.name().toLowerCase(Locale.ROOT) + (step.ordinal() >= Section.EVENTS.ordinal() ? "-oracle" : "");
    }

    @Override
    public int tier() {
        // the events and validation steps play the scenario (oracle, do-nothing and wrong agents)
        return step.ordinal() >= Section.EVENTS.ordinal() ? TIER_PROCESS : TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        return switch (SectionFiles.read(context.workspace(), step)) {
            case SectionFiles.Read.Unreadable u -> CheckResult.of(u.findings());
            case SectionFiles.Read.Draft d -> CheckResult.of(located(findings(d.scenario())));
        };
    }

    private List<Finding> findings(Scenario s) throws InterruptedException {
        return switch (step) {
            case DESCRIPTION -> s.description().coreApps().isEmpty()
                    ? List.of(Finding.error("NO_CORE_APPS", "description.json names no core_apps", "description.json $.core_apps",
                            "list the apps the scenario is about, e.g. [\"EmailClientApp\", \"CalendarApp\"]"))
                    : List.of();
            case APPS -> checks.apps(s);
            case EVENTS -> checks.events(s);
            case VALIDATION -> checks.validation(s);
        };
    }

    /** "$.events[2].args" → "events.json $.events[2].args", by the section of the finding's code (else of its path). */
    private static List<Finding> located(List<Finding> findings) {
        return findings.stream().map(f -> {
            String loc = f.location() == null ? "" : f.location();
            if (!loc.startsWith("$")) return f;
            Section section = CheckCode.of(f).map(CheckCode::section)
                    .or(() -> SectionFiles.owner(SectionFiles.topField(loc))).orElse(Section.DESCRIPTION);
            return new Finding(f.code(), f.severity(), f.message(), SectionFiles.file(section) + " " + loc, f.hint(), f.fix());
        }).toList();
    }
}
