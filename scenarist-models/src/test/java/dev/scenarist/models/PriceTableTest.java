package dev.scenarist.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.core.model.Usage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    final PriceTable table = PriceTable.defaults();

    @Test
    void aModelIsFoundByItsExactName() {
        assertThat(table.find("gpt-4.1")).contains(new Price(2.00, 8.00, 0.50, 2.00));
        assertThat(table.find("claude-opus-4-1")).contains(new Price(15.00, 75.00, 1.50, 18.75));
        assertThat(table.find("claude-sonnet-4-5")).contains(new Price(3.00, 15.00, 0.30, 3.75));
        assertThat(table.find("claude-haiku-4-5")).contains(new Price(1.00, 5.00, 0.10, 1.25));
        assertThat(table.find("claude-3-5-haiku")).contains(new Price(0.80, 4.00, 0.08, 1.00));
    }

    @Test
    void aDatedSnapshotFindsItsFamilyByTheLongestPrefix() {
        assertThat(table.find("claude-sonnet-4-5-20250929")).isEqualTo(table.find("claude-sonnet-4-5"));
        assertThat(table.find("claude-sonnet-4-20250514")).isEqualTo(table.find("claude-sonnet-4"));
        assertThat(table.find("claude-opus-4-1-20250805")).contains(new Price(15.00, 75.00, 1.50, 18.75));
        assertThat(table.find("claude-opus-4-5-20251101")).contains(new Price(5.00, 25.00, 0.50, 6.25));
        assertThat(table.find("gpt-4.1-mini-2025-04-14")).isEqualTo(table.find("gpt-4.1-mini"));
        assertThat(table.find("gpt-4o-mini-2024-07-18")).isEqualTo(table.find("gpt-4o-mini"));
        assertThat(table.find("gpt-4o-2024-08-06")).isEqualTo(table.find("gpt-4o"));
        assertThat(table.find("o3-mini-2025-01-31")).isEqualTo(table.find("o3-mini"));
        assertThat(table.find("claude-3-5-haiku-latest")).isEqualTo(table.find("claude-3-5-haiku"));
    }

    @Test
    void aPrefixOnlyMatchesAtANameBoundary() {
        assertThat(table.find("o3x")).isEmpty();
        assertThat(table.find("gpt-4.10")).isEmpty();
        assertThat(table.find("gpt-4")).isEmpty();
    }

    @Test
    void namesAreComparedIgnoringCaseAndSurroundingSpace() {
        assertThat(table.find(" GPT-4.1 ")).isEqualTo(table.find("gpt-4.1"));
    }

    @Test
    void localAndUnknownModelsCostNothing() {
        assertThat(table.find("qwen2.5-coder:14b")).isEmpty();
        assertThat(table.price("llama3.2")).isEqualTo(Price.ZERO);
        assertThat(table.cost("llama3.2", Usage.tokens(1_000_000, 1_000_000)).costUsd()).isZero();
        assertThat(table.find("")).isEmpty();
        assertThat(table.find(null)).isEmpty();
    }

    @Test
    void costFillsTheUsagesDollarsFromEveryKindOfToken() {
        Usage usage = new Usage(1_000, 2_000, 10_000, 4_000, 99.0);
        Usage priced = table.cost("claude-sonnet-4-5-20250929", usage);
        assertThat(priced.inputTokens()).isEqualTo(1_000);
        assertThat(priced.cacheWriteTokens()).isEqualTo(4_000);
        assertThat(priced.costUsd()).isCloseTo((1_000 * 3.0 + 2_000 * 15.0 + 10_000 * 0.30 + 4_000 * 3.75) / 1e6, within(1e-12));
        assertThat(table.cost("gpt-4.1", Usage.tokens(1_000_000, 1_000_000)).costUsd()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void overridesReplaceAndAddEntriesWithoutChangingTheDefaults() {
        PriceTable custom = table.withOverrides(Map.of("gpt-4.1", Price.of(1, 4), "Llama-3.3-70B", new Price(0.6, 0.6, 0.6, 0.6)));
        assertThat(custom.price("gpt-4.1-2025-04-14")).isEqualTo(Price.of(1, 4));
        assertThat(custom.price("llama-3.3-70b-instruct")).isEqualTo(new Price(0.6, 0.6, 0.6, 0.6));
        assertThat(custom.price("claude-haiku-4-5")).isEqualTo(table.price("claude-haiku-4-5"));
        assertThat(table.price("gpt-4.1")).isEqualTo(new Price(2.00, 8.00, 0.50, 2.00));
        assertThat(PriceTable.of(Map.of("a", Price.of(1, 1))).entries()).containsOnlyKeys("a");
    }

    @Test
    void theDefaultsCoverTheCommonModels() {
        assertThat(table.entries()).containsKeys("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini", "o3", "o4-mini",
                "claude-opus-4", "claude-opus-4-1", "claude-sonnet-4", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-3-5-haiku");
    }

    @Test
    void badPricesAndBlankNamesAreRefusedWithTheValueNamed() {
        assertThatThrownBy(() -> new Price(-1, 0, 0, 0)).hasMessageContaining("input price").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> Price.of(1, Double.NaN)).hasMessageContaining("output price").hasMessageContaining("NaN");
        assertThatThrownBy(() -> table.withOverrides(Map.of(" ", Price.ZERO))).hasMessageContaining("blank model name");
    }
}
