package dev.scenarist.packs.mechanisms.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.MechanismsSettings.SimulatorChoice;
import dev.scenarist.packs.mechanisms.internal.sim.ode.OdeSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice between MuJoCo and the ode4j fallback, on fake installations (nothing is started). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimulatorsTest {
    @TempDir
    Path tmp;

    /** A sidecar folder with the script and, when {@code installed}, the npm package's package.json. */
    private Path sidecar(boolean installed) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sidecar"));
        Files.writeString(dir.resolve(MujocoSidecar.SCRIPT), "// sidecar\n");
        if (installed) {
            Path pkg = Files.createDirectories(dir.resolve("node_modules/@mujoco/mujoco"));
            Files.writeString(pkg.resolve("package.json"), "{}");
        }
        return dir;
    }

    /** A PATH holding an executable {@code node}. */
    private String pathWithNode() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.toString();
    }

    private static Function<String, String> env(Map<String, String> vars) {
        return vars::get;
    }

    @Test
    void MuJoCo_is_chosen_where_node_and_the_package_are_installed() throws IOException {
        Simulators.Selection s = Simulators.select(SimulatorChoice.AUTO, Optional.of(sidecar(true)),
                env(Map.of("PATH", pathWithNode())));
        assertThat(s.simulator()).isInstanceOf(MujocoSidecarPool.class);
        assertThat(((MujocoSidecarPool) s.simulator()).sidecarDir()).isEqualTo(tmp.resolve("sidecar"));
        assertThat(s.reason()).contains("MuJoCo");
    }

    @Test
    void the_fallback_is_chosen_where_node_is_missing() throws IOException {
        Simulators.Selection s = Simulators.select(SimulatorChoice.AUTO, Optional.of(sidecar(true)),
                env(Map.of("PATH", tmp.resolve("empty").toString())));
        assertThat(s.simulator()).isInstanceOf(OdeSimulator.class);
        assertThat(s.reason()).contains("ode4j", "Node.js");
    }

    @Test
    void the_fallback_is_chosen_where_the_package_or_the_sidecar_is_missing() throws IOException {
        String path = pathWithNode();
        assertThat(Simulators.select(SimulatorChoice.AUTO, Optional.of(sidecar(false)), env(Map.of("PATH", path))))
                .satisfies(s -> {
                    assertThat(s.simulator()).isInstanceOf(OdeSimulator.class);
                    assertThat(s.reason()).contains("npm package");
                });
        assertThat(Simulators.select(SimulatorChoice.AUTO, Optional.empty(), env(Map.of("PATH", path))).simulator())
                .isInstanceOf(OdeSimulator.class);
    }

    @Test
    void SCENARIST_NODE_names_node_by_path() throws IOException {
        String node = pathWithNode() + "/node";
        Simulators.Selection s = Simulators.select(SimulatorChoice.AUTO, Optional.of(sidecar(true)),
                env(Map.of(MechanismsSettings.NODE_ENV, node)));
        assertThat(s.simulator()).isInstanceOf(MujocoSidecarPool.class);
        Simulators.Selection missing = Simulators.select(SimulatorChoice.AUTO, Optional.of(sidecar(true)),
                env(Map.of(MechanismsSettings.NODE_ENV, "/nonexistent/node", "PATH", pathWithNode())));
        assertThat(missing.simulator()).isInstanceOf(OdeSimulator.class);
        assertThat(missing.reason()).contains("/nonexistent/node");
    }

    @Test
    void either_engine_can_be_forced() throws IOException {
        Path installed = sidecar(true);
        String path = pathWithNode();
        assertThat(Simulators.select(SimulatorChoice.ODE, Optional.of(installed), env(Map.of("PATH", path))).simulator())
                .isInstanceOf(OdeSimulator.class);
        // forcing MuJoCo where it is missing still gives MuJoCo, which then says what is missing
        Simulators.Selection forced = Simulators.select(SimulatorChoice.MUJOCO, Optional.empty(), env(Map.of()));
        assertThat(forced.simulator()).isInstanceOf(MujocoSidecarPool.class);
        assertThat(forced.reason()).contains("forced", "not found");
    }

    @Test
    void MuJoCo_is_a_pool_of_as_many_sidecars_as_configured_and_one_per_processor_by_default() throws IOException {
        Simulators.Selection s = Simulators.select(SimulatorChoice.AUTO, Optional.of(sidecar(true)),
                env(Map.of("PATH", pathWithNode())), 3);
        assertThat(((MujocoSidecarPool) s.simulator()).size()).isEqualTo(3);
        assertThat(s.reason()).contains("3 sidecar(s)");

        MechanismsSettings byDefault = new MechanismsSettings(SimulatorChoice.MUJOCO, Optional.of(sidecar(true)), Optional.empty(), "");
        assertThat(byDefault.sidecarPoolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(((MujocoSidecarPool) Simulators.select(byDefault).simulator()).size()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new MechanismsSettings(SimulatorChoice.MUJOCO, Optional.empty(), Optional.empty(), "", 1).sidecarPoolSize()).isEqualTo(1);
        assertThatThrownBy(() -> new MechanismsSettings(SimulatorChoice.MUJOCO, Optional.empty(), Optional.empty(), "", -1))
                .hasMessageContaining(MechanismsSettings.SIDECARS_ENV);
    }

    @Test
    void the_wasm_tiers_parse_to_node_flags_and_a_bad_value_is_refused_by_name() {
        assertThat(MechanismsSettings.WasmTiers.parse(null).nodeFlags()).isEmpty();
        assertThat(MechanismsSettings.WasmTiers.parse(" optimizing ").nodeFlags()).isEmpty();
        assertThat(MechanismsSettings.WasmTiers.parse("Baseline").nodeFlags()).containsExactly("--liftoff-only");
        assertThatThrownBy(() -> MechanismsSettings.WasmTiers.parse("fast"))
                .hasMessageContaining(MechanismsSettings.WASM_ENV).hasMessageContaining("optimizing or baseline");
    }

    @Test
    void the_property_values_parse_and_a_bad_one_is_refused_by_name() {
        assertThat(SimulatorChoice.parse(null)).isEqualTo(SimulatorChoice.AUTO);
        assertThat(SimulatorChoice.parse(" ")).isEqualTo(SimulatorChoice.AUTO);
        assertThat(SimulatorChoice.parse("MuJoCo")).isEqualTo(SimulatorChoice.MUJOCO);
        assertThat(SimulatorChoice.parse("ode")).isEqualTo(SimulatorChoice.ODE);
        assertThat(SimulatorChoice.parse("ode4j")).isEqualTo(SimulatorChoice.ODE);
        assertThatThrownBy(() -> SimulatorChoice.parse("bullet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MechanismsSettings.SIMULATOR_PROPERTY).hasMessageContaining("bullet");
    }
}
