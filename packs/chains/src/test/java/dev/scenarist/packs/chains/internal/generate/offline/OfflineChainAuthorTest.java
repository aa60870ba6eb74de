package dev.scenarist.packs.chains.internal.generate.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalScores;
import dev.scenarist.core.catalog.LexicalThresholds;
import dev.scenarist.packs.chains.AnalystSpec;
import dev.scenarist.packs.chains.Chains;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.RunOptions;
import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.Target;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.chains.internal.generate.ChainShapeCheck;
import dev.scenarist.packs.chains.internal.generate.ChainText;
import dev.scenarist.packs.chains.internal.generate.ExistingChainsCheck;
import dev.scenarist.packs.chains.internal.generate.PoolFormatCheck;
import dev.scenarist.packs.chains.internal.generate.WordingsCheck;
import dev.scenarist.packs.chains.internal.generate.Domains;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.QuestionPool;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline author's chains are real tests of the reference assistant: every wording of every chain it writes (two
 * rounds of its twelve plans) is accepted by the fixed assistant and the planted pronoun defect fails them; twelve seeds
 * in a row are twelve routes far apart for the uniqueness gate, and apart from the domain's existing pool.
 */
class OfflineChainAuthorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private final OfflineChainAuthor author = new OfflineChainAuthor();

    @TempDir
    Path tmp;

    private QuestionPool pool(long seed) {
        return Pools.parse(PoolYaml.write(author.chain(seed, "inventory and purchasing"), "test", true), "seed-" + seed + ".yaml");
    }

    @Test
    void the_bundled_domain_lists_the_plans_focuses_in_the_plans_order() {
        assertThat(Domains.resolve(Domains.INVENTORY).focuses()).containsExactlyElementsOf(ChainPlans.ALL.stream().map(ChainPlan::focus).toList());
    }

    @Test
    void every_chain_passes_the_chain_and_wordings_stages_checks() throws Exception {
        var checks = List.of(new PoolFormatCheck(), new ChainShapeCheck(), new WordingsCheck(), new ExistingChainsCheck(LexicalThresholds.DEFAULTS));
        for (long seed = 0; seed < 24; seed++) {
            Workspace ws = new Workspace(tmp.resolve("ws-" + seed));
            ws.write("pool.yaml", PoolYaml.write(author.chain(seed, "inventory and purchasing"), "test", true));
            var run = new RunContext("run-" + seed, "c", "chains", seed, Domains.resolve(Domains.INVENTORY).parameters(seed));
            for (Check c : checks) {
                var r = c.run(new CheckContext(run, "wordings", ws, Map.of(), GateContext.NO_CRITIC));
                assertThat(r).as(seed + " " + c.name() + ": " + r).isInstanceOf(dev.scenarist.core.model.CheckResult.Passed.class);
            }
        }
    }

    @Test
    void every_wording_of_every_chain_is_accepted_by_the_fixed_reference_and_the_planted_defect_fails_the_pronoun_only_ones() throws Exception {
        Path fixed = tmp.resolve("fixed");
        ReferenceProduct.ensure(fixed);
        ReferenceProduct.fix(fixed);
        Set<String> ids = new HashSet<>();
        try (ReferenceAssistant ref = ReferenceAssistant.start("127.0.0.1", 0, fixed, Optional.empty());
             ReferenceAssistant planted = ReferenceAssistant.start("127.0.0.1", 0, tmp.resolve("planted"), Optional.empty())) {
            for (long seed = 0; seed < 24; seed++) {
                QuestionPool pool = pool(seed);
                assertThat(ids.add(pool.id())).as("pool ids differ: " + pool.id()).isTrue();
                ChainScenario chain = pool.scenarios().getFirst();
                assertThat(chain.wordings()).as(chain.id()).hasSize(3);
                var ok = new Chains(CLOCK).runPack(pool, new RunOptions(Target.at(ref.baseUri()), tmp.resolve("out-fixed"), 80, 0, new AnalystSpec.Offline()));
                assertThat(ok.status()).as(seed + " " + chain.id() + ": " + ok.reason()).isEqualTo(Status.ACCEPTED);
                assertThat(ok.score()).isEqualTo(100);
                var bad = new Chains(CLOCK).runPack(pool, new RunOptions(Target.at(planted.baseUri()), tmp.resolve("out-planted"), 80, 0, new AnalystSpec.Offline()));
                assertThat(bad.status()).as(seed + " " + chain.id() + " against the planted defect").isNotEqualTo(Status.ACCEPTED);
                assertThat(Files.readString(tmp.resolve("out-planted").resolve(pool.id()).resolve("backlog.md"))).contains("pronoun_only");
            }
        }
    }

    @Test
    void twelve_seeds_in_a_row_are_twelve_routes_under_every_lexical_threshold_and_apart_from_the_existing_pool() {
        LexicalThresholds t = LexicalThresholds.DEFAULTS;
        for (long start : new long[] {0, 5}) {
            List<String> texts = new ArrayList<>();
            for (long seed = start; seed < start + 12; seed++) texts.add(ChainText.of("inventory and purchasing", pool(seed).scenarios().getFirst()));
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    LexicalScores s = LexicalIndex.scores(texts.get(i), texts.get(j));
                    assertThat(s.sequenceRatio() < t.sequenceRatio() && s.shingleJaccard() < t.shingleJaccard() && s.tokenCosine() < t.tokenCosine())
                            .as(texts.get(i) + "\nvs\n" + texts.get(j) + "\n" + s).isTrue();
                }
            }
            for (String text : texts) {
                for (ChainScenario existing : Pools.bundled(Pools.INVENTORY).scenarios()) {
                    LexicalScores s = LexicalIndex.scores(text, ChainText.of("inventory and purchasing", existing));
                    assertThat(s.strength(t)).as(text + "\nvs existing " + existing.id() + "\n" + s).isLessThan(1.0);
                }
            }
        }
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_the_chain_stage_gets_no_variants() throws Exception {
        var params = Map.<String, Object>of("domain", "inventory", "assistant_target", "reference", "domain_name", "inventory and purchasing");
        String a = author.reply(new AuthorRequest("wordings", "", "", ModelSettings.DEFAULTS, 1, 7, params)).text();
        String b = new OfflineChainAuthor().reply(new AuthorRequest("wordings", "", "", ModelSettings.DEFAULTS, 1, 7, params)).text();
        assertThat(a).isEqualTo(b).contains("pronoun_only:");
        String chain = author.reply(new AuthorRequest("chain", "", "", ModelSettings.DEFAULTS, 1, 7, params)).text();
        assertThat(chain).startsWith("<file path=\"pool.yaml\">").doesNotContain("variants:");
    }

    @Test
    void another_domain_is_refused_naming_the_fix() {
        var params = Map.<String, Object>of("domain", "billing", "assistant_target", "https://billing.example", "domain_name", "billing");
        assertThatThrownBy(() -> author.reply(new AuthorRequest("chain", "", "", ModelSettings.DEFAULTS, 1, 0, params)))
                .isInstanceOf(PermanentAuthorException.class).hasMessageContaining("'billing'").hasMessageContaining("--author");
    }
}
