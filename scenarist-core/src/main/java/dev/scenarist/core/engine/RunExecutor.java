package dev.scenarist.core.engine;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.campaign.BudgetExhaustedException;
import dev.scenarist.core.campaign.BudgetGuard;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.trajectory.RunFiles;
import dev.scenarist.core.trajectory.TrajectoryLog;
import dev.scenarist.core.workspace.EditPolicy;
import dev.scenarist.core.workspace.ParsedReply;
import dev.scenarist.core.workspace.ReplyParser;
import dev.scenarist.core.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Drives one run through its pack's pipeline. The orchestrator owns every decision: the author only proposes;
 * the guardrail, edit policy and checks judge; each attempt's trajectory event, snapshot and run state are
 * committed together (files first, the store's transaction last, the store being the point of truth), so a
 * run killed at any moment continues from its last committed attempt.
 */
public final class RunExecutor {
    private final EngineServices services;
    private final Pack pack;
    private final AuthorGateway gateway;
    private final StageSettings stageSettings;
    private final Acceptance acceptance;
    private final PromptBuilder prompts = new PromptBuilder();
    private final ReplyParser parser = new ReplyParser();
    private final CheckRunner checks;
    private final BudgetGuard budget;
    /** The first permanent infrastructure failure any run of this executor hit (null: none); see {@link #permanentFailure()}. */
    private final java.util.concurrent.atomic.AtomicReference<String> permanentFailure = new java.util.concurrent.atomic.AtomicReference<>();

    public RunExecutor(EngineServices services, Pack pack, dev.scenarist.core.author.Author author, BudgetGuard budget,
                       StageSettings stageSettings, Acceptance acceptance) {
        this(services, pack, author, dev.scenarist.core.author.Throttle.NONE, services.circuit().newBreaker(services.clock()),
                budget, stageSettings, acceptance);
    }

    /** With the campaign's shared throttle and circuit breaker, so all its runs pace and pause together. */
    public RunExecutor(EngineServices services, Pack pack, dev.scenarist.core.author.Author author, dev.scenarist.core.author.Throttle throttle,
                       CircuitBreaker breaker, BudgetGuard budget, StageSettings stageSettings, Acceptance acceptance) {
        this.services = services;
        this.pack = pack;
        this.gateway = new AuthorGateway(author, throttle, breaker, services.retry(), services.sleeper(), services.random().get(),
                services.clock(), budget, services.events(), services.redact());
        this.stageSettings = stageSettings;
        this.acceptance = acceptance;
        this.checks = new CheckRunner(services.events());
        this.budget = budget;
    }

    /** Where a stage left the run: go on to the next stage, or stop (the run is settled or paused). */
    private sealed interface Step {
        RunRecord run();

        record Next(RunRecord run) implements Step {}

        record Stop(RunRecord run) implements Step {}
    }

    /** What one attempt did, before it is committed. */
    private record AttemptData(int seq, String stage, int stageAttempt, AttemptVerdict verdict, List<Finding> findings,
                               AuthorGateway.CallLog calls, List<CheckRecord> checkRecords, String promptHash,
                               Instant started, Map<String, Object> trace) {}

    /**
     * Runs (or continues) the run to a settled state: accepted, rejected, failed_infra, paused or cancelled.
     * Interrupting the thread leaves the run resumable from its last committed attempt.
     */
    public RunRecord execute(String runId) throws InterruptedException {
        RunRecord run = services.store().runs().find(runId)
                .orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.state().isTerminal()) return run;
        boolean humanApproved = run.state() == RunState.PAUSED;
        run = update(run.moveTo(RunState.RUNNING, Optional.empty(), "", now()));
        RunFiles files = services.layout().run(runId);
        Workspace ws = recover(run, files);
        services.events().publish(new ScenaristEvent.RunStarted(run.campaignId(), run.id(), run.ordinal()));

        List<Stage> stages = pack.pipeline().stages();
        while (run.progress().stageIndex() < stages.size()) {
            int idx = run.progress().stageIndex();
            Stage stage = stages.get(idx);
            services.events().publish(new ScenaristEvent.StageStarted(run.campaignId(), run.id(), stage.name(), idx));
            Step step = switch (stage) {
                case Stage.AuthorStage a -> authorStage(run, idx, a, files, ws);
                case Stage.RefineStage r -> refineStage(run, idx, r, files, ws);
                case Stage.ReviewStage r -> reviewStage(run, idx, r, files, ws);
                case Stage.GateStage g -> gateStage(run, idx, g, files, ws, humanApproved);
            };
            humanApproved = false;
            run = step.run();
            if (step instanceof Step.Stop) return finished(run);
        }
        return finished(acceptance.accept(run, context(run), pack, ws, files));
    }

    /**
     * Why a run of this executor stopped on a failure no retry can fix (the sandbox cannot start, a tool is not
     * installed), if one did. Every further run would fail the same way, so a campaign stops starting runs.
     */
    public Optional<String> permanentFailure() {
        return Optional.ofNullable(permanentFailure.get());
    }

    /** Rebuilds the workspace from the last committed state and cuts any uncommitted trajectory tail. */
    private Workspace recover(RunRecord run, RunFiles files) {
        RunProgress p = run.progress();
        new TrajectoryLog(files.steps()).truncateTo(p.trajectoryBytes());
        files.pruneSnapshotsFrom(p.stageIndex());
        Workspace ws = files.workspace();
        ws.restoreFrom(files.latestSnapshotBefore(p.stageIndex()).orElse(null));
        p.lastAttemptFiles().forEach(ws::write);
        return ws;
    }

    private RunRecord finished(RunRecord run) {
        services.events().publish(new ScenaristEvent.RunFinished(run.campaignId(), run.id(), run.state(), run.detail()));
        return run;
    }

    // ---------------------------------------------------------------- author

    private Step authorStage(RunRecord run, int idx, Stage.AuthorStage st, RunFiles files, Workspace ws) throws InterruptedException {
        int max = st.policy().maxAttempts();
        ModelSettings settings = stageSettings.effective(st.name(), st.policy().model());
        EditPolicy policy = PromptBuilder.editPolicy(st.policy().editable(), st.outputs());
        if (st.verifyFirst() && run.progress().stageAttempts() == 0) {
            Step verified = verifyOnly(run, idx, st, files, ws);
            if (verified instanceof Step.Stop || verified.run().progress().stageIndex() != idx) return verified;
            run = verified.run();
        }
        while (true) {
            var a = nextAttempt(run, st, ws, max, settings);
            RunProgress p = a.progress();
            int stageAttempt = a.stageAttempt();
            int seq = a.seq();
            Instant started = a.started();
            var log = a.log();
            AuthorRequest req = a.request();
            var outcome = gateway.call(req, "stage", log, run.campaignId(), run.id());
            Map<String, Object> trace = trace(req, null);
            switch (outcome) {
                case AuthorGateway.Outcome.BudgetRefused b -> {
                    return new Step.Stop(refusedByBudget(run, files, ws, b.stop()));
                }
                case AuthorGateway.Outcome.InfraFailed f -> {
                    return new Step.Stop(infraFailure(run, idx, st.name(), seq, log, List.of(), req.hash(), started, trace, f.error().getMessage(), files, ws));
                }
                case AuthorGateway.Outcome.Replied r -> trace.put("reply", r.reply().text());
            }
            var reply = ((AuthorGateway.Outcome.Replied) outcome).reply();
            SortedMap<String, String> changed = new TreeMap<>(p.lastAttemptFiles());
            List<Finding> findings;
            List<CheckRecord> checkRecords = List.of();
            FailureKind kind = FailureKind.VALIDATION_NOT_REACHED;
            boolean passed;
            switch (parser.parse(reply.text(), st.outputs())) {
                case ParsedReply.Rejected rej -> {
                    findings = rej.findings();
                    passed = false;
                }
                case ParsedReply.Artifact art -> {
                    EditPolicy.Decision d = policy.decide(art.files(), ws);
                    d.allowed().forEach(ws::write);
                    changed.putAll(d.allowed());
                    trace.put("files_written", d.allowed().keySet());
                    if (!d.violations().isEmpty()) {
                        findings = d.violations();
                        passed = false;
                    } else {
                        var co = runChecks(st.checks(), run, st.name(), ws, seq, stageAttempt, log);
                        var unjudged = unjudged(co, run, idx, st.name(), seq, log, req.hash(), started, trace, files, ws);
                        if (unjudged.isPresent()) return unjudged.get();
                        findings = co.findings();
                        checkRecords = co.records();
                        passed = co.passed();
                        kind = FailureKind.ofFailedTier(co.failedTier(), co.reachedLastTier());
                    }
                }
            }
            var data = new AttemptData(seq, st.name(), stageAttempt, passed ? AttemptVerdict.PASSED : AttemptVerdict.FAILED,
                    findings, log, checkRecords, req.hash(), started, trace);
            if (passed) {
                run = commit(run, files, ws, idx, data, p.stagePassed(seq, p.stageOutputs(), log.usage()), true, null);
                return new Step.Next(run);
            }
            RunProgress failed = p.attempted(seq, stageAttempt, findings, changed, p.bestScore(), log.usage());
            if (stageAttempt >= max) {
                String why = "stage '" + st.name() + "' failed its checks " + max + " times; last: " + firstError(findings);
                writeFailure(files, ws, kind, st.name(), why, findings);
                return new Step.Stop(commit(run, files, ws, idx, data, failed, false,
                        new End(RunState.REJECTED, Optional.of(RejectReason.CHECKS_EXHAUSTED), why)));
            }
            run = commit(run, files, ws, idx, data, failed, false, null);
        }
    }

    /**
     * The first attempt of a verifying stage: the checks on the files as they are, no author call. Passing ends the
     * stage; failing spends attempt 1 and leaves its findings as the feedback for the author's repair.
     */
    private Step verifyOnly(RunRecord run, int idx, Stage.AuthorStage st, RunFiles files, Workspace ws) throws InterruptedException {
        RunProgress p = run.progress();
        int seq = p.attemptSeq() + 1;
        Instant started = now();
        var log = new AuthorGateway.CallLog(run.id(), seq);
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("verify_only", true);
        var co = runChecks(st.checks(), run, st.name(), ws, seq, 1, log);
        var unjudged = unjudged(co, run, idx, st.name(), seq, log, "", started, trace, files, ws);
        if (unjudged.isPresent()) return unjudged.get();
        var data = new AttemptData(seq, st.name(), 1, co.passed() ? AttemptVerdict.PASSED : AttemptVerdict.FAILED,
                co.findings(), log, co.records(), "", started, trace);
        if (co.passed()) return new Step.Next(commit(run, files, ws, idx, data, p.stagePassed(seq, p.stageOutputs(), log.usage()), true, null));
        RunProgress failed = p.attempted(seq, 1, co.findings(), p.lastAttemptFiles(), p.bestScore(), log.usage());
        if (st.policy().maxAttempts() <= 1) {
            String why = "stage '" + st.name() + "' failed its checks; last: " + firstError(co.findings());
            FailureKind kind = FailureKind.ofFailedTier(co.failedTier(), co.reachedLastTier());
            writeFailure(files, ws, kind, st.name(), why, co.findings());
            return new Step.Stop(commit(run, files, ws, idx, data, failed, false,
                    new End(RunState.REJECTED, Optional.of(RejectReason.CHECKS_EXHAUSTED), why)));
        }
        return new Step.Next(commit(run, files, ws, idx, data, failed, false, null));
    }

    // ---------------------------------------------------------------- refine

    private Step refineStage(RunRecord run, int idx, Stage.RefineStage st, RunFiles files, Workspace ws) throws InterruptedException {
        ModelSettings settings = stageSettings.effective(st.name(), st.policy().model());
        EditPolicy policy = PromptBuilder.editPolicy(st.policy().editable(), st.outputs());
        var scored = new java.util.ArrayList<>(st.checks());
        scored.add(st.scorer());
        while (true) {
            RunProgress p = run.progress();
            int round = p.stageAttempts(); // round 0 scores the files as they came in
            int seq = p.attemptSeq() + 1;
            Instant started = now();
            var log = new AuthorGateway.CallLog(run.id(), seq);
            SortedMap<String, String> best = new TreeMap<>(p.lastAttemptFiles());
            SortedMap<String, String> candidate = new TreeMap<>(best);
            List<Finding> findings = List.of();
            String hash = "";
            Map<String, Object> trace = new LinkedHashMap<>();
            boolean usable = true;
            if (round > 0) {
                String extra = p.bestScore() >= 0
                        ? String.format(java.util.Locale.ROOT, "Round %d of %d. The best version so far scored %.3f; beat it.", round, st.rounds(), p.bestScore())
                        : "Round " + round + " of " + st.rounds() + ". No version has passed the checks yet.";
                AuthorRequest req = prompts.build(new PromptBuilder.Input(pack, st, run.parameters(), run.seed(), ws,
                        p.stageOutputs(), p.lastFindings(), round, st.rounds(), settings, extra));
                hash = req.hash();
                trace = trace(req, null);
                var outcome = gateway.call(req, "stage", log, run.campaignId(), run.id());
                if (outcome instanceof AuthorGateway.Outcome.BudgetRefused b) {
                    return new Step.Stop(refusedByBudget(run, files, ws, b.stop()));
                }
                if (outcome instanceof AuthorGateway.Outcome.InfraFailed f) {
                    return new Step.Stop(infraFailure(run, idx, st.name(), seq, log, List.of(), hash, started, trace, f.error().getMessage(), files, ws));
                }
                String text = ((AuthorGateway.Outcome.Replied) outcome).reply().text();
                trace.put("reply", text);
                switch (parser.parse(text, st.outputs())) {
                    case ParsedReply.Rejected rej -> {
                        findings = rej.findings();
                        usable = false;
                    }
                    case ParsedReply.Artifact art -> {
                        EditPolicy.Decision d = policy.decide(art.files(), ws);
                        if (!d.violations().isEmpty()) {
                            findings = d.violations();
                            usable = false;
                        } else {
                            d.allowed().forEach(ws::write);
                            candidate.putAll(d.allowed());
                        }
                    }
                }
            }
            double score = -1;
            List<CheckRecord> records = List.of();
            if (usable) {
                var co = runChecks(scored, run, st.name(), ws, seq, round, log);
                var unjudged = unjudged(co, run, idx, st.name(), seq, log, hash, started, trace, files, ws);
                if (unjudged.isPresent()) return unjudged.get();
                records = co.records();
                findings = co.findings();
                boolean checksPassed = co.records().stream().filter(r -> !r.check().equals(st.scorer().name()))
                        .noneMatch(r -> r.status().equals("failed"));
                if (checksPassed && co.score().isPresent()) score = co.score().getAsDouble();
            }
            boolean improved = score >= 0 && score > p.bestScore();
            double bestScore = improved ? score : p.bestScore();
            if (improved) best = candidate;
            // the workspace always holds the best version so far, which is what the next round improves on
            ws.restoreFrom(files.latestSnapshotBefore(idx).orElse(null));
            best.forEach(ws::write);
            trace.put("round", round);
            trace.put("score", score);
            trace.put("best_score", bestScore);
            var data = new AttemptData(seq, st.name(), round, score >= 0 ? AttemptVerdict.PASSED : AttemptVerdict.FAILED,
                    findings, log, records, hash, started, trace);
            if (round < st.rounds()) {
                run = commit(run, files, ws, idx, data, p.attempted(seq, round + 1, findings, best, bestScore, log.usage()), false, null);
                continue;
            }
            if (bestScore < 0) {
                String why = "refine stage '" + st.name() + "': no version passed the checks in " + st.rounds() + " rounds";
                writeFailure(files, ws, FailureKind.VALIDATION_FAILED, st.name(), why, findings);
                return new Step.Stop(commit(run, files, ws, idx, data, p.attempted(seq, round + 1, findings, best, bestScore, log.usage()), false,
                        new End(RunState.REJECTED, Optional.of(RejectReason.CHECKS_EXHAUSTED), why)));
            }
            Map<String, String> outputs = new HashMap<>(p.stageOutputs());
            outputs.put(st.name(), String.format(java.util.Locale.ROOT, "best score %.3f after %d rounds", bestScore, st.rounds()));
            return new Step.Next(commit(run, files, ws, idx, data, p.stagePassed(seq, outputs, log.usage()), true, null));
        }
    }

    // ---------------------------------------------------------------- review

    private Step reviewStage(RunRecord run, int idx, Stage.ReviewStage st, RunFiles files, Workspace ws) throws InterruptedException {
        ModelSettings settings = stageSettings.effective(st.name(), st.policy().model());
        int max = st.policy().maxAttempts();
        while (true) {
            var a = nextAttempt(run, st, ws, max, settings);
            RunProgress p = a.progress();
            int stageAttempt = a.stageAttempt();
            int seq = a.seq();
            Instant started = a.started();
            var log = a.log();
            AuthorRequest req = a.request();
            Map<String, Object> trace = trace(req, null);
            var outcome = gateway.call(req, "review", log, run.campaignId(), run.id());
            if (outcome instanceof AuthorGateway.Outcome.BudgetRefused b) {
                return new Step.Stop(refusedByBudget(run, files, ws, b.stop()));
            }
            if (outcome instanceof AuthorGateway.Outcome.InfraFailed f) {
                return new Step.Stop(infraFailure(run, idx, st.name(), seq, log, List.of(), req.hash(), started, trace, f.error().getMessage(), files, ws));
            }
            String text = ((AuthorGateway.Outcome.Replied) outcome).reply().text().strip();
            trace.put("reply", text);
            if (!text.isEmpty()) {
                Map<String, String> outputs = new HashMap<>(p.stageOutputs());
                outputs.put(st.name(), text);
                var data = new AttemptData(seq, st.name(), stageAttempt, AttemptVerdict.PASSED, List.of(), log, List.of(), req.hash(), started, trace);
                return new Step.Next(commit(run, files, ws, idx, data, p.stagePassed(seq, outputs, log.usage()), true, null));
            }
            List<Finding> findings = List.of(Finding.error("EMPTY_REVIEW", "the review is empty", "", "write concrete feedback on the files"));
            var data = new AttemptData(seq, st.name(), stageAttempt, AttemptVerdict.FAILED, findings, log, List.of(), req.hash(), started, trace);
            RunProgress failed = p.attempted(seq, stageAttempt, findings, p.lastAttemptFiles(), p.bestScore(), log.usage());
            if (stageAttempt >= max) {
                String why = "review stage '" + st.name() + "' got no review in " + max + " attempts";
                writeFailure(files, ws, FailureKind.VALIDATION_NOT_REACHED, st.name(), why, findings);
                return new Step.Stop(commit(run, files, ws, idx, data, failed, false, new End(RunState.REJECTED, Optional.of(RejectReason.CHECKS_EXHAUSTED), why)));
            }
            run = commit(run, files, ws, idx, data, failed, false, null);
        }
    }

    // ---------------------------------------------------------------- gate

    private Step gateStage(RunRecord run, int idx, Stage.GateStage st, RunFiles files, Workspace ws, boolean humanApproved)
            throws InterruptedException {
        RunProgress p = run.progress();
        int seq = p.attemptSeq() + 1;
        Instant started = now();
        var log = new AuthorGateway.CallLog(run.id(), seq);
        String text = pack.uniquenessText(ws);
        GateDecision decision = st.gate().decide(new GateContext(context(run), ws, text, services.similarity()));
        if (decision instanceof GateDecision.AwaitHuman && humanApproved) decision = new GateDecision.Pass("approved by a person");
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("gate", st.gate().name());
        trace.put("decision", decision.getClass().getSimpleName());
        switch (decision) {
            case GateDecision.Pass pass -> {
                Map<String, String> outputs = new HashMap<>(p.stageOutputs());
                if (!pass.note().isBlank()) outputs.put(st.name(), pass.note());
                var data = new AttemptData(seq, st.name(), 1, AttemptVerdict.PASSED, List.of(), log, List.of(), "", started, trace);
                return new Step.Next(commit(run, files, ws, idx, data, p.stagePassed(seq, outputs, Usage.ZERO), true, null));
            }
            case GateDecision.Reject rej -> {
                var data = new AttemptData(seq, st.name(), 1, AttemptVerdict.FAILED, rej.findings(), log, List.of(), "", started, trace);
                String why = "gate '" + st.gate().name() + "' rejected the scenario: " + firstError(rej.findings());
                FailureKind kind = rej.reason() == RejectReason.DUPLICATE ? FailureKind.DUPLICATE : FailureKind.GATE;
                writeFailure(files, ws, kind, st.name(), why, rej.findings());
                return new Step.Stop(commit(run, files, ws, idx, data, p.attempted(seq, 1, rej.findings(), p.lastAttemptFiles(), p.bestScore(), Usage.ZERO),
                        false, new End(RunState.REJECTED, Optional.of(rej.reason()), why)));
            }
            case GateDecision.AwaitHuman ask -> {
                var data = new AttemptData(seq, st.name(), 1, AttemptVerdict.FAILED, List.of(), log, List.of(), "", started, trace);
                return new Step.Stop(commit(run, files, ws, idx, data, p.attempted(seq, 0, List.of(), p.lastAttemptFiles(), p.bestScore(), Usage.ZERO),
                        false, new End(RunState.PAUSED, Optional.empty(), "awaiting a person: " + ask.question())));
            }
        }
    }

    // ---------------------------------------------------------------- shared

    private record End(RunState state, Optional<RejectReason> reason, String detail) {}

    /** The next content attempt of a stage: its numbers, its call log and the prompt built from the run's progress. */
    private record NextAttempt(RunProgress progress, int stageAttempt, int seq, Instant started, AuthorGateway.CallLog log,
                               AuthorRequest request) {}

    private NextAttempt nextAttempt(RunRecord run, Stage st, Workspace ws, int max, ModelSettings settings) {
        RunProgress p = run.progress();
        int stageAttempt = p.stageAttempts() + 1;
        int seq = p.attemptSeq() + 1;
        AuthorRequest req = prompts.build(new PromptBuilder.Input(pack, st, run.parameters(), run.seed(), ws,
                p.stageOutputs(), p.lastFindings(), stageAttempt, max, settings, ""));
        return new NextAttempt(p, stageAttempt, seq, now(), new AuthorGateway.CallLog(run.id(), seq), req);
    }

    private CheckRunner.Outcome runChecks(List<dev.scenarist.core.pack.Check> list, RunRecord run, String stage, Workspace ws,
                                          int seq, int stageAttempt, AuthorGateway.CallLog log) throws InterruptedException {
        // set when the budget refuses a judge's call, even if the check swallowed the exception and reported "could not judge"
        var refused = new java.util.concurrent.atomic.AtomicReference<BudgetStop>();
        CheckContext ctx = new CheckContext(context(run), stage, ws, run.progress().stageOutputs(), critic(run, stage, stageAttempt, log, refused),
                services.layout().run(run.id()).artifacts());
        // a check that could not judge (crashed process, critic unreachable) is retried like any infrastructure failure;
        // a budget stop is not: waiting does not give a budget back; nor is a check that cannot run on this machine at all
        // (no sandbox, a tool not installed): waiting will not install it
        var random = services.random().get();
        for (int retry = 0; ; retry++) {
            var outcome = checks.run(list, ctx, seq);
            if (!(outcome.unjudged().orElse(null) instanceof CheckRunner.Unjudged.Errored errored)) return outcome;
            Optional<BudgetStop> stop = Optional.ofNullable(refused.get()).or(budget::refusal);
            if (stop.isPresent()) return outcome.withUnjudged(new CheckRunner.Unjudged.BudgetStopped(stop.get()));
            if (errored.permanent() || retry >= services.retry().maxRetries()) return outcome;
            var delay = services.retry().delayBefore(retry + 1, random.nextDouble());
            services.events().publish(new ScenaristEvent.InfraRetry(run.campaignId(), run.id(), stage, retry + 1, delay.toMillis(), errored.message()));
            Duration left = budget.wallLeft().orElse(delay);
            services.sleeper().sleep(left.compareTo(delay) < 0 ? left : delay);
        }
    }

    /**
     * Judge checks ask the run's author, through the gateway, so their calls are retried and accounted.
     * The request is named {@code <stage>:<purpose>} and numbered with the stage attempt it judges.
     * A call the budget refuses throws {@link BudgetExhaustedException}, never an author (infrastructure) error.
     */
    private Critic critic(RunRecord run, String stage, int stageAttempt, AuthorGateway.CallLog log,
                          java.util.concurrent.atomic.AtomicReference<BudgetStop> refused) {
        return (purpose, system, prompt) -> {
            ModelSettings settings = stageSettings.effective(stage, ModelSettings.DEFAULTS);
            // a critic only reads: it gets the workspace, nothing editable
            var scope = new dev.scenarist.core.author.WorkScope(java.util.Optional.of(services.layout().run(run.id()).workspace().root()),
                    List.of(), List.of("read", "search"));
            var req = new AuthorRequest(stage + ":" + purpose, system, prompt, settings, stageAttempt, run.seed(), run.parameters(), scope);
            var outcome = gateway.call(req, purpose, log, run.campaignId(), run.id());
            return switch (outcome) {
                case AuthorGateway.Outcome.Replied r -> r.reply().text();
                case AuthorGateway.Outcome.InfraFailed f -> throw f.error();
                case AuthorGateway.Outcome.BudgetRefused b -> {
                    refused.compareAndSet(null, b.stop());
                    throw new BudgetExhaustedException(b.stop());
                }
            };
        };
    }

    /** Ends the run when its checks gave no verdict: an infrastructure failure (retries spent) or a budget stop. */
    private Optional<Step> unjudged(CheckRunner.Outcome co, RunRecord run, int idx, String stage, int seq, AuthorGateway.CallLog log,
                                    String hash, Instant started, Map<String, Object> trace, RunFiles files, Workspace ws) {
        if (co.unjudged().isEmpty()) return Optional.empty();
        return Optional.of(new Step.Stop(switch (co.unjudged().get()) {
            case CheckRunner.Unjudged.Errored e -> infraFailure(run, idx, stage, seq, log, co.records(), hash, started, trace, e.message(),
                    e.permanent(), files, ws);
            case CheckRunner.Unjudged.BudgetStopped b -> budgetStopped(run, idx, stage, seq, log, co.records(), hash, started, trace, b.stop(), files, ws);
        }));
    }

    private RunContext context(RunRecord run) {
        return new RunContext(run.id(), run.campaignId(), run.pack(), run.seed(), run.parameters());
    }

    /**
     * Commits one attempt: snapshot (if the stage passed), then the trajectory line (fsync), then the store
     * transaction with the trajectory's new length. A crash before the store commits leaves a tail that resume cuts.
     */
    private RunRecord commit(RunRecord run, RunFiles files, Workspace ws, int idx, AttemptData a, RunProgress next,
                             boolean stagePassed, End end) {
        if (stagePassed) files.writeSnapshot(idx, a.stage(), ws);
        Instant finished = now();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "attempt");
        event.put("run", run.id());
        event.put("seq", a.seq());
        event.put("stage", a.stage());
        event.put("stage_attempt", a.stageAttempt());
        event.put("verdict", a.verdict().label());
        event.put("findings", a.findings());
        event.put("checks", a.checkRecords().stream().map(c -> Map.of("check", c.check(), "status", c.status(),
                "millis", c.durationMillis(), "findings", c.findings())).toList());
        event.put("usage", a.calls().usage());
        event.put("calls", a.calls().calls().stream().map(c -> Map.of("purpose", c.purpose(), "model", c.model(),
                "outcome", c.outcome(), "error", c.error(), "millis", c.latencyMillis(), "usage", c.usage())).toList());
        if (!a.calls().waits().isEmpty()) event.put("waits", a.calls().waits());
        event.put("started", a.started().toString());
        event.put("millis", java.time.Duration.between(a.started(), finished).toMillis());
        a.trace().forEach((k, v) -> event.put(k, v instanceof String str ? services.redact().apply(str) : v));
        if (end != null) event.put("run_state", end.state().label());
        if (stagePassed) event.put("snapshot", "snapshots/" + RunFiles.snapshotName(idx, a.stage()));
        long bytes = new TrajectoryLog(files.steps()).append(event);
        RunProgress progress = next.withTrajectoryBytes(bytes);
        RunRecord after = end == null
                ? run.withProgress(progress, finished)
                : run.next(end.state(), end.reason(), end.detail(), progress, finished);
        AttemptRecord rec = new AttemptRecord(run.id(), a.seq(), a.stage(), a.stageAttempt(), a.verdict(), a.findings(),
                a.calls().usage(), a.calls().model(), a.promptHash(), a.started(), finished);
        services.store().runs().commitAttempt(new AttemptCommit(rec, a.calls().calls(), a.checkRecords(), after));
        int errors = (int) a.findings().stream().filter(Finding::isError).count();
        services.events().publish(new ScenaristEvent.AttemptFinished(run.campaignId(), run.id(), a.stage(), a.stageAttempt(),
                a.verdict(), errors, a.calls().usage()));
        return after;
    }

    private RunRecord infraFailure(RunRecord run, int idx, String stage, int seq, AuthorGateway.CallLog log, List<CheckRecord> records,
                                   String hash, Instant started, Map<String, Object> trace, String error, RunFiles files, Workspace ws) {
        return infraFailure(run, idx, stage, seq, log, records, hash, started, trace, error, false, files, ws);
    }

    /** @param permanent the machine lacks a component: remembered, so the campaign starts no further run that would fail alike */
    private RunRecord infraFailure(RunRecord run, int idx, String stage, int seq, AuthorGateway.CallLog log, List<CheckRecord> records,
                                   String hash, Instant started, Map<String, Object> trace, String error, boolean permanent,
                                   RunFiles files, Workspace ws) {
        RunProgress p = run.progress();
        String why = services.redact().apply((permanent ? "missing component in stage '" : "infrastructure failure in stage '")
                + stage + "': " + error);
        if (permanent) permanentFailure.compareAndSet(null, why);
        writeFailure(files, ws, FailureKind.INFRASTRUCTURE, stage, why, List.of());
        var data = new AttemptData(seq, stage, 0, AttemptVerdict.INFRA_ERROR, List.of(), log, records, hash, started, trace);
        // an infrastructure failure spends no content attempt: stageAttempts stays as it was
        RunProgress next = p.attempted(seq, p.stageAttempts(), p.lastFindings(), p.lastAttemptFiles(), p.bestScore(), log.usage());
        return commit(run, files, ws, idx, data, next, false, new End(RunState.FAILED_INFRA, Optional.empty(), why));
    }

    /**
     * The budget stopped the run mid-attempt (a judge's call refused): the attempt is committed so the calls it made
     * stay accounted, spends no content attempt, and the run is rejected for budget — resumable once the cap is raised.
     */
    private RunRecord budgetStopped(RunRecord run, int idx, String stage, int seq, AuthorGateway.CallLog log, List<CheckRecord> records,
                                    String hash, Instant started, Map<String, Object> trace, BudgetStop stop, RunFiles files, Workspace ws) {
        RunProgress p = run.progress();
        writeFailure(files, ws, FailureKind.BUDGET, stage, stop.message(), List.of());
        var data = new AttemptData(seq, stage, 0, AttemptVerdict.BUDGET_STOPPED, List.of(), log, records, hash, started, trace);
        RunProgress next = p.attempted(seq, p.stageAttempts(), p.lastFindings(), p.lastAttemptFiles(), p.bestScore(), log.usage());
        return commit(run, files, ws, idx, data, next, false, new End(RunState.REJECTED, Optional.of(RejectReason.BUDGET), stop.message()));
    }

    /** The budget refused a stage's own call before it was made: nothing to commit but the run's end. */
    private RunRecord refusedByBudget(RunRecord run, RunFiles files, Workspace ws, BudgetStop stop) {
        return endWithoutAttempt(run, files, ws, RunState.REJECTED, Optional.of(RejectReason.BUDGET), stop.message(), FailureKind.BUDGET);
    }

    private RunRecord endWithoutAttempt(RunRecord run, RunFiles files, Workspace ws, RunState state, Optional<RejectReason> reason,
                                        String why, FailureKind kind) {
        writeFailure(files, ws, kind, "", why, List.of());
        return update(run.moveTo(state, reason, why, now()));
    }

    private void writeFailure(RunFiles files, Workspace ws, FailureKind kind, String stage, String why, List<Finding> findings) {
        var dir = files.failureDir();
        Workspace.deleteTree(dir, true);
        Workspace.copyTree(ws.root(), dir.resolve("workspace"));
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("kind", kind.label());
        reason.put("stage", stage);
        reason.put("message", why);
        reason.put("findings", findings.stream().map(Finding::forPeople).toList()); // read by people: no hints for the model
        new Workspace(dir).write("reason.json", Json.pretty(reason));
    }

    private static String firstError(List<Finding> findings) {
        // a run's detail is shown to people (runs, show, the campaign summary): their form, not the model's
        return findings.stream().filter(Finding::isError).findFirst().map(Finding::renderForPeople).orElse("(no detail)");
    }

    private Map<String, Object> trace(AuthorRequest req, String reply) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("prompt_hash", req.hash());
        t.put("model_settings", req.settings().describe());
        t.put("system", req.system());
        t.put("prompt", req.prompt());
        if (reply != null) t.put("reply", reply);
        return t;
    }

    private RunRecord update(RunRecord r) {
        services.store().runs().update(r);
        return r;
    }

    private Instant now() {
        return services.clock().instant();
    }
}
