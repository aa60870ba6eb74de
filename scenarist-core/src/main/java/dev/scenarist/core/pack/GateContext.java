package dev.scenarist.core.pack;

import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.workspace.Workspace;
import java.util.Objects;

/**
 * What a gate may consult.
 *
 * @param uniquenessText the pack's uniqueness text for this scenario
 * @param similarity     the catalog's similarity index for the pack
 * @param critic         a model to ask for a judgement (e.g. the uniqueness judge of the borderline band), through the
 *                       engine's gateway like a judge check's; {@link #NO_CRITIC} where there is none
 */
public record GateContext(RunContext run, Workspace workspace, String uniquenessText, SimilarityIndex similarity, Critic critic) {
    /** A critic that cannot be asked: every call fails for good, so a gate falls back to its rule without a judge. */
    public static final Critic NO_CRITIC = (purpose, system, prompt) -> {
        throw new PermanentAuthorException("no model to ask in this context");
    };

    public GateContext {
        Objects.requireNonNull(critic, "critic");
    }

    /** A context without a critic. */
    public GateContext(RunContext run, Workspace workspace, String uniquenessText, SimilarityIndex similarity) {
        this(run, workspace, uniquenessText, similarity, NO_CRITIC);
    }
}
