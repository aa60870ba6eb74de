package dev.scenarist.packs.mechanisms.internal.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Real MuJoCo for concurrent callers: a fixed number of {@link MujocoSidecar}s (by default one per available
 * processor), each a Node process that simulates one scene at a time. A request takes a free sidecar, waiting while
 * all are busy, and gives it back afterwards; so as many simulations run at once as there are sidecars, where a single
 * sidecar would serialize every simulation in the JVM whatever the campaign's concurrency.
 *
 * <p>Free sidecars are handed out most recently used first, so a sequential caller keeps using one process and the
 * others are never started: a sidecar starts on its first request. A sidecar whose process died is restarted by that
 * sidecar on its next request (see {@link MujocoSidecar}); {@link #close()} stops every process, including one that a
 * {@link #warmUp()} is still starting.
 */
public final class MujocoSidecarPool implements Simulator, TaskEvaluator, AutoCloseable {
    private final List<MujocoSidecar> members;
    private final BlockingDeque<MujocoSidecar> free = new LinkedBlockingDeque<>();
    /** The scene each sidecar played last (see {@link #evaluate}). */
    private final Map<MujocoSidecar, Path> lastPlayed = new ConcurrentHashMap<>();
    /** Start-ups and simulations under way in the background, so that closing the pool stops them rather than leave a process behind. */
    private final Set<Thread> background = ConcurrentHashMap.newKeySet();

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

    /**
     * A task's solution played by a free sidecar: the one that last played this scene when it is free (it still holds
     * the compiled model: a variant is played three times, see the sidecar's model cache), else the most recently used.
     */
    @Override
    public Optional<JsonNode> evaluate(Path sceneXml, ObjectNode request, Consumer<String> unavailable) {
        Path scene = sceneXml.toAbsolutePath().normalize();
        MujocoSidecar sidecar;
        try {
            sidecar = takeFor(scene);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable.accept("interrupted while waiting for a free MuJoCo sidecar");
            return Optional.empty();
        }
        try {
            lastPlayed.put(sidecar, scene);
            return sidecar.evaluate(sceneXml, request, unavailable);
        } finally {
            free.addFirst(sidecar);
        }
    }

    /** The free sidecar that last played {@code scene}, if any (another caller may take it first), else the next free one. */
    private MujocoSidecar takeFor(Path scene) throws InterruptedException {
        for (MujocoSidecar s : free) {
            if (scene.equals(lastPlayed.get(s)) && free.removeFirstOccurrence(s)) return s;
        }
        return free.takeFirst();
    }

    /**
     * Starts the sidecar the next request will take, in the background (Node and MuJoCo's WebAssembly take about half a
     * second), so its start-up overlaps cheaper work; nothing when that sidecar is already running.
     */
    @Override
    public void warmUp() {
        MujocoSidecar next = free.peekFirst();
        if (next == null || next.pid().isPresent()) return;
        // a failure to start is reported by the request that needs the sidecar
        inBackground("mujoco-sidecar-start", next::unavailableReason);
    }

    /**
     * Simulates on a free sidecar from a background thread, starting now; {@link #close()} interrupts it, which kills
     * its process (a simulation nobody waits for is not worth waiting for).
     */
    @Override
    public Ahead simulateAhead(ModelBundle bundle, SimulationLimits limits) {
        var outcome = new CompletableFuture<SimulationOutcome>();
        inBackground("mujoco-simulate-ahead", () -> {
            try {
                outcome.complete(served(bundle.xml(), limits, bundle).outcome());
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
                throw e;
            }
        });
        return outcome::join;
    }

    /** Runs {@code work} on a daemon thread that {@link #close()} interrupts and waits for. */
    private void inBackground(String name, Runnable work) {
        Thread t = Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            try {
                work.run();
            } finally {
                background.remove(Thread.currentThread());
            }
        });
        background.add(t);
        t.start();
    }

    @Override
    public Optional<SimulationOutcome> stability(JsonNode answer, SimulationLimits limits) {
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

    /**
     * Stops every sidecar process (waiting for one that is simulating for a caller to finish) and everything under way
     * in the background (a warm-up or a simulation ahead nobody used: its process is killed, not waited for); a later
     * request starts one again. Returns once the processes have exited.
     */
    @Override
    public void close() {
        for (Thread t : List.copyOf(background)) t.interrupt();
        for (Thread t : List.copyOf(background)) {
            try {
                t.join(MujocoSidecar.DEFAULT_STARTUP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        members.forEach(MujocoSidecar::close);
    }
}
