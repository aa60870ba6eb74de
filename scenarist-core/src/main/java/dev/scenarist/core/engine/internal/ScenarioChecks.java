package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.author.WorkScope;
import dev.scenarist.core.campaign.internal.BudgetExhaustedException;
import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pack's checks run on a scenario outside any run ({@code validate}), by the engine's own check loop
 * ({@link CheckRunner}): the same tier order, the same retries of checks that could not judge, and judges asking their
 * critic through the same {@link AuthorGateway} as a run's (its retries of transient errors, redaction of errors, usage
 * accounted — {@link #usage()}). Nothing is stored; no budget applies.
 */
public final class ScenarioChecks {
    /** A check's last result, after its retries; empty when it was not run (an earlier tier failed). */
    public record Checked(Check check, Optional<CheckResult> result) {}

    private final EngineServices services;
    private final BudgetGuard budget;
    private final AuthorGateway gateway;
    private final CheckRunner runner;
    private final AuthorGateway.CallLog calls;

    /** {@code critic} answers judge checks; {@code throttle} paces its calls. */
    public ScenarioChecks(EngineServices services, Author critic, Throttle throttle) {
        this.services = services;
        this.budget = BudgetGuard.unlimited(services.clock());
        this.gateway = new AuthorGateway(services, critic, throttle, CircuitBreaker.of(services.circuit(), services.clock()), budget);
        this.runner = new CheckRunner(services, budget);
        this.calls = new AuthorGateway.CallLog("validate", 0);
    }

    /**
     * Runs one stage's checks on {@code workspace}.
     *
     * @param pastFailedTiers run every tier even after one failed (false: as a stage's gate, later tiers are not run)
     * @return every check in the order it ran, then those not run; a check that could not judge does not stop the others
     */
    public List<Checked> run(RunContext run, String stage, List<Check> checks, Workspace workspace, Path artifacts,
                             boolean pastFailedTiers) throws InterruptedException {
        return run(run, stage, checks, new Files(workspace, artifacts, Map.of()), pastFailedTiers);
    }

    /**
     * As {@link #run(RunContext, String, List, Workspace, Path, boolean)} as a stage's gate (later tiers not run after a
     * failed one), for a run's files: with its stages' outputs.
     */
    public List<Checked> runAsGate(RunContext run, String stage, List<Check> checks, Workspace workspace, Path artifacts,
                                   Map<String, String> stageOutputs) throws InterruptedException {
        return run(run, stage, checks, new Files(workspace, artifacts, stageOutputs), false);
    }

    /** What the checks look at: the scenario's files, where by-products go, the outputs of earlier stages. */
    private record Files(Workspace workspace, Path artifacts, Map<String, String> stageOutputs) {}

    private List<Checked> run(RunContext run, String stage, List<Check> checks, Files files, boolean pastFailedTiers) throws InterruptedException {
        var log = new CheckRunner.CriticLog();
        var ctx = new CheckContext(run, stage, files.workspace(), files.stageOutputs(), critic(run, files.workspace(), log), files.artifacts());
        var pass = runner.run(checks, ctx, 0, log, new CheckRunner.Scope(true, pastFailedTiers));
        return pass.checks().stream().map(j -> new Checked(j.check(), j.result())).toList();
    }

    /** What the critic's calls used so far. */
    public Usage usage() {
        return budget.spent();
    }

    /** A judge's question to the critic, named {@code validate:<purpose>}; the critic may read the workspace, edit nothing. */
    private Critic critic(RunContext run, Workspace workspace, CheckRunner.CriticLog log) {
        return (purpose, system, prompt) -> {
            var scope = new WorkScope(Optional.of(workspace.root()), List.of(), List.of("read", "search"));
            var req = new AuthorRequest("validate:" + purpose, system, prompt, ModelSettings.DEFAULTS, 1, run.seed(), run.parameters(), scope);
            return switch (gateway.call(req, purpose, calls, run.campaignId(), run.runId())) {
                case AuthorGateway.Outcome.Replied r -> r.reply().text();
                case AuthorGateway.Outcome.InfraFailed f -> {
                    log.failed(f.error());
                    throw f.error();
                }
                case AuthorGateway.Outcome.BudgetRefused b -> {
                    log.refused(b.stop());
                    throw new BudgetExhaustedException(b.stop()); // no budget applies here: not reached
                }
            };
        };
    }
}
