package dev.scenarist.core.engine;

import static dev.scenarist.core.engine.PipelineEngineTest.draft;
import static dev.scenarist.core.engine.PipelineEngineTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verifying stage checks the files first and calls the author only to repair them; packs may assemble extras and refuse options. */
class VerifyStageTest {
    @TempDir
    Path data;

    static Stage.AuthorStage verify(Check... checks) {
        return Stage.AuthorStage.verifying("verify", "Repair a.txt.", StagePolicy.editing("a.txt"),
                List.of(OutputFile.required("a.txt", FileFormat.TEXT, "the repaired file")), List.of(checks));
    }

    @Test
    void filesThatAlreadyPassAreNotSentToTheAuthor() throws Exception {
        var pack = TestPack.named("t").stage(draft()).stage(verify(TestChecks.contains("has-ok", Check.TIER_PARSE, "a.txt", "ok"))).build();
        var author = new ScriptedAuthor().always("draft", PipelineEngineTest::uniqueA);
        var report = new EngineHarness(data).generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(author.requests("verify")).isEmpty();
        assertThat(pack.pipeline().stages().get(1).kind()).isEqualTo("verify");
    }

    @Test
    void aFailedVerificationSendsItsFindingsToTheAuthorWhoRepairsTheFile() throws Exception {
        var pack = TestPack.named("t").stage(draft()).stage(verify(TestChecks.contains("has-fixed", Check.TIER_PARSE, "a.txt", "fixed"))).build();
        var author = new ScriptedAuthor().on("draft", file("a.txt", "ok draft")).on("verify", file("a.txt", "ok fixed"));
        var h = new EngineHarness(data);
        var report = h.generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        var repairs = author.requests("verify");
        assertThat(repairs).hasSize(1);
        assertThat(repairs.getFirst().prompt()).contains("a.txt must contain 'fixed'").contains("attempt 1 of 3 failed");
        var run = h.store.runs().byCampaign(report.campaignId()).getFirst();
        var lines = Files.readAllLines(data.resolve("runs").resolve(run.id()).resolve("steps.jsonl"));
        assertThat(lines).hasSize(3);
        Map<?, ?> first = Json.read(lines.get(1), Map.class);
        assertThat(first.get("verify_only")).isEqualTo(true);
        assertThat(first.get("verdict")).isEqualTo("failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatAPackAssemblesLandsInTheScenarioFolderAndItsManifest() throws Exception {
        var base = TestPack.named("t").stage(draft()).build();
        Pack pack = new DelegatingPack(base) {
            @Override
            public void assemble(ScenarioAssembly a) {
                try {
                    Files.createDirectories(a.target());
                    Files.writeString(a.target().resolve("extra.txt"), "built for seed " + a.run().seed());
                    assertThat(a.artifacts()).isEqualTo(a.workspace().root().resolveSibling("artifacts"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        var author = new ScriptedAuthor().always("draft", PipelineEngineTest::uniqueA);
        var report = new EngineHarness(data).generate(EngineHarness.spec(pack, 1), pack, author);

        Path dir = data.resolve(report.scenarios().getFirst().path());
        assertThat(dir.resolve("extra.txt")).hasContent("built for seed 1");
        Map<?, ?> manifest = Json.read(Files.readString(dir.resolve("manifest.json")), Map.class);
        assertThat((List<Object>) manifest.get("artifacts")).containsExactly("extra.txt");
        assertThat((List<Object>) manifest.get("files")).containsExactly("a.txt");
    }

    @Test
    void aPackWithoutOptionsRefusesOneBeforeTheCampaignIsStored() {
        var pack = TestPack.named("t").stage(draft()).build();
        var s = EngineHarness.spec(pack, 1);
        var spec = new CampaignSpec(s.pack(), s.count(), s.author(), s.seed(), s.concurrency(), s.budget(), s.stageSettings(), Map.of("tier", "2"));
        var h = new EngineHarness(data);
        assertThatThrownBy(() -> h.runner.create(spec, pack)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pack 't' takes no options, but got tier");
        assertThat(h.store.campaigns().list()).isEmpty();
    }

    /** A pack that forwards everything to another and assembles scenarios, so one test can write its assembly. */
    abstract static class DelegatingPack implements Pack, dev.scenarist.core.pack.ScenarioAssembler {
        private final Pack inner;

        DelegatingPack(Pack inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public String definitionHash() {
            return inner.definitionHash();
        }

        @Override
        public String context() {
            return inner.context();
        }

        @Override
        public dev.scenarist.core.pack.Pipeline pipeline() {
            return inner.pipeline();
        }

        @Override
        public dev.scenarist.core.author.Author offlineAuthor() {
            return inner.offlineAuthor();
        }

        @Override
        public Map<String, Object> parameters(long seed) {
            return inner.parameters(seed);
        }

        @Override
        public String uniquenessText(dev.scenarist.core.workspace.Workspace workspace) {
            return inner.uniquenessText(workspace);
        }

        @Override
        public dev.scenarist.core.pack.ScenarioSummary summarize(dev.scenarist.core.workspace.Workspace workspace) {
            return inner.summarize(workspace);
        }
    }
}
