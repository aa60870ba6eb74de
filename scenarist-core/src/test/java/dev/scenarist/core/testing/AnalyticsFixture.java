package dev.scenarist.core.testing;

import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.model.CheckStatus;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A small store written by hand, whose analytics are worked out on paper in the tests that use it:
 *
 * <pre>
 * campaign  pack   category lessons active  runs
 * c-base    quiz   alpha    off     60 s    b1 accepted  draft#1 FAILED (schema: SCHEMA_BAD + a STYLE warning; lint: nothing)
 *                                                        draft#2 PASSED, polish#1 PASSED
 *                                           b2 rejected (checks exhausted)  draft#1 FAILED (no checks: REPLY_FORMAT)
 *                                                        draft#2 FAILED (schema: SCHEMA_BAD)
 *                                           b3 rejected (budget)  draft#1 BUDGET_STOPPED
 *                                           b4 failed_infra       draft#1 INFRA_ERROR
 * c-less    quiz   alpha    on      30 s    l1, l2 accepted  draft#1 PASSED, polish#1 PASSED;  l3 running, no attempts
 * c-other   boxes  (none)   off     0 s     o1 rejected (duplicate)  build#1 FAILED (geometry: MESH_OPEN), build#2 PASSED
 * </pre>
 *
 * Every author/refine attempt that called the author spent {@link #DRAFT} (draft, build) or {@link #POLISH} (polish);
 * budget-stopped and infra-error attempts spent nothing.
 */
public final class AnalyticsFixture {
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    public static final Usage DRAFT = new Usage(100, 50, 0, 0, 0.01);
    public static final Usage POLISH = new Usage(10, 5, 0, 0, 0.001);
    public static final Finding SCHEMA_AGE = new Finding("SCHEMA_BAD", Severity.ERROR, "column 'age' missing at line 3", "q.sql:3",
            "declare every column the query reads", "add the column to schema.sql");
    public static final Finding SCHEMA_NAME = new Finding("SCHEMA_BAD", Severity.ERROR, "column \"name\" missing at line 12", "q.sql:12",
            "declare every column the query reads", "add the column to schema.sql");
    public static final Finding STYLE = Finding.warning("STYLE", "long line", "q.sql:1", "");
    public static final Finding REPLY_FORMAT = Finding.error("REPLY_FORMAT", "no <file> block in the reply", "", "reply with <file path=…> blocks");
    public static final Finding MESH_OPEN = Finding.error("MESH_OPEN", "mesh 'box' is not watertight", "box.stl", "close the mesh");

    private final Store store;

    private AnalyticsFixture(Store store) {
        this.store = store;
    }

    /** Writes the fixture into an empty store. */
    public static void writeInto(Store store) {
        writeInto(store, "quiz");
    }

    /** The same, with the quiz campaigns under another pack name (a real pack, for the command line's pack check). */
    public static void writeInto(Store store, String quizPack) {
        var f = new AnalyticsFixture(store);
        f.campaign("c-base", quizPack, "alpha", false, 60_000, 0);
        f.campaign("c-less", quizPack, "alpha", true, 30_000, 1);
        f.campaign("c-other", "boxes", "", false, 0, 2);

        f.run("b1", "c-base", RunState.ACCEPTED, Optional.empty(),
                new A("draft", 1, AttemptVerdict.FAILED, DRAFT, 0, List.of(SCHEMA_AGE, STYLE),
                        List.of(check("schema", CheckStatus.FAILED, SCHEMA_AGE, STYLE), check("lint", CheckStatus.PASSED))),
                new A("draft", 2, AttemptVerdict.PASSED, DRAFT, 10, List.of(), List.of(check("schema", CheckStatus.PASSED))),
                new A("polish", 1, AttemptVerdict.PASSED, POLISH, 20, List.of(), List.of()));
        f.run("b2", "c-base", RunState.REJECTED, Optional.of(RejectReason.CHECKS_EXHAUSTED),
                new A("draft", 1, AttemptVerdict.FAILED, DRAFT, 60, List.of(REPLY_FORMAT), List.of()),
                new A("draft", 2, AttemptVerdict.FAILED, DRAFT, 90, List.of(SCHEMA_NAME), List.of(check("schema", CheckStatus.FAILED, SCHEMA_NAME))));
        f.run("b3", "c-base", RunState.REJECTED, Optional.of(RejectReason.BUDGET),
                new A("draft", 1, AttemptVerdict.BUDGET_STOPPED, Usage.ZERO, 100, List.of(), List.of()));
        f.run("b4", "c-base", RunState.FAILED_INFRA, Optional.empty(),
                new A("draft", 1, AttemptVerdict.INFRA_ERROR, Usage.ZERO, 110, List.of(), List.of()));
        for (String id : List.of("l1", "l2")) {
            f.run(id, "c-less", RunState.ACCEPTED, Optional.empty(),
                    new A("draft", 1, AttemptVerdict.PASSED, DRAFT, 120, List.of(), List.of(check("schema", CheckStatus.PASSED))),
                    new A("polish", 1, AttemptVerdict.PASSED, POLISH, 121, List.of(), List.of()));
        }
        f.run("l3", "c-less", RunState.RUNNING, Optional.empty());
        f.run("o1", "c-other", RunState.REJECTED, Optional.of(RejectReason.DUPLICATE),
                new A("build", 1, AttemptVerdict.FAILED, DRAFT, 5, List.of(MESH_OPEN), List.of(check("geometry", CheckStatus.FAILED, MESH_OPEN))),
                new A("build", 2, AttemptVerdict.PASSED, DRAFT, 6, List.of(), List.of(check("geometry", CheckStatus.PASSED))));
    }

    /** One attempt: its stage and number within it, verdict, usage, minutes after {@link #T0}, findings and checks. */
    private record A(String stage, int stageAttempt, AttemptVerdict verdict, Usage usage, int minute, List<Finding> findings,
                     List<Check> checks) {}

    private record Check(String name, CheckStatus status, List<Finding> findings) {}

    private static Check check(String name, CheckStatus status, Finding... findings) {
        return new Check(name, status, List.of(findings));
    }

    private void campaign(String id, String pack, String category, boolean lessons, long activeMillis, int order) {
        var spec = new CampaignSpec(pack, 3, "scripted", 0, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of(), Map.of(),
                category, List.of(), lessons);
        Instant created = T0.plusSeconds(order);
        store.campaigns().create(new CampaignRecord(id, pack, 3, CampaignStatus.COMPLETED, "", "fp-" + id, Json.write(spec),
                created, created, activeMillis));
    }

    private void run(String id, String campaignId, RunState end, Optional<RejectReason> reason, A... attempts) {
        String pack = store.campaigns().find(campaignId).orElseThrow().pack();
        RunRecord run = new RunRecord(id, campaignId, pack, Integer.parseInt(id.substring(1)), 0, Map.of(), end, reason, "", RunProgress.START,
                T0, T0, 0);
        store.runs().create(run);
        int seq = 0;
        for (A a : attempts) {
            seq++;
            Instant start = T0.plus(Duration.ofMinutes(a.minute()));
            run = new RunRecord(id, campaignId, pack, run.ordinal(), 0, Map.of(), end, reason, "", RunProgress.START, T0, start, run.version() + 1);
            List<CheckRecord> checks = new ArrayList<>();
            for (Check c : a.checks()) checks.add(new CheckRecord(id, seq, c.name(), 1, c.status(), c.findings(), OptionalDouble.empty(), 5));
            store.runs().commitAttempt(new AttemptCommit(new AttemptRecord(id, seq, a.stage(), a.stageAttempt(), a.verdict(), a.findings(),
                    a.usage(), "m", "h", start, start.plusSeconds(30)), List.of(), checks, run));
        }
    }
}
