package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services pack as a user runs it: {@code generate --pack services --count 10} offline accepts ten scenarios, each
 * with the dry-run report that shows its SQL loaded into PostgreSQL, and prints the pack's figures; {@code validate} on a
 * scenario whose seed.sql was broken fails with the file and line; wrong options are refused before anything is written;
 * {@code services catalog} prints the catalog a user's own starts from.
 */
class ServicesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void offline_generation_of_ten_then_validate_finds_a_broken_seed_by_file_and_line() throws Exception {
        Path data = tmp.resolve("data");
        var gen = CliRun.in(data, "--json", "generate", "--pack", "services", "--count", "10");
        assertThat(gen.code()).as(gen.err()).isZero();
        List<?> scenarios = (List<?>) gen.json().get("scenarios");
        assertThat(scenarios).hasSize(10);
        for (Object o : scenarios) {
            Path dir = Path.of((String) ((Map<?, ?>) o).get("path"));
            JsonNode report = JSON.readTree(dir.resolve("dry-run/report.json").toFile());
            assertThat(report.get("summary").asText()).as(dir.toString()).contains("errors by class: syntax=0 configuration=0 database=0");
            assertThat(report.get("tables").size()).isGreaterThanOrEqualTo(2);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) gen.json().get("pack_figures");
        assertThat(figures).containsKeys("success_by_category", "first_attempt_validation_pass_rate", "error_classes_by_attempt",
                "refinement_score_by_round", "generation_seconds_per_accepted");
        assertThat(gen.err()).as("the human summary shows them too").contains("Pack figures (services):").contains("first-attempt validation pass");

        // a user edits an accepted scenario and breaks its seed: validate says where
        Path accepted = Path.of((String) ((Map<?, ?>) scenarios.getFirst()).get("path"));
        Path copy = tmp.resolve("edited");
        copyTree(accepted, copy);
        Path seed = copy.resolve("initialization/storage/seed.sql");
        List<String> lines = Files.readAllLines(seed);
        int insert = 0;
        while (!lines.get(insert).startsWith("INSERT INTO")) insert++;
        lines.set(insert, lines.get(insert).replaceFirst("INSERT INTO (\\w+) \\(", "INSERT INTO $1 (no_such_column, "));
        Files.write(seed, lines);
        var valid = CliRun.in(data, "validate", "--pack", "services", accepted.toString());
        assertThat(valid.code()).as(valid.out() + valid.err()).isZero();
        var broken = CliRun.in(data, "validate", "--pack", "services", copy.toString());
        assertThat(broken.code()).as(broken.out() + broken.err()).isEqualTo(1);
        assertThat(broken.out() + broken.err()).contains("initialization/storage/seed.sql:" + (insert + 1)).contains("no_such_column");

        // the same figures on the campaign's page and in its API document
        String campaign = (String) gen.json().get("campaign_id");
        try (ServedApp served = ServedApp.start(data, "t0ken-services-0123456789")) {
            var api = ServedApp.json(served.get("/api/campaigns/" + campaign));
            assertThat(String.valueOf(api.get("report"))).contains("first_attempt_validation_pass_rate");
            var page = served.get("/campaigns/" + campaign);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h2>Pack figures</h2>").contains("data-figure=\"refinement_score_by_round\"")
                    .contains("plan score per round");
        }
    }

    @Test
    void wrong_options_are_refused_naming_the_fix_before_the_data_folder_is_made() throws Exception {
        Path data = tmp.resolve("fresh");
        var kind = CliRun.in(data, "generate", "--pack", "services", "--option", "kind=bakery", "--count", "1");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("kind=bakery").contains("appointment-booking");
        var other = CliRun.in(data, "generate", "--pack", "services", "--option", "domain=x", "--count", "1");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("no option 'domain'").contains("kind=");
        var deploy = CliRun.in(data, "generate", "--pack", "services", "--option", "deploy=on", "--count", "1");
        assertThat(deploy.code()).isEqualTo(2);
        assertThat(deploy.err()).contains("SCENARIST_SERVICES_DEPLOY");
        var missing = CliRun.in(data, "generate", "--pack", "services", "--option", "catalog=" + tmp.resolve("nope.yaml"), "--count", "1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").contains("scenarist services catalog");

        var printed = CliRun.in(tmp.resolve("other"), "services", "catalog");
        assertThat(printed.code()).isZero();
        Path catalog = tmp.resolve("my-resources.yaml");
        Files.writeString(catalog, printed.out().replace("    port: 6379", "    port: sixty"));
        var bad = CliRun.in(data, "generate", "--pack", "services", "--option", "catalog=" + catalog, "--count", "1");
        assertThat(bad.code()).isEqualTo(2);
        int line = 1 + (int) printed.out().substring(0, printed.out().indexOf("    port: 6379")).lines().count();
        assertThat(bad.err()).contains(catalog + ":" + line);
        assertThat(data).as("nothing written").doesNotExist();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t);
            }
        }
    }
}
