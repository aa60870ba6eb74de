package dev.scenarist.packs.appworld.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalScores;
import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.internal.uniqueness.UniquenessText;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.Verdict;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import dev.scenarist.packs.appworld.scenario.ScenarioWriter;
import dev.scenarist.packs.appworld.scenario.check.Discrimination;
import dev.scenarist.packs.appworld.scenario.check.ScenarioChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * What every family must give, seed after seed: a scenario that reads back unchanged, passes every check without an
 * error, is discriminative (oracle passes; do-nothing and wrong agents fail), is the same for the same seed, and whose
 * uniqueness text is below PARE's thresholds (sequence ratio 0.8, shingle Jaccard 0.8, token cosine 0.93) against every
 * other seed's.
 */
final class FamilyContract {
    private static final ScenarioChecks CHECKS = new ScenarioChecks(PlayOptions.DEFAULTS);

    private FamilyContract() {}

    static List<Scenario> assertGood(Family family, int seeds) throws InterruptedException {
        List<Scenario> out = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            Scenario s = family.generate(seed);
            String at = family.id() + " seed " + seed;
            assertThat(s.id()).as(at).isEqualTo(family.id() + "-" + seed);
            assertThat(s.description().coreApps()).as(at).containsExactlyInAnyOrderElementsOf(family.coreApps());
            String json = new ScenarioWriter().write(s);
            assertThat(new ScenarioWriter().write(new ScenarioReader().read(json))).as(at + " reads back").isEqualTo(json);
            assertThat(new ScenarioWriter().write(family.generate(seed))).as(at + " is deterministic").isEqualTo(json);
            List<Finding> findings = CHECKS.all(s);
            assertThat(findings.stream().filter(Finding::isError).toList()).as(at + " has no error finding:\n" + json).isEmpty();
            Discrimination d = CHECKS.discriminate(s);
            assertThat(d.oracle()).as(at + " oracle").isInstanceOf(Verdict.Passed.class);
            assertThat(d.noop()).as(at + " noop").isInstanceOf(Verdict.Failed.class);
            assertThat(d.wrong()).as(at + " has wrong agents").isNotEmpty();
            assertThat(d.wrong()).as(at + " wrong agents fail").allMatch(w -> w.verdict() instanceof Verdict.Failed);
            out.add(s);
        }
        assertDistinct(out);
        return out;
    }

    static void assertDistinct(List<Scenario> scenarios) {
        for (int i = 0; i < scenarios.size(); i++) {
            for (int j = i + 1; j < scenarios.size(); j++) {
                String a = UniquenessText.of(scenarios.get(i).description());
                String b = UniquenessText.of(scenarios.get(j).description());
                LexicalScores sc = LexicalIndex.scores(a, b);
                assertThat(sc.sequenceRatio() < 0.8 && sc.shingleJaccard() < 0.8 && sc.tokenCosine() < 0.93)
                        .as(scenarios.get(i).id() + " vs " + scenarios.get(j).id() + " " + sc + "\n" + a + "\n---\n" + b).isTrue();
            }
        }
    }
}
