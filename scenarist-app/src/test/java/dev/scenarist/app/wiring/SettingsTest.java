package dev.scenarist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.preflight.Machine;
import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.MechanismsSettings.Engine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process's environment and system properties, read into one value; each setting given here, none from the JVM. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SettingsTest {
    @TempDir
    Path tmp;

    /** System properties as a JVM has them (java.home, java.io.tmpdir) plus {@code extra}. */
    private Properties properties(String... extra) {
        Properties p = new Properties();
        p.setProperty("java.home", tmp.resolve("jdk").toString());
        p.setProperty("java.io.tmpdir", tmp.resolve("tmp").toString());
        for (int i = 0; i < extra.length; i += 2) p.setProperty(extra[i], extra[i + 1]);
        return p;
    }

    @Test
    void the_simulator_property_forces_the_engine_and_wins_over_the_environment() {
        Settings ode = Settings.from(Map.of(MechanismsSettings.SIMULATOR_ENV, "mujoco"), properties(MechanismsSettings.SIMULATOR_PROPERTY, "ode"));
        assertThat(ode.simulator()).contains("ode");
        assertThat(Scenarist.mechanisms(ode, Machine.of(ode)).engine()).isEqualTo(Engine.ODE);

        Settings mujoco = Settings.from(Map.of(), properties(MechanismsSettings.SIMULATOR_PROPERTY, "mujoco"));
        assertThat(Scenarist.mechanisms(mujoco, Machine.of(mujoco)).engine()).isEqualTo(Engine.MUJOCO);
    }

    @Test
    void the_simulator_variable_applies_when_the_property_is_unset() {
        Settings settings = Settings.from(Map.of(MechanismsSettings.SIMULATOR_ENV, "ode"), properties());
        assertThat(settings.simulator()).contains("ode");
        assertThat(Scenarist.mechanisms(settings, Machine.of(settings)).engine()).isEqualTo(Engine.ODE);
        assertThat(Settings.from(Map.of(), properties()).simulator()).isEmpty();
    }

    @Test
    void a_bad_simulator_value_is_a_configuration_error_naming_the_variable_and_the_value() {
        Settings settings = Settings.from(Map.of(MechanismsSettings.SIMULATOR_ENV, "bullet"), properties());
        assertThatThrownBy(() -> Scenarist.mechanisms(settings, Machine.of(settings))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(MechanismsSettings.SIMULATOR_ENV).hasMessageContaining("bullet");
    }

    @Test
    void a_configured_sidecar_folder_is_used_whole_and_the_variable_wins_over_the_property() {
        Path fromEnv = tmp.resolve("env-sidecar");
        Settings settings = Settings.from(Map.of(MechanismsSettings.SIDECAR_DIR_ENV, fromEnv.toString()),
                properties(MechanismsSettings.SIDECAR_DIR_PROPERTY, tmp.resolve("property-sidecar").toString(), MechanismsSettings.SIMULATOR_PROPERTY, "mujoco"));
        assertThat(settings.sidecarDir()).contains(fromEnv);
        MechanismsSettings mechanisms = Scenarist.mechanisms(settings, Machine.of(settings));
        assertThat(mechanisms.engine()).isEqualTo(Engine.MUJOCO);
        assertThat(mechanisms.sidecarDir()).contains(fromEnv);
        assertThat(Settings.from(Map.of(), properties(MechanismsSettings.SIDECAR_DIR_PROPERTY, "relative/sidecar")).sidecarDir())
                .contains(Path.of("relative/sidecar").toAbsolutePath());
    }

    @Test
    void stderr_is_a_terminal_only_when_the_launcher_says_so() {
        assertThat(Settings.from(Map.of(), properties(Settings.TTY_PROPERTY, "1")).stderrIsTerminal()).isTrue();
        assertThat(Settings.from(Map.of(), properties(Settings.TTY_PROPERTY, "0")).stderrIsTerminal()).isFalse();
        assertThat(Settings.from(Map.of(), properties()).stderrIsTerminal()).isFalse();
    }

    @Test
    void the_jdk_and_the_temporary_folder_reach_the_machine_from_the_properties_given() {
        Settings settings = Settings.from(Map.of("PATH", "/opt/bin"), properties());
        Machine machine = Machine.of(settings);
        assertThat(machine.javaHome()).isEqualTo(tmp.resolve("jdk"));
        assertThat(machine.tmpDir()).isEqualTo(tmp.resolve("tmp"));
        assertThat(machine.path()).isEqualTo("/opt/bin");
        assertThat(Machine.of(Settings.from(Map.of(), properties())).path()).isEqualTo(Machine.DEFAULT_PATH);
    }

    @Test
    void settings_from_an_environment_alone_take_only_the_jdk_and_temporary_folder_of_this_jvm() {
        Settings settings = Settings.of(Map.of("SCENARIST_HOME", "/data"));
        assertThat(settings.env()).containsExactly(Map.entry("SCENARIST_HOME", "/data"));
        assertThat(settings.javaHome()).isEqualTo(Path.of(System.getProperty("java.home")));
        assertThat(settings.tmpDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(settings.stderrIsTerminal()).isFalse();
        assertThat(settings.sidecarDir()).isEqualTo(Optional.empty());
        assertThat(settings.simulator()).isEmpty();
    }

    @Test
    void printed_settings_name_the_variables_but_show_no_value() {
        Settings settings = Settings.from(Map.of("OPENAI_API_KEY", "sk-secret-value"), properties());
        assertThat(settings.toString()).contains("OPENAI_API_KEY").doesNotContain("sk-secret-value");
    }

    @Test
    void properties_without_the_jdk_are_refused_by_name() {
        assertThatThrownBy(() -> Settings.from(Map.of(), new Properties())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.home");
    }
}
