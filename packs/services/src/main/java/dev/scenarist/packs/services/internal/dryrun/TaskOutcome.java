package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * What applying one task (or test.sh, a scenario test, the user's dry-run command) did in the dry-run.
 *
 * @param phase   the deployment phase, or {@code testing} / {@code dry-run command}
 * @param summary one line for the report: what was done or why it was skipped
 * @param stdout  what the task printed (scripts) or did (SQL: statements executed)
 * @param stderr  what went wrong, as the tool said it
 */
public record TaskOutcome(String phase, String task, String type, Status status, String summary, List<Finding> findings,
                          String stdout, String stderr) {
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

    static TaskOutcome done(String phase, String task, String type, String summary, String stdout, String stderr) {
        return new TaskOutcome(phase, task, type, Status.DONE, summary, List.of(), stdout, stderr);
    }

    static TaskOutcome skipped(String phase, String task, String type, String summary) {
        return new TaskOutcome(phase, task, type, Status.SKIPPED, summary, List.of(), "", "");
    }

    static TaskOutcome failed(String phase, String task, String type, String summary, List<Finding> findings, String stdout, String stderr) {
        return new TaskOutcome(phase, task, type, Status.FAILED, summary, findings, stdout, stderr);
    }

    static TaskOutcome of(String phase, String task, String type, String summary, List<Finding> findings, String stdout, String stderr) {
        return findings.stream().anyMatch(Finding::isError)
                ? failed(phase, task, type, summary, findings, stdout, stderr)
                : new TaskOutcome(phase, task, type, Status.DONE, summary, findings, stdout, stderr);
    }
}
