package dev.scenarist.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.StoreDamagedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignSpecTest {
    private static CampaignRecord stored(String specJson) {
        return new CampaignRecord("cmp-1", "sql-quiz", 1, CampaignStatus.RUNNING, "", "f", specJson, Instant.EPOCH, Instant.EPOCH, 0);
    }

    @Test
    void aSpecGarbledInTheDatabaseIsADamagedStoreNamingTheCampaignNotAnInternalError() {
        // what a garbled page of the campaigns table looks like once read: the JSON cut and overwritten mid-object
        assertThatThrownBy(() -> CampaignSpec.of(stored("{\"pack\":\"sql-quiz\",\"count\":1 t\u0000\u0013")))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("campaign cmp-1").hasMessageContaining("damaged").hasMessageContaining("To recover")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("java.");
    }

    @Test
    void aSpecStoredBeforeTheLabelsExistedReadsWithTheirDefaults() throws Exception {
        var spec = new CampaignSpec("sql-quiz", 2, "offline", 0, 1, new CampaignBudget(java.util.OptionalInt.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalDouble.empty(), java.util.Optional.empty()),
                dev.scenarist.core.engine.StageSettings.NONE, java.util.Map.of()).withCategory("nightly").withLessons(true);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) dev.scenarist.core.model.Json.mapper().readTree(dev.scenarist.core.model.Json.write(spec));
        tree.remove(java.util.List.of("category", "approvalGates", "lessons", "lessonLines"));
        var old = CampaignSpec.of(stored(tree.toString()));
        assertThat(old.category()).isEmpty();
        assertThat(old.approvalGates()).isEmpty();
        assertThat(old.lessons()).isFalse();
        assertThat(old.count()).isEqualTo(2);
    }

    @Test
    void theStreamedCategoryIsTheMappedOneAndAGarbledSpecIsDamagedForItToo() {
        var spec = new CampaignSpec("sql-quiz", 2, "offline", 0, 1, new CampaignBudget(java.util.OptionalInt.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalDouble.empty(), java.util.Optional.empty()),
                dev.scenarist.core.engine.StageSettings.NONE, java.util.Map.of("depth", "3"));
        for (String category : new String[] {"nightly", "", "  spaced  "}) {
            var c = stored(dev.scenarist.core.model.Json.write(spec.withCategory(category)));
            assertThat(CampaignSpec.categoryOf(c)).isEqualTo(CampaignSpec.of(c).category());
        }
        assertThat(CampaignSpec.categoryOf(stored("{\"pack\":\"sql-quiz\",\"category\":null}"))).isEmpty();
        assertThat(CampaignSpec.categoryOf(stored("{\"pack\":\"sql-quiz\"}"))).isEmpty();
        for (String garbled : new String[] {"{\"pack\":\"sql-quiz\",\"count\":1 t\u0000\u0013", "{\"category\":\"a\"", "[1]", ""}) {
            assertThatThrownBy(() -> CampaignSpec.categoryOf(stored(garbled))).as(garbled)
                    .isInstanceOf(StoreDamagedException.class).hasMessageContaining("campaign cmp-1").hasMessageContaining("To recover");
        }
    }
}
