package dev.scenarist.core.pack;

import dev.scenarist.core.author.AuthorException;

/**
 * Lets a check ask a model for a judgement (judge checks, review stages). The engine implements it on top
 * of the run's author so the call is rate-limited, retried, accounted and recorded like any other.
 */
public interface Critic {
    /**
     * Asks for a judgement. The engine sends it as a request whose stage is {@code <stage>:<purpose>} (e.g.
     * {@code queries:judge:answerable}) numbered with the stage attempt being judged, so recorded replies replay.
     *
     * @param purpose what is asked, e.g. {@code judge:<check-name>}
     * @return the critic's reply text
     */
    String ask(String purpose, String system, String prompt) throws AuthorException, InterruptedException;
}
