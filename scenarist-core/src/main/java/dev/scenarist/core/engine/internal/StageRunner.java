package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * Runs one stage of a run, attempt after attempt, until the stage passes or the run stops; one runner per stage kind,
 * chosen by {@link RunExecutor} with a switch over the sealed {@link dev.scenarist.core.pack.Stage}. A runner decides;
 * the {@link AttemptJournal} commits each attempt and the {@link FailureArchive} ends the run when it fails.
 */
sealed interface StageRunner permits AuthorStageRunner, VerifyStageRunner, RefineStageRunner, ReviewStageRunner, GateStageRunner {
    Step run(AttemptContext ctx) throws InterruptedException;

    /** The first error among {@code findings}, for a one-line reason. */
    static String firstError(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).findFirst().map(Finding::renderForPeople).orElse("(no detail)");
    }
}
