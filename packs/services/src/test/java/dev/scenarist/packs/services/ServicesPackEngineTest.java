package dev.scenarist.packs.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.catalog.UniquenessIndex;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.offline.OfflineServiceAuthor;
import dev.scenarist.sandbox.testing.ThisMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services pack through the engine, as a campaign runs it: offline, ten scenarios accepted, each proven by a dry-run
 * that really loaded its SQL into PostgreSQL, with the refinement scores in the trajectory and the pack's figures in the
 * summary; a model whose seed.sql names an undefined column, or whose phase names a missing file, is rejected with that
 * exact finding after it was fed back; a campaign with deployment on runs the machine's deploy command.
 */
class ServicesPackEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private ServicesPack pack = new ServicesPack(ThisMachine.sandbox(), ServicesSettings.NONE);

    @AfterEach
    void stopPostgres() {
        pack.close();
    }

    private EngineHarness harness() {
        return new EngineHarness(data, new UniquenessIndex(name -> Optional.of(pack.uniquenessPolicy()), Optional.empty()));
    }

    @Test
    void offline_generation_accepts_ten_scenarios_whose_sql_really_loaded_with_scores_rising_over_the_refinement_rounds() throws Exception {
        EngineHarness h = harness();
        CampaignReport report = h.generate(EngineHarness.spec(pack, 10), pack, pack.offlineAuthor());

        assertThat(report.accepted()).as(report.toString()).isEqualTo(10);
        for (var s : report.scenarios()) {
            Path dir = data.resolve(s.path());
            for (String f : ScenarioFiles.REQUIRED) assertThat(dir.resolve(f)).as(s.path()).isRegularFile();
            JsonNode dryRun = JSON.readTree(dir.resolve("dry-run/report.json").toFile());
            assertThat(dryRun.get("mode").asText()).isEqualTo("built-in");
            dryRun.get("errors_by_class").forEach(n -> assertThat(n.asInt()).as(s.path() + " dry-run errors").isZero());
            assertThat(dryRun.get("tables").size()).as("tables PostgreSQL held after schema.sql").isGreaterThanOrEqualTo(2);
            int rows = 0;
            for (JsonNode n : dryRun.get("tables")) rows += n.asInt();
            assertThat(rows).as(s.path() + ": seed.sql rows PostgreSQL held").isPositive();
        }

        // the trajectory keeps every refinement round's score; the best is never below where the plan started
        for (RunRecord run : h.store.runs().byCampaign(report.campaignId())) {
            if (run.state() != RunState.ACCEPTED) continue;
            List<Double> scores = new ArrayList<>();
            for (String line : Files.readAllLines(data.resolve("runs").resolve(run.id()).resolve("steps.jsonl"))) {
                JsonNode step = JSON.readTree(line);
                if ("refine".equals(step.path("stage").asText()) && step.has("score")) scores.add(step.get("score").asDouble());
            }
            assertThat(scores).as(run.id() + ": round 0 and two rewrites").hasSize(3);
            assertThat(scores).as("the offline author closes two rubric gaps a round").isSorted();
            assertThat(scores.getLast()).isGreaterThan(scores.getFirst());
        }

        Map<String, Object> figures = new TreeMap<>();
        report.packFigures().forEach(f -> figures.put(f.key(), f.value()));
        assertThat(figures).containsKeys("success_by_category", "first_attempt_validation_pass_rate", "error_classes_by_attempt",
                "refinement_score_by_round", "generation_seconds_per_accepted");
        assertThat(new ArrayList<Object>(((Map<?, ?>) figures.get("refinement_score_by_round")).keySet())).containsExactly("0", "1", "2");
    }

    @Test
    void a_seed_sql_with_an_undefined_column_is_fed_back_from_the_dry_run_and_the_run_is_rejected_with_that_finding() throws Exception {
        SortedMap<String, String> files = OfflineServiceAuthor.sample();
        String seed = files.get(ScenarioFiles.SEED_SQL);
        Matcher insert = Pattern.compile("INSERT INTO \\w+ \\((\\w+)").matcher(seed);
        assertThat(insert.find()).isTrue();
        String broken = seed.substring(0, insert.start(1)) + "no_such_column" + seed.substring(insert.end(1));
        int line = (int) broken.substring(0, insert.start(1)).lines().count();
        files.put(ScenarioFiles.SEED_SQL, broken);
        var author = model(files);
        EngineHarness h = harness();

        CampaignReport report = h.generate(oneRun(), pack, author);

        assertThat(report.accepted()).isZero();
        assertThat(report.rejectedByReason()).as(report.toString()).containsKey("checks_exhausted");
        String where = ScenarioFiles.SEED_SQL + ":" + line;
        assertThat(author.requests("validate")).as("the repair is asked with the dry-run's finding").isNotEmpty()
                .allSatisfy(r -> assertThat(r.prompt()).contains("SVC_DATABASE_UNDEFINED_COLUMN").contains(where).contains("no_such_column"));
        assertThat(lastFindings(h, report, "validate")).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SVC_DATABASE_UNDEFINED_COLUMN");
            assertThat(f.location()).isEqualTo(where);
        });
    }

    @Test
    void a_phase_naming_a_missing_file_is_found_statically_fed_back_and_the_run_is_rejected_with_that_finding() throws Exception {
        SortedMap<String, String> files = OfflineServiceAuthor.sample();
        String service = files.get(ScenarioFiles.SERVICE);
        String missing = "initialization/storage/seed-data.sql";
        String broken = service.replaceFirst("(\"file\"\\s*:\\s*)\"" + Pattern.quote(ScenarioFiles.SEED_SQL) + "\"", "$1\"" + missing + "\"");
        assertThat(broken).isNotEqualTo(service);
        files.put(ScenarioFiles.SERVICE, broken);
        var author = model(files);
        EngineHarness h = harness();

        CampaignReport report = h.generate(oneRun(), pack, author);

        assertThat(report.rejectedByReason()).as(report.toString()).containsKey("checks_exhausted");
        assertThat(author.requests("implement")).hasSize(3);
        assertThat(author.requests("implement").get(1).prompt()).contains("SVC_MISSING_FILE_TASK").contains(missing);
        assertThat(author.requests("validate")).as("a scenario that fails its static checks is never dry-run").isEmpty();
        assertThat(lastFindings(h, report, "implement")).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SVC_MISSING_FILE_TASK");
            assertThat(f.location()).startsWith(ScenarioFiles.SERVICE + "#/deployment/phases/");
            assertThat(f.message()).contains(missing);
        });
    }

    @Test
    void with_deployment_on_the_machine_s_deploy_command_runs_on_the_scenario_and_its_output_is_recorded() throws Exception {
        pack.close();
        pack = new ServicesPack(ThisMachine.sandbox(), new ServicesSettings(Optional.of("test -f service.json && echo deployed"),
                Map.of("PATH", "/usr/bin:/bin")));
        var s = EngineHarness.spec(pack, 1);
        var spec = new dev.scenarist.core.campaign.CampaignSpec(s.pack(), 1, s.author(), s.seed(), 1, s.budget(), s.stageSettings(),
                Map.of("deploy", "on"));
        EngineHarness h = harness();

        CampaignReport report = h.generate(spec, pack, pack.offlineAuthor());

        assertThat(report.accepted()).as(report.toString()).isEqualTo(1);
        RunRecord run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        String deploy = Files.readAllLines(data.resolve("runs").resolve(run.id()).resolve("steps.jsonl")).stream()
                .filter(l -> l.contains("\"stage\":\"deploy\"")).findFirst().orElseThrow();
        assertThat(deploy).contains("deployed with `test -f service.json && echo deployed").contains("deployed");
    }

    /** One scenario, and no second run when the first is rejected. */
    private dev.scenarist.core.campaign.CampaignSpec oneRun() {
        var s = EngineHarness.spec(pack, 1);
        return new dev.scenarist.core.campaign.CampaignSpec(s.pack(), 1, s.author(), s.seed(), 1, new dev.scenarist.core.campaign.CampaignBudget(
                java.util.OptionalInt.of(1), java.util.OptionalLong.empty(), java.util.OptionalDouble.empty(), Optional.empty()), s.stageSettings(), Map.of());
    }

    /** A model that writes the given files: the plan as it is, a full rubric score, and the same implementation every time. */
    private static ScriptedAuthor model(SortedMap<String, String> files) {
        String plan = reply(Map.of(ScenarioFiles.PLAN, files.get(ScenarioFiles.PLAN)));
        SortedMap<String, String> implementation = new TreeMap<>(files);
        implementation.remove(ScenarioFiles.PLAN);
        String impl = reply(implementation);
        return new ScriptedAuthor().always("plan", r -> plan).always("refine", r -> plan)
                .always("refine:score", r -> "{\"scores\": {\"completeness\": 5, \"feasibility\": 5, \"data_model\": 5, \"business_model\": 5,"
                        + " \"testability\": 5}, \"notes\": \"\"}")
                .always("implement", r -> impl).always("validate", r -> impl);
    }

    private static String reply(Map<String, String> files) {
        StringBuilder b = new StringBuilder();
        files.forEach((path, text) -> b.append("<file path=\"").append(path).append("\">\n").append(text).append(text.endsWith("\n") ? "" : "\n")
                .append("</file>\n"));
        return b.toString();
    }

    private static List<Finding> lastFindings(EngineHarness h, CampaignReport report, String stage) {
        List<AttemptRecord> attempts = h.store.runs().attemptsOfCampaign(report.campaignId()).stream().filter(a -> a.stage().equals(stage)).toList();
        assertThat(attempts).isNotEmpty();
        return attempts.getLast().findings();
    }
}
