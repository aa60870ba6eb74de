package dev.scenarist.core.engine;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.text.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stages after which a campaign's runs wait for a person (human in the loop): once such a stage has passed its
 * checks, the same commit that records its passing attempt and snapshot moves the run to {@code paused} with the detail
 * {@code awaiting approval after stage 'X'} — one commit, so a crash can never let a run slip past its gate. Approving
 * continues the run from the next stage; rejecting ends it ({@code rejected}, reason {@code person}).
 *
 * <p>The detail is how a paused run says which kind of pause it is in: at an approval gate (its stage passed), or at a
 * {@code gate} stage that asked a person ({@link dev.scenarist.core.pack.GateDecision.AwaitHuman}, stage not passed).
 * Only the second takes the resume as that gate's answer.
 */
public record ApprovalGates(Set<String> stages) {
    public static final ApprovalGates NONE = new ApprovalGates(Set.of());
    private static final String PREFIX = "awaiting approval after stage '";

    public ApprovalGates {
        stages = Set.copyOf(stages);
    }

    public static ApprovalGates of(Collection<String> stages) {
        return new ApprovalGates(Set.copyOf(stages));
    }

    /** Whether a run pauses once {@code stage} has passed. */
    public boolean pausesAfter(String stage) {
        return stages.contains(stage);
    }

    /** The detail of a run paused after {@code stage}. */
    public static String pauseDetail(String stage) {
        return PREFIX + stage + "'";
    }

    /** The stage a paused run is waiting after, when it waits at an approval gate (empty for any other state or pause). */
    public static Optional<String> pausedAfter(RunRecord run) {
        if (run.state() != RunState.PAUSED || !run.detail().startsWith(PREFIX)) return Optional.empty();
        int end = run.detail().indexOf('\'', PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(run.detail().substring(PREFIX.length(), end));
    }

    /**
     * Every gate must name a stage of the pack: a misspelt one would otherwise never pause anything.
     *
     * @return one message per unknown stage, with the closest stage and the pack's stages; empty when all are known
     */
    public static List<String> problems(Pack pack, Collection<String> gates) {
        List<String> names = pack.pipeline().names();
        List<String> out = new ArrayList<>();
        for (String g : gates) {
            if (names.contains(g)) continue;
            out.add("pack '" + pack.name() + "' has no stage '" + g + "' to approve after; " + DidYouMean.hint(g, names)
                    + "(its stages are " + String.join(", ", names) + ")");
        }
        return out;
    }
}
