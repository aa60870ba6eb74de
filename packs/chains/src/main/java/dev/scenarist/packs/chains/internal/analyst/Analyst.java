package dev.scenarist.packs.chains.internal.analyst;

import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import java.util.List;

/** Judges a pack's runs after the deterministic checks: offline (the rubric formula) or a model with the rubric. */
public interface Analyst {
    String id();

    Verdict judge(List<ScenarioRun> runs, int gate) throws AnalystException, InterruptedException;
}
