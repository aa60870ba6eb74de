package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.format.Task;
import java.util.List;

/**
 * What applying one task (or test.sh, a scenario test, the user's dry-run command) did in the dry-run.
 *
 * @param summary one line for the report: what was done or why it was skipped
 */
public record TaskOutcome(Step step, Status status, String summary, List<Finding> findings, Output output) {
    public TaskOutcome {
        findings = List.copyOf(findings);
    }

    public enum Status {
        /** applied without error */
        DONE,
        /** applied and refused: see the findings */
        FAILED,
        /** not applicable in a dry-run (healthchecks) or pointless after an earlier failure */
        SKIPPED
    }

    /**
     * Which task was applied: the report's phase, task and type columns.
     *
     * @param phase the deployment phase, or {@code testing} / {@code scenario tests} / {@code dry-run command}
     * @param task  the task's name (a script's file, a test's name, the command)
     * @param type  the task's type as service.json writes it, or {@code sql-test} / {@code command} / {@code read}
     */
    public record Step(String phase, String task, String type) {
        static Step of(String phase, Task task) {
            return new Step(phase, task.name(), task.type());
        }
    }

    /**
     * What the task printed, kept beside the report as files.
     *
     * @param stdout what the task printed (scripts) or did (SQL: statements executed)
     * @param stderr what went wrong, as the tool said it
     */
    public record Output(String stdout, String stderr) {
        /** A task that printed nothing: a file handed over, or refused before it ran. */
        static final Output NONE = new Output("", "");
    }

    static TaskOutcome done(Step step, String summary, Output output) {
        return new TaskOutcome(step, Status.DONE, summary, List.of(), output);
    }

    static TaskOutcome skipped(Step step, String summary) {
        return new TaskOutcome(step, Status.SKIPPED, summary, List.of(), Output.NONE);
    }

    static TaskOutcome failed(Step step, String summary, List<Finding> findings, Output output) {
        return new TaskOutcome(step, Status.FAILED, summary, findings, output);
    }

    /** Failed when a finding is an error, done (its warnings kept) otherwise. */
    static TaskOutcome of(Step step, String summary, List<Finding> findings, Output output) {
        return findings.stream().anyMatch(Finding::isError)
                ? failed(step, summary, findings, output)
                : new TaskOutcome(step, Status.DONE, summary, findings, output);
    }
}
