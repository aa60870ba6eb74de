package dev.scenarist.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.testing.TestChecks;
import dev.scenarist.core.testing.TestPack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    final Check check = TestChecks.contains("has-ok", Check.TIER_PARSE, "a.txt", "ok");
    final Stage draft = new Stage.AuthorStage("draft", "Write a.txt.", StagePolicy.editing("a.txt"),
            List.of(OutputFile.required("a.txt", FileFormat.TEXT, "")), List.of(check));
    final TestPack plain = TestPack.named("t").stage(draft).build();

    @Test
    void aPackWithoutACapabilityGetsTheDefaults() {
        assertThat(plain.capability(PackOptions.class)).isEmpty();
        assertThat(Capabilities.parameters(plain, 3, Map.of())).isEqualTo(Map.of("n", 3L));
        assertThatThrownBy(() -> Capabilities.parameters(plain, 3, Map.of("tier", "1", "kind", "x")))
                .hasMessage("pack 't' takes no options, but got kind, tier; remove them (e.g. --tier is for packs with tiers such as 'mechanisms')");
        assertThat(Capabilities.validationChecks(plain, ValidationTarget.of(Optional.empty()))).isEqualTo(Map.of("draft", List.of(check)));
        assertThat(Capabilities.datasetPath(plain, "t-1", Map.of())).isEqualTo("datasets/t/t-1");
        assertThat(Capabilities.requirements(plain)).isEmpty();
    }

    @Test
    void aPackDeclaresACapabilityByImplementingIt() {
        class Grouped extends Wrapper implements DatasetGrouping, MachineNeeds {
            Grouped() {
                super(plain);
            }

            @Override
            public String datasetGroup(Map<String, Object> parameters) {
                return "g" + parameters.get("n");
            }

            @Override
            public List<Requirement> requirements() {
                return List.of(new Requirement.Sandbox("runs code"));
            }
        }
        var pack = new Grouped();
        assertThat(pack.capability(DatasetGrouping.class)).containsSame(pack);
        assertThat(Capabilities.datasetPath(pack, "t-1", Map.of("n", 2))).isEqualTo("datasets/t/g2/t-1");
        assertThat(Capabilities.requirements(pack)).extracting(Requirement::component).containsExactly("sandbox");
        assertThat(Capabilities.duplicateThreshold(pack)).isEqualTo(Capabilities.DEFAULT_DUPLICATE_THRESHOLD);
    }

    @Test
    void aWrapperAnswersForWhatItWraps() {
        var tight = TestPack.named("t").stage(draft).duplicateThreshold(0.5).build();
        Pack wrapper = new Wrapper(tight) {
            @Override
            public <C extends PackCapability> Optional<C> capability(Class<C> type) {
                return tight.capability(type);
            }
        };
        assertThat(Capabilities.duplicateThreshold(wrapper)).isEqualTo(0.5);
        assertThat(Capabilities.duplicateThreshold(new Wrapper(tight))).isEqualTo(0.85);
    }

    /** Forwards what every pack answers, and declares no capability of its own. */
    static class Wrapper implements Pack {
        final Pack inner;

        Wrapper(Pack inner) {
            this.inner = inner;
        }

        @Override public String name() { return inner.name(); }
        @Override public String description() { return inner.description(); }
        @Override public String definitionHash() { return inner.definitionHash(); }
        @Override public String context() { return inner.context(); }
        @Override public Pipeline pipeline() { return inner.pipeline(); }
        @Override public dev.scenarist.core.author.Author offlineAuthor() { return inner.offlineAuthor(); }
        @Override public Map<String, Object> parameters(long seed) { return inner.parameters(seed); }
        @Override public String uniquenessText(dev.scenarist.core.workspace.Workspace w) { return inner.uniquenessText(w); }
        @Override public ScenarioSummary summarize(dev.scenarist.core.workspace.Workspace w) { return inner.summarize(w); }
    }
}
