package dev.scenarist.core.pack;

/**
 * A pack that adds to an accepted scenario what it needs beyond its workspace files (builds, per-variant manifests,
 * previews). Without it, a scenario is its workspace files.
 */
public non-sealed interface ScenarioAssembler extends PackCapability {
    /**
     * Adds into {@code assembly.target()} what the scenario needs, reading by-products its checks left in
     * {@code assembly.artifacts()}. Runs once per accepted run, before the scenario folder is written.
     */
    void assemble(ScenarioAssembly assembly) throws InterruptedException;
}
