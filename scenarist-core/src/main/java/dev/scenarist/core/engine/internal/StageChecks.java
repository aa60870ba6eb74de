package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.WorkScope;
import dev.scenarist.core.campaign.internal.BudgetExhaustedException;
import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import java.util.List;
import java.util.Optional;

/**
 * Runs a stage's checks for one attempt: gives judge checks a {@link Critic} that asks the run's author through the
 * gateway, and runs them through the {@link CheckRunner} loop as the stage's gate: checks that could not judge are
 * retried like any infrastructure failure; a budget stop is not (waiting does not give a budget back), nor is a check
 * that cannot run on this machine at all (no sandbox, a tool not installed): waiting will not install it.
 */
final class StageChecks {
    private final EngineServices services;
    private final AuthorGateway gateway;
    private final StageSettings stageSettings;
    private final CheckRunner runner;

    StageChecks(EngineServices services, AuthorGateway gateway, StageSettings stageSettings, BudgetGuard budget) {
        this.services = services;
        this.gateway = gateway;
        this.stageSettings = stageSettings;
        this.runner = new CheckRunner(services, budget);
    }

    CheckRunner.Outcome run(AttemptContext ctx, List<Check> checks, Attempt a) throws InterruptedException {
        // told when the budget refuses a judge's call, even if the check swallowed the exception and reported "could not judge"
        var critic = new CheckRunner.CriticLog();
        var run = ctx.run();
        CheckContext checkContext = new CheckContext(ctx.runContext(), ctx.stageName(), ctx.ws(), run.progress().stageOutputs(),
                critic(ctx, a, critic), services.layout().run(run.id()).artifacts());
        return runner.run(checks, checkContext, a.seq(), critic, CheckRunner.Scope.GATE).outcome();
    }

    /**
     * A critic for a gate of this attempt (the uniqueness judge): as a judge check's, except that a call the budget
     * refuses fails as a permanent author error, so the gate falls back to its rule without a judge.
     */
    Critic gateCritic(AttemptContext ctx, Attempt a) {
        Critic inner = critic(ctx, a, new CheckRunner.CriticLog());
        return (purpose, system, prompt) -> {
            try {
                return inner.ask(purpose, system, prompt);
            } catch (BudgetExhaustedException e) {
                throw new dev.scenarist.core.author.PermanentAuthorException("the campaign budget refused the call: " + e.getMessage());
            }
        };
    }

    /**
     * Judge checks ask the run's author, through the gateway, so their calls are retried and accounted.
     * The request is named {@code <stage>:<purpose>} and numbered with the stage attempt it judges.
     * A call the budget refuses throws {@link BudgetExhaustedException}, never an author (infrastructure) error.
     */
    private Critic critic(AttemptContext ctx, Attempt a, CheckRunner.CriticLog log) {
        var run = ctx.run();
        String stage = ctx.stageName();
        return (purpose, system, prompt) -> {
            ModelSettings settings = stageSettings.effective(stage, ModelSettings.DEFAULTS);
            // a critic only reads: it gets the workspace, nothing editable
            var scope = new WorkScope(Optional.of(services.layout().run(run.id()).workspace().root()), List.of(), List.of("read", "search"));
            var req = new AuthorRequest(stage + ":" + purpose, system, prompt, settings, a.stageAttempt(), run.seed(), run.parameters(), scope);
            return switch (gateway.call(req, purpose, a.calls(), run.campaignId(), run.id())) {
                case AuthorGateway.Outcome.Replied r -> r.reply().text();
                case AuthorGateway.Outcome.InfraFailed f -> {
                    log.failed(f.error());
                    throw f.error();
                }
                case AuthorGateway.Outcome.BudgetRefused b -> {
                    log.refused(b.stop());
                    throw new BudgetExhaustedException(b.stop());
                }
            };
        };
    }
}
