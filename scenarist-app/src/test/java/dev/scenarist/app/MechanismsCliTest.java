package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, as a user runs it: offline generation of tier-2 mechanisms with the real sandbox and real
 * MuJoCo, the benchmark layout of each scenario, and promotion into {@code datasets/mechanisms/tier<T>/}.
 */
class MechanismsCliTest {
    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    @Test
    void offlineGenerationYieldsDistinctValidatedBenchmarksThatPromoteIntoTheDataset() throws Exception {
        var gen = cli("--json", "generate", "--pack", "mechanisms", "--tier", "2", "--count", "4");
        assertThat(gen.code()).as(gen.err()).isZero();
        List<?> scenarios = (List<?>) gen.json().get("scenarios");
        assertThat(scenarios).hasSize(4);

        Set<String> kinds = new HashSet<>();
        Set<String> templates = new HashSet<>();
        for (Object o : scenarios) {
            Path dir = Path.of((String) ((Map<?, ?>) o).get("path"));
            Map<?, ?> plan = Json.read(Files.readString(dir.resolve("plan.json")), Map.class);
            assertThat(plan.get("tier")).isEqualTo(2);
            kinds.add((String) plan.get("kind"));
            templates.add(Files.readString(dir.resolve("template.java")));
            List<Path> manifests;
            try (var s = Files.list(dir)) {
                manifests = s.filter(p -> p.getFileName().toString().matches("manifest_\\d+\\.json")).sorted().toList();
            }
            assertThat(manifests).as("one manifest per variant").hasSize(5);
            for (Path mf : manifests) {
                Map<?, ?> m = Json.read(Files.readString(mf), Map.class);
                long seed = ((Number) m.get("seed")).longValue();
                assertThat(m.get("tier")).isEqualTo(2);
                assertThat((List<?>) m.get("scale")).hasSize(3);
                assertThat(dir.resolve("scene_" + seed + ".xml")).exists();
                for (Object mesh : (List<?>) m.get("meshes")) assertThat(dir.resolve((String) mesh)).exists();
                Map<?, ?> sim = (Map<?, ?>) ((Map<?, ?>) m.get("validation")).get("simulation");
                assertThat(sim.get("engine")).asString().contains("MuJoCo");
                assertThat(((Number) sim.get("simulated_seconds")).doubleValue()).isBetween(0.99, 1.01);
                assertThat(((Number) sim.get("max_body_speed")).doubleValue()).isLessThan(((Number) sim.get("speed_limit")).doubleValue());
                var image = ImageIO.read(dir.resolve("images/preview_" + seed + ".png").toFile());
                assertThat(image.getWidth()).isGreaterThan(100);
            }
        }
        assertThat(kinds).as("consecutive runs take the tier's kinds in turn").hasSize(4);
        assertThat(templates).hasSize(4);

        String campaign = (String) gen.json().get("campaign_id");
        var jsonl = cli("--json", "export", "--campaign", campaign, "--format", "jsonl", "--out", tmp.resolve("out").toString());
        assertThat(jsonl.code()).as(jsonl.err()).isZero();
        List<String> lines = Files.readAllLines(Path.of((String) jsonl.json().get("path")));
        assertThat(lines).hasSize(4);
        Map<?, ?> first = Json.read(lines.getFirst(), Map.class);
        assertThat(((Map<?, ?>) first.get("files")).keySet()).map(String::valueOf).contains("plan.json", "template.java");
        Map<?, ?> binary = (Map<?, ?>) first.get("binary_files");
        String png = binary.keySet().stream().map(String::valueOf).filter(k -> k.endsWith(".png")).findFirst().orElseThrow();
        byte[] decoded = java.util.Base64.getDecoder().decode((String) binary.get(png));
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(decoded))).as("a preview survives the JSONL export").isNotNull();

        String id = (String) ((Map<?, ?>) scenarios.getFirst()).get("id");
        var promoted = cli("--json", "promote", id);
        assertThat(promoted.code()).as(promoted.err()).isZero();
        Path to = Path.of((String) promoted.json().get("path"));
        assertThat(to).isEqualTo(tmp.resolve("data/datasets/mechanisms/tier2/" + id));
        assertThat(to.resolve("template.java")).exists();
        assertThat(to.resolve("images")).isDirectory();
    }
}
