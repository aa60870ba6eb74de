package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generation pipeline's checks one by one, on pools a model could write, and the pack's options. */
class ChainsPackChecksTest {
    @TempDir
    Path tmp;

    private final ChainsPack pack = new ChainsPack();

    private List<Finding> findings(String stage, String pool, Map<String, Object> parameters) throws InterruptedException {
        Workspace ws = new Workspace(tmp.resolve("ws-" + System.nanoTime()));
        ws.write("pool.yaml", pool);
        var run = new RunContext("run-1", "c-1", "chains", 3, parameters);
        Stage s = pack.pipeline().stages().stream().filter(x -> x.name().equals(stage)).findFirst().orElseThrow();
        List<Finding> all = new java.util.ArrayList<>();
        for (Check c : s.checks()) {
            CheckResult r = c.run(new CheckContext(run, stage, ws, Map.of(), GateContext.NO_CRITIC));
            assertThat(r).as(c.name()).isNotInstanceOf(CheckResult.Errored.class);
            all.addAll(r.findings());
        }
        return all;
    }

    private Map<String, Object> inventory() {
        return pack.parameters(3, Map.of());
    }

    private static List<String> codes(List<Finding> fs) {
        return fs.stream().filter(Finding::isError).map(Finding::code).toList();
    }

    @Test
    void the_pipeline_is_chain_then_the_uniqueness_gate_then_wordings_each_editing_only_the_pool() {
        assertThat(pack.pipeline().stages()).extracting(Stage::name).containsExactly("chain", "uniqueness", "wordings");
        for (Stage s : pack.pipeline().stages()) {
            if (s instanceof Stage.AuthorStage a) assertThat(a.policy().editable()).containsExactly("pool.yaml");
        }
    }

    @Test
    void a_good_chain_passes_and_its_dry_run_goes_through_the_reference_assistant() throws Exception {
        assertThat(codes(findings("chain", GeneratedChains.GOOD_CANONICAL, inventory()))).isEmpty();
        assertThat(codes(findings("wordings", GeneratedChains.withWordings(true), inventory()))).isEmpty();
    }

    @Test
    void a_chain_without_a_carry_over_check_or_a_linked_follow_up_is_refused_naming_the_domain_s_fields() throws Exception {
        String unlinked = GeneratedChains.GOOD_CANONICAL.replace("{{step_01_details.item}}", "SG-CL").replace("{{step_01_details.on_hand}}", "12")
                .replace("{{step_03_order.draft_order_id}}", "DR-3").replace("          - semantic_memory.", "          - response.");
        var fs = findings("chain", unlinked, inventory());
        assertThat(codes(fs)).contains("NOT_LINKED", "NO_CARRY_OVER");
        Finding carry = fs.stream().filter(f -> f.code().equals("NO_CARRY_OVER")).findFirst().orElseThrow();
        assertThat(carry.message()).contains("semantic_memory.selected_item").contains("semantic_memory.draft_order_id");
        assertThat(carry.location()).isEqualTo("pool.yaml:" + GeneratedChains.lineOf(unlinked, "id: step_02_stock"));
    }

    @Test
    void another_domain_and_a_lone_question_are_refused() throws Exception {
        assertThat(codes(findings("chain", GeneratedChains.GOOD_CANONICAL.replace("domain: inventory and purchasing", "domain: billing"), inventory())))
                .contains("DOMAIN_MISMATCH");
        String lone = GeneratedChains.HEAD + GeneratedChains.ROOT.formatted("");
        assertThat(codes(findings("chain", lone, inventory()))).containsExactly("NOT_A_CHAIN");
    }

    @Test
    void a_chain_that_repeats_one_of_the_domain_s_existing_chains_is_refused_naming_it() throws Exception {
        String bundled = new String(getClass().getResourceAsStream("/dev/scenarist/packs/chains/pools/inventory.yaml").readAllBytes());
        String copy = bundled.substring(0, bundled.indexOf("\n  - id: last_order_date")) + "\n";
        var fs = findings("chain", copy, inventory());
        Finding dup = fs.stream().filter(f -> f.code().equals("DUPLICATE_OF_EXISTING_CHAIN")).findFirst().orElseThrow();
        assertThat(dup.message()).contains("'low_stock_followup'").contains("bundled:inventory");
    }

    @Test
    void a_check_that_fails_on_the_canonical_route_is_a_finding_at_its_line_and_a_question_the_assistant_cannot_answer_too() throws Exception {
        String wrong = GeneratedChains.GOOD_CANONICAL.replace("- response.item == \"SG-CL\"", "- response.item == \"HB-M6\"");
        var fs = findings("chain", wrong, inventory());
        Finding f = fs.stream().filter(x -> x.code().equals("DRY_RUN_CHECK_FAILED")).findFirst().orElseThrow();
        assertThat(f.location()).isEqualTo("pool.yaml:" + GeneratedChains.lineOf(wrong, "\"HB-M6\""));
        assertThat(f.message()).contains("\"SG-CL\"");
        String unsupported = GeneratedChains.GOOD_CANONICAL.replace("Order more {{step_01_details.item}}.", "Forecast demand for {{step_01_details.item}}.");
        assertThat(codes(findings("chain", unsupported, inventory()))).contains("DRY_RUN_UNSUPPORTED");
    }

    @Test
    void wordings_must_be_complete_different_and_pronoun_only_names_nothing() throws Exception {
        String same = GeneratedChains.withWordings(true).replace("colloquial: can we restock the goggles?", "colloquial: Order more {{step_01_details.item}}.")
                .replace("pronoun_only: How many of it do we have?", "pronoun_only: How many {{step_01_details.item}} are left?");
        var fs = findings("wordings", same, inventory());
        assertThat(codes(fs)).contains("WORDING_SAME", "PRONOUN_NAMES");
        assertThat(codes(findings("wordings", GeneratedChains.withWordings(false), inventory()))).containsExactly("WORDING_MISSING");
    }

    @Test
    void a_domain_whose_target_is_a_url_is_not_dry_run_and_the_note_says_how_to_run_it() throws Exception {
        Path file = tmp.resolve("domain.yaml");
        Files.writeString(file, """
                domain: support
                name: inventory and purchasing
                target: https://assistant.example
                description: The same data behind another assistant.
                answers: Stock, suppliers and orders.
                carry_over:
                  selected_item: the item in question
                """);
        Map<String, Object> p = pack.parameters(0, Map.of("domain", file.toString()));
        assertThat(p).containsEntry("assistant_target", "https://assistant.example").containsEntry("existing_pool", "").containsEntry("focus", "");
        var fs = findings("chain", GeneratedChains.GOOD_CANONICAL, p);
        assertThat(codes(fs)).isEmpty();
        assertThat(fs).anyMatch(f -> f.code().equals("DRY_RUN_SKIPPED") && f.hint().contains("--target https://assistant.example"));
    }

    @Test
    void options_are_refused_naming_the_fix() throws Exception {
        assertThatThrownBy(() -> pack.parameters(0, Map.of("tier", "2"))).hasMessageContaining("no option 'tier'").hasMessageContaining("domain=");
        assertThatThrownBy(() -> pack.parameters(0, Map.of("domain", "inventry"))).hasMessageContaining("did you mean 'inventory'");
        Path file = tmp.resolve("broken.yaml");
        Files.writeString(file, "domain: Billing\n");
        assertThatThrownBy(() -> pack.parameters(0, Map.of("domain", file.toString()))).hasMessageContaining(file + ":1:9")
                .hasMessageContaining("'Billing' is not a valid domain id");
        assertThatThrownBy(() -> pack.parameters(0, Map.of("domain", tmp.resolve("none.yaml").toString()))).hasMessageContaining("cannot be read");
    }

    @Test
    void the_uniqueness_text_is_the_chain_s_route_grouped_by_domain() throws Exception {
        Workspace ws = new Workspace(tmp.resolve("u"));
        ws.write("pool.yaml", GeneratedChains.withWordings(true));
        String text = pack.uniquenessText(ws);
        assertThat(pack.uniquenessPolicy().groupKey().groupOf(text)).isEqualTo("inventory and purchasing");
        assertThat(text).contains("Safety goggles, their count").contains("How many {{step_01_details.item}} do we have on hand?")
                .as("variants are left out").doesNotContain("we got left");
        assertThat(pack.uniquenessPolicy().rules().sameGroupOnly()).isTrue();
        assertThat(pack.summarize(ws).title()).isEqualTo("Safety goggles, their count, then a draft order");
    }
}
