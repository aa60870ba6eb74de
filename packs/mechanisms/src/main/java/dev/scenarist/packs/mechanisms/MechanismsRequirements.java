package dev.scenarist.packs.mechanisms;

import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.pack.Requirement.Presence;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecarPool;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mechanisms pack needs on the machine: the sandbox (templates are compiled and built only inside it), a JDK
 * whose {@code javac} compiles them, and the simulator it was given — Node.js plus the {@code @mujoco/mujoco} npm
 * package for MuJoCo, nothing for the pure-Java ode4j fallback (chosen when they are absent, or forced).
 */
final class MechanismsRequirements {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final Pattern PACKAGE_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private MechanismsRequirements() {}

    static List<Requirement> of(Simulator simulator, Path javaHome) {
        List<Requirement> out = new ArrayList<>();
        out.add(new Requirement.Sandbox("model-written templates are compiled and built only inside it"));
        out.add(new Requirement.Probed("javac", "compiles the templates (a JDK 21 or newer, not just a JRE)", () -> javac(javaHome)));
        Path sidecarDir = switch (simulator) {
            case MujocoSidecar sidecar -> sidecar.sidecarDir();
            case MujocoSidecarPool pool -> pool.sidecarDir();
            default -> null;
        };
        if (sidecarDir != null) {
            out.add(new Requirement.Command("node", "runs the MuJoCo sidecar (Node.js 20 or newer)", "nodejs"));
            out.add(new Requirement.Probed("MuJoCo", "simulates every variant for 1 s", () -> mujoco(sidecarDir)));
        } else {
            String engine = simulator.engine();
            out.add(new Requirement.Probed("simulator", "simulates every variant for 1 s",
                    () -> new Presence.Found(engine, "pure Java; MuJoCo (Node.js + npm @mujoco/mujoco) is used when installed")));
        }
        return out;
    }

    private static Presence javac(Path javaHome) {
        Path javac = javaHome.resolve("bin/javac");
        if (Files.isExecutable(javac)) {
            return new Presence.Found(version(javaHome), javac.toString());
        }
        return new Presence.Missing(javac + " does not exist: " + javaHome + " is a JRE, not a JDK",
                "run Scenarist with a JDK 21 or newer (./scenarist finds one under /usr/lib/jvm; set JAVA_HOME to it)");
    }

    /** The JDK's version from its {@code release} file (every JDK since 9 has one), or "" when unreadable. */
    private static String version(Path javaHome) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Presence mujoco(Path dir) {
        Path manifest = dir.resolve("node_modules/@mujoco/mujoco/package.json");
        if (!MujocoSidecar.isInstalled(dir)) {
            return new Presence.Missing("the npm package @mujoco/mujoco is not installed in " + dir,
                    "bash " + dir.resolve("install.sh") + "   (needs npm: apt-get install npm)");
        }
        try {
            Matcher m = PACKAGE_VERSION.matcher(Files.readString(manifest));
            return new Presence.Found(m.find() ? m.group(1) : "", dir.toString());
        } catch (IOException e) {
            return new Presence.Missing("cannot read " + manifest + ": " + e.getMessage(), "bash " + dir.resolve("install.sh"));
        }
    }
}
