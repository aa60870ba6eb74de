package dev.scenarist.server.pages.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.server.CampaignRequests.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignFormTest {
    @Test
    void theFormBecomesTheApiRequestWithNestedKeysAndNumbersAndWithoutEmptyInputs() {
        CampaignForm form = CampaignForm.of(Map.of("pack", List.of("sql-quiz"), "count", List.of("5"), "budget.max_runs", List.of("20"),
                "budget.max_wall", List.of("30m"), "models.stages.describe.model", List.of("gpt-4.1"), "seed", List.of(""), "options",
                List.of("family=hinge\n"), "approve_after", List.of("plan"), "lessons", List.of("on"), "_csrf", List.of("t")));
        Map<String, Object> body = form.request(form.get("count"), "onboarding");
        assertThat(body).containsEntry("pack", "sql-quiz").containsEntry("count", 5L).containsEntry("category", "onboarding")
                .containsEntry("budget", Map.of("max_runs", 20L, "max_wall", "30m"))
                .containsEntry("models", Map.of("stages", Map.of("describe", Map.of("model", "gpt-4.1"))))
                .containsEntry("options", Map.of("family", "hinge")).containsEntry("approve_after", List.of("plan")).containsEntry("lessons", true)
                .doesNotContainKeys("seed", "_csrf", "action");
    }

    @Test
    void attemptsAndRefineRoundsPerStageAreSentAsNumbersAndEmptyOnesKeepThePacksOwn() {
        CampaignForm form = CampaignForm.of(Map.of("pack", List.of("sql-quiz"), "count", List.of("2"), "attempts.queries", List.of("4"),
                "attempts.describe", List.of(""), "refine_rounds.polish", List.of("2")));
        Map<String, Object> body = form.request(form.get("count"), "");
        assertThat(body).containsEntry("attempts", Map.of("queries", 4L)).containsEntry("refine_rounds", Map.of("polish", 2L));
    }

    @Test
    void aValueThatIsNoNumberIsSentAsTypedSoTheRequestCheckNamesIt() {
        CampaignForm form = CampaignForm.of(Map.of("count", List.of("ten")));
        assertThat(form.request(form.get("count"), "")).containsEntry("count", "ten");
    }

    @Test
    void aPreviewKeepsTheCategoryMarked() {
        assertThat(CampaignForm.of(Map.of("category", List.of("onboarding"))).previewCategory()).isEqualTo("onboarding preview");
        assertThat(CampaignForm.DEFAULTS.previewCategory()).isEqualTo("preview");
    }

    @Test
    void anOptionsLineWithoutEqualsIsTheFormsOwnError() {
        assertThat(CampaignForm.of(Map.of("options", List.of("tier 2"))).ownErrors()).extracting(FieldError::field).containsExactly("options");
    }

    @Test
    void fieldErrorsLandOnTheLongestMatchingInputOrAboveTheForm() {
        List<String> inputs = List.of("budget", "budget.max_wall", "options", "count");
        assertThat(FieldErrors.inputFor("budget.max_wall", inputs)).isEqualTo("budget.max_wall");
        assertThat(FieldErrors.inputFor("options.family", inputs)).isEqualTo("options");
        assertThat(FieldErrors.inputFor("providers.openai", inputs)).isNull();
        FieldErrors errors = new FieldErrors(List.of(new FieldError("count", "must be <1", "e.g. 5"), new FieldError("", "pack broken", "")), inputs);
        assertThat(errors.under("count")).contains("must be &lt;1").contains("Fix: e.g. 5");
        assertThat(errors.general()).contains("pack broken");
    }
}
