package dev.scenarist.core.review;

import dev.scenarist.core.store.RunRecord;
import java.util.List;

/**
 * A run waiting for a person, and what they may do about it.
 *
 * @param stage    the stage whose output is under review: the one the approval gate follows, or (at a gate stage that
 *                 asked a person) the stage before it
 * @param pause    which kind of wait it is
 * @param editable the files the stage may write: the ones a person may override
 */
public record PausedRun(RunRecord run, String stage, Pause pause, List<String> editable, List<GateFile> files) {
    public enum Pause {
        /** The campaign's approval gate after {@code stage}: approving runs the next stage. */
        APPROVAL_GATE,
        /** A gate stage asked a person: approving is its answer. */
        GATE_STAGE
    }

    public PausedRun {
        editable = List.copyOf(editable);
        files = List.copyOf(files);
    }

    public String runId() {
        return run.id();
    }

    public String campaignId() {
        return run.campaignId();
    }

    public String pack() {
        return run.pack();
    }

    /** The run's detail, e.g. {@code awaiting approval after stage 'plan'}. */
    public String detail() {
        return run.detail();
    }
}
