package dev.scenarist.packs.mechanisms.internal.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Supplier;

/**
 * Real MuJoCo for concurrent callers: a fixed number of {@link MujocoSidecar}s (by default one per available
 * processor), each a Node process that simulates one scene at a time. A request takes a free sidecar, waiting while
 * all are busy, and gives it back afterwards; so as many simulations run at once as there are sidecars, where a single
 * sidecar would serialize every simulation in the JVM whatever the campaign's concurrency.
 *
 * <p>Free sidecars are handed out most recently used first, so a sequential caller keeps using one process and the
 * others are never started: a sidecar starts on its first request. A sidecar whose process died is restarted by that
 * sidecar on its next request (see {@link MujocoSidecar}); {@link #close()} stops every process.
 */
public final class MujocoSidecarPool implements Simulator, TaskEvaluator, AutoCloseable {
    private final List<MujocoSidecar> members;
    private final BlockingDeque<MujocoSidecar> free = new LinkedBlockingDeque<>();

    /** {@code size} sidecars, each made by {@code sidecar} (nothing starts until a request needs it). */
    public MujocoSidecarPool(int size, Supplier<MujocoSidecar> sidecar) {
        if (size < 1) throw new IllegalArgumentException("a sidecar pool needs at least one sidecar, got " + size);
        List<MujocoSidecar> all = new ArrayList<>();
        for (int i = 0; i < size; i++) all.add(sidecar.get());
        this.members = List.copyOf(all);
        free.addAll(members);
    }

    /** How many sidecars can simulate at once. */
    public int size() {
        return members.size();
    }

    public Path sidecarDir() {
        return members.getFirst().sidecarDir();
    }

    @Override
    public SimulationOutcome simulate(Path sceneXml, SimulationLimits limits) {
        return served(sceneXml, limits, null).outcome();
    }

    @Override
    public SimulationOutcome simulate(ModelBundle bundle, SimulationLimits limits) {
        return served(bundle.xml(), limits, bundle).outcome();
    }

    /** A task's solution played by a free sidecar. */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.JsonNode> evaluate(Path sceneXml, com.fasterxml.jackson.databind.node.ObjectNode request,
                                                                                java.util.function.Consumer<String> unavailable) {
        MujocoSidecar sidecar;
        try {
            sidecar = free.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable.accept("interrupted while waiting for a free MuJoCo sidecar");
            return java.util.Optional.empty();
        }
        try {
            return sidecar.evaluate(sceneXml, request, unavailable);
        } finally {
            free.addFirst(sidecar);
        }
    }

    @Override
    public java.util.Optional<SimulationOutcome> stability(com.fasterxml.jackson.databind.JsonNode answer, SimulationLimits limits) {
        return members.getFirst().stability(answer, limits);
    }

    /** The outcome with the sidecar process that served it and when (see {@link MujocoSidecar.Served}). */
    MujocoSidecar.Served served(Path sceneXml, SimulationLimits limits, ModelBundle bundle) {
        MujocoSidecar sidecar;
        try {
            sidecar = free.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MujocoSidecar.Served.unserved(new SimulationOutcome.Unavailable("interrupted while waiting for a free MuJoCo sidecar"));
        }
        try {
            return sidecar.served(sceneXml, limits, bundle);
        } finally {
            free.addFirst(sidecar);
        }
    }

    @Override
    public String engine() {
        return members.getFirst().engine();
    }

    /** The process ids of the sidecars running now. */
    public List<Long> pids() {
        return members.stream().map(MujocoSidecar::pid).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
    }

    /** How often a sidecar process has been started, over the whole pool (restarts included). */
    public int starts() {
        return members.stream().mapToInt(MujocoSidecar::starts).sum();
    }

    /** Stops every sidecar process (waiting for one that is simulating to finish); a later request starts one again. */
    @Override
    public void close() {
        members.forEach(MujocoSidecar::close);
    }
}
