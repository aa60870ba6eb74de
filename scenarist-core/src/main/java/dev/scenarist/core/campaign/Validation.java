package dev.scenarist.core.campaign;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.ValidationTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The request and report of {@link Campaigns#validate}. */
public final class Validation {
    private Validation() {}

    /** How far the checks go once a tier found an error. */
    public enum Tiers {
        /** Every tier runs, so the report lists every check (what {@code scenarist validate} prints). */
        ALL,
        /** As the engine's stage gate: tiers after the first one with a failed check are not run. */
        UNTIL_FIRST_FAILURE
    }

    /**
     * @param folder      the scenario's folder; it is copied to a scratch workspace first, so checks never change it
     * @param target      the file named inside it, if one was, and the folders its checks may read besides it
     * @param criticAuthor who answers judge checks (an author spec); built only if a judge asks
     */
    public record Request(Pack pack, Path folder, ValidationTarget target, String criticAuthor, Tiers tiers) {
        public Request(Pack pack, Path folder, ValidationTarget target, String criticAuthor) {
            this(pack, folder, target, criticAuthor, Tiers.ALL);
        }
    }

    /** What one check said: {@code PASSED}, {@code FAILED}, {@code NOT_JUDGED} (could not run) or {@code NOT_RUN} (an earlier tier failed). */
    public enum Status {
        PASSED, FAILED, NOT_JUDGED, NOT_RUN;

        /** As in {@code --json}: passed, failed, not_judged, not_run. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One check's result; {@code error} says why a check was not judged (redacted). */
    public record CheckOutcome(String stage, String check, int tier, Status status, List<Finding> findings, Optional<String> error) {
        public CheckOutcome {
            findings = List.copyOf(findings);
        }

        public static CheckOutcome of(String stage, String check, int tier, CheckResult r, java.util.function.UnaryOperator<String> redact) {
            return switch (r) {
                case CheckResult.Errored e -> new CheckOutcome(stage, check, tier, Status.NOT_JUDGED, r.findings(), Optional.of(redact.apply(e.message())));
                case CheckResult.Failed f -> new CheckOutcome(stage, check, tier, Status.FAILED, r.findings(), Optional.empty());
                case CheckResult.Passed p -> new CheckOutcome(stage, check, tier, Status.PASSED, r.findings(), Optional.empty());
            };
        }
    }

    /**
     * Every check in the order it ran (per stage, cheapest tier first), and the verdict they give.
     *
     * @param criticUsage what the judges' calls to the critic used (tokens, cost)
     */
    public record Report(String pack, List<CheckOutcome> checks, dev.scenarist.core.model.Usage criticUsage) {
        public Report {
            checks = List.copyOf(checks);
            java.util.Objects.requireNonNull(criticUsage, "criticUsage");
        }

        public Report(String pack, List<CheckOutcome> checks) {
            this(pack, checks, dev.scenarist.core.model.Usage.ZERO);
        }

        public ValidationVerdict verdict() {
            int failed = 0;
            List<ValidationVerdict.Unjudged> unjudged = new ArrayList<>();
            for (CheckOutcome c : checks) {
                if (c.status() == Status.FAILED) failed++;
                if (c.status() == Status.NOT_JUDGED) unjudged.add(new ValidationVerdict.Unjudged(c.stage(), c.check(), c.error().orElse("")));
            }
            return ValidationVerdict.of(failed, unjudged);
        }
    }
}
