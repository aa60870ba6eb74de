package dev.scenarist.packs.yaml.internal.gates;

import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import java.util.Objects;

/** {@code gate: human}: pauses the run until a person approves or rejects it. */
public record HumanGate(String question) implements Gate {
    public static final String DEFAULT_QUESTION = "Accept this scenario?";

    public HumanGate {
        Objects.requireNonNull(question, "question");
    }

    @Override
    public String name() {
        return "human";
    }

    @Override
    public GateDecision decide(GateContext context) {
        return new GateDecision.AwaitHuman(question);
    }
}
