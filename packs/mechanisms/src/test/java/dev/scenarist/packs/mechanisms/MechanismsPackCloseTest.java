package dev.scenarist.packs.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.core.pack.ValidationTarget;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecarPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack owns its simulator: validating a model file starts MuJoCo ahead of the static checks, and closing the pack
 * (the application does at the end of every command) stops that sidecar — whether anything simulated or not.
 */
class MechanismsPackCloseTest {
    @TempDir
    Path dir;

    /** The node processes this JVM started that are still alive, by pid. */
    private static List<Long> nodeChildren() {
        return ProcessHandle.current().children()
                .filter(h -> h.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("node")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    @Test
    void validatingAModelFileWarmsMujocoUpAndClosingThePackStopsIt() throws Exception {
        Optional<String> missing;
        try (MujocoSidecar probe = ThisMachine.mujoco()) {
            missing = probe.unavailableReason();
        }
        assumeTrue(missing.isEmpty(), () -> "MuJoCo sidecar unavailable: " + missing.orElseThrow());
        List<Long> before = nodeChildren();
        var pool = new MujocoSidecarPool(2, ThisMachine::mujoco);
        var pack = new MechanismsPack(pool, ThisMachine.sandbox(), ThisMachine.JAVA_HOME);
        Files.writeString(dir.resolve("refused.xml"), "<mujoco><worldbody><geom type=\"box\" size=\"0.1\" material=\"none\"/></worldbody></mujoco>");

        var checks = pack.validationChecks(new ValidationTarget(Optional.of("refused.xml"), List.of(), Optional.of(dir), Optional.of("mujoco")));

        assertThat(checks.get("scene")).extracting(c -> c.name()).containsExactly("mjcf-static", "meshes", "mujoco-simulation");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pool.pids().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(pool.pids()).as("MuJoCo started before any check ran").hasSize(1);
        ProcessHandle warmed = ProcessHandle.of(pool.pids().getFirst()).orElseThrow();

        pack.close();

        assertThat(warmed.isAlive()).as("closing the pack stopped the sidecar nobody used").isFalse();
        assertThat(nodeChildren()).isSubsetOf(before);
    }
}
