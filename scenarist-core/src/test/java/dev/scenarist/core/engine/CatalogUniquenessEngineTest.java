package dev.scenarist.core.engine;

import static dev.scenarist.core.engine.PipelineEngineTest.draft;
import static dev.scenarist.core.engine.PipelineEngineTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.catalog.CatalogUniquenessGate;
import dev.scenarist.core.catalog.UniquenessIndex;
import dev.scenarist.core.catalog.UniquenessPolicy;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.CatalogUniqueness;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.PackCapability;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.core.testing.TestPack;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack that opts into catalog uniqueness, run through the engine: duplicates rejected with feedback, titles suffixed. */
class CatalogUniquenessEngineTest {
    @TempDir
    Path data;

    /** The test pack, with one title for every scenario and the catalog uniqueness capability. */
    record SameTitlePack(Pack inner) implements Pack, CatalogUniqueness {
        public String name() { return inner.name(); }
        public String description() { return inner.description(); }
        public String definitionHash() { return inner.definitionHash(); }
        public String context() { return inner.context(); }
        public Pipeline pipeline() { return inner.pipeline(); }
        public Author offlineAuthor() { return inner.offlineAuthor(); }
        public Map<String, Object> parameters(long seed) { return inner.parameters(seed); }
        public String uniquenessText(Workspace ws) { return inner.uniquenessText(ws); }
        public ScenarioSummary summarize(Workspace ws) { return new ScenarioSummary("Dinner plans", "same title each time"); }
        public UniquenessPolicy uniquenessPolicy() { return UniquenessPolicy.DEFAULTS; }

        @Override
        public <C extends PackCapability> Optional<C> capability(Class<C> type) {
            return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
        }
    }

    private static final List<String> TEXTS = List.of(
            "Anna asks the assistant to book a table for four at the harbour restaurant on Friday and to tell Bruno",
            // one word changed: a duplicate by the sequence ratio
            "Anna asks the assistant to book a table for four at the harbour restaurant on Sunday and to tell Bruno",
            "Water the balcony plants every second day while Grace is travelling in Osaka and send her a photo",
            "Split the electricity bill with the two flatmates and file the receipt in the notes app");

    @Test
    void aDuplicateIsRejectedNamingTheNearestAndASecondTakenTitleGetsASuffixRecordedInTheTrajectory() throws Exception {
        var pack = new SameTitlePack(TestPack.named("t").stage(draft())
                .stage(new Stage.GateStage("unique", new CatalogUniquenessGate(UniquenessRules.DEFAULTS))).build());
        var index = new UniquenessIndex(name -> name.equals("t") ? Capabilities.uniquenessPolicy(pack) : Optional.empty(), Optional.empty());
        AtomicInteger n = new AtomicInteger();
        var author = new ScriptedAuthor().always("draft", r -> file("a.txt", TEXTS.get(Math.min(n.getAndIncrement(), TEXTS.size() - 1))));
        var h = new EngineHarness(data, index);

        var report = h.generate(EngineHarness.spec(pack, 3), pack, author);

        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejectedByReason()).containsEntry("duplicate", 1);
        var runs = h.store.runs().byCampaign(report.campaignId());
        var rejected = runs.stream().filter(r -> r.state() == RunState.REJECTED).toList();
        assertThat(rejected).hasSize(1);
        String reason = Files.readString(h.services.layout().run(rejected.getFirst().id()).failureDir().resolve("reason.json"));
        assertThat(reason).contains("Too similar to existing scenarios", "Dinner plans", "sequence ratio 0.95");

        assertThat(report.scenarios()).extracting(CampaignReport.Scenario::title)
                .containsExactlyInAnyOrder("Dinner plans", "Dinner plans (2)", "Dinner plans (3)");
        var third = report.scenarios().stream().filter(s -> s.title().equals("Dinner plans (3)")).findFirst().orElseThrow();
        Map<?, ?> manifest = Json.read(Files.readString(h.services.layout().root().resolve(third.path()).resolve("manifest.json")), Map.class);
        assertThat(manifest.get("title")).isEqualTo("Dinner plans (3)");
        assertThat(manifest.get("renamed")).isEqualTo(Map.of("title", Map.of("from", "Dinner plans", "to", "Dinner plans (3)")));
        var run = runs.stream().filter(r -> r.state() == RunState.ACCEPTED && r.detail().contains("Dinner plans (3)")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(h.services.layout().run(run.id()).steps()).getLast()).contains("\"type\":\"renamed\"", "Dinner plans (3)");
    }
}
