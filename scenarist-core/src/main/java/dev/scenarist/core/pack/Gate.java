package dev.scenarist.core.pack;

/** A decision point in a pipeline, such as uniqueness or human approval. */
public interface Gate {
    String name();

    GateDecision decide(GateContext context) throws InterruptedException;
}
