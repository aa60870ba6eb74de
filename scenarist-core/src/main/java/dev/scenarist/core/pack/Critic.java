package dev.scenarist.core.pack;

import dev.scenarist.core.author.AuthorException;

/**
 * Lets a check ask a model for a judgement (judge checks, review stages). The engine implements it on top
 * of the run's author so the call is rate-limited, retried, accounted and recorded like any other.
 */
public interface Critic {
    /** @return the critic's reply text */
    String ask(String purpose, String system, String prompt) throws AuthorException, InterruptedException;
}
