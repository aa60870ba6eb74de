package dev.scenarist.packs.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pack decides without running anything: parameters per seed and tier, uniqueness, dataset layout. */
class MechanismsPackTest {
    @AutoClose
    final MechanismsPack pack = new MechanismsPack(ThisMachine.mujoco(), ThisMachine.sandbox(), ThisMachine.JAVA_HOME);

    @TempDir
    Path dir;

    @Test
    void aFixedTierTakesEachOfItsKindsInTurn() {
        Set<Object> kinds = new HashSet<>();
        for (long seed = 0; seed < 4; seed++) {
            var p = pack.parameters(seed, Map.of("tier", "2"));
            assertThat(p.get("tier")).isEqualTo(2);
            kinds.add(p.get("kind"));
        }
        assertThat(kinds).containsExactlyInAnyOrder("lever-fulcrum", "door-closer", "pendulum-catch", "rail-slider");
    }

    @Test
    void withoutATierTiersAlternateAndEveryKindStillComesUp() {
        Set<Object> kinds = new HashSet<>();
        for (long seed = 0; seed < 36; seed++) kinds.add(pack.parameters(seed, Map.of()).get("kind"));
        assertThat(kinds).hasSize(10);
    }

    @Test
    void aBadTierOrAnUnknownOptionIsRefusedWithTheFix() {
        assertThatThrownBy(() -> pack.parameters(1, Map.of("tier", "4"))).hasMessageContaining("--tier must be 1 (static spatial), 2");
        assertThatThrownBy(() -> pack.parameters(1, Map.of("teir", "2"))).hasMessageContaining("no option 'teir'; its only option is --tier");
    }

    @Test
    void theSameTemplateAtTheSameDesignPointIsTheSameScenarioAndAnotherPointIsNot() {
        var a = new Workspace(dir.resolve("a"));
        a.write("plan.json", "{\"tier\":2,\"kind\":\"lever-fulcrum\",\"title\":\"t\",\"design\":{\"LOAD_RATIO\":4.5,\"TILT_DEG\":9.5}}");
        var b = new Workspace(dir.resolve("b"));
        b.write("plan.json", "{\"tier\":2,\"kind\":\"lever-fulcrum\",\"title\":\"other words\",\"design\":{\"TILT_DEG\":9.5,\"LOAD_RATIO\":4.5}}");
        var c = new Workspace(dir.resolve("c"));
        c.write("plan.json", "{\"tier\":2,\"kind\":\"lever-fulcrum\",\"title\":\"t\",\"design\":{\"LOAD_RATIO\":5.0,\"TILT_DEG\":9.5}}");
        assertThat(pack.uniquenessText(a)).isEqualTo(pack.uniquenessText(b));
        assertThat(pack.uniquenessText(a)).isNotEqualTo(pack.uniquenessText(c));
        assertThat(dev.scenarist.core.catalog.ShingleSimilarityIndex.similarity(pack.uniquenessText(a), pack.uniquenessText(c))).isLessThan(Capabilities.duplicateThreshold(pack));
    }

    @Test
    void promotedScenariosGoToDatasetsBenchmarksByTier() {
        assertThat(Capabilities.datasetPath(pack, "mechanisms-x1", Map.of("tier", 3))).isEqualTo("datasets/mechanisms/tier3/mechanisms-x1");
    }
}
