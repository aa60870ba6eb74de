package dev.scenarist.packs.services.internal.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.plan.Rubric;
import dev.scenarist.packs.services.internal.plan.RubricReplyException;
import dev.scenarist.packs.services.internal.plan.RubricScore;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The refine stage's scorer: a critic scores plan.json against the rubric (five criteria, 0–5 each) and the plan's score
 * is their mean over the maximum, in [0,1]. Offline the critic is the offline author, which applies the same rules
 * deterministically ({@link Rubric#evaluate}); with a model, the model applies them as {@link Rubric#SYSTEM} states them.
 * An unreadable critic reply leaves the round unscored (a finding says why); a critic that cannot be reached makes the
 * round not judged — never a guessed score.
 */
public final class RubricScoreCheck implements Check {
    public static final String NAME = "rubric";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunCatalogs catalogs;

    public RubricScoreCheck(RunCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tier() {
        return TIER_EXPENSIVE;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        String plan = context.workspace().read(ScenarioFiles.PLAN).orElse("");
        String reply;
        try {
            reply = context.critic().ask(Rubric.PURPOSE, Rubric.SYSTEM, Rubric.prompt(plan, catalogs.of(context.run()).names()));
        } catch (AuthorException e) {
            return CheckResult.errored("the rubric critic could not be asked: " + e.getMessage());
        }
        RubricScore score;
        try {
            score = RubricScore.parse(reply);
        } catch (RubricReplyException e) {
            return new CheckResult.Failed(List.of(Finding.error("SVC_CONFIGURATION_RUBRIC_UNREADABLE",
                    "the critic's rubric reply could not be read: " + e.getMessage(), ScenarioFiles.PLAN,
                    "the critic must reply with {\"scores\": {criterion: 0..5, ...}, \"notes\": \"...\"}")), OptionalDouble.empty());
        }
        String scores;
        try {
            scores = JSON.writeValueAsString(score.scores());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            scores = score.scores().toString();
        }
        Finding note = new Finding("SVC_RUBRIC_SCORES", Severity.INFO, "rubric " + scores + (score.notes().isBlank() ? "" : ": " + score.notes()),
                ScenarioFiles.PLAN, "");
        return new CheckResult.Passed(List.of(note), OptionalDouble.of(score.normalized()));
    }
}
