package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.pack.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The two ways a scene is judged, said out loud in every report ({@code validate --rules mujoco|benchmark}).
 *
 * <p>Why two: a robot from MuJoCo Menagerie stands on the floor with touching links and carries meshes that are not
 * closed solids, and MuJoCo simulates it cleanly — rejecting it would call a sound model broken. A generated benchmark
 * scene, on the other hand, must be more than loadable: sound meshes (its inertia comes from them), no initial
 * overlap, sane speeds, so that every variant starts still and stays meaningful.
 */
public enum SceneRules {
    /** What MuJoCo accepts: loads, simulates 1 s without NaN, warnings or resets; tolerated mesh defects are warnings. */
    MUJOCO("mujoco", "what MuJoCo accepts: it loads the model and simulates 1 s without NaN or warnings; mesh defects "
            + "MuJoCo tolerates are warnings saying how MuJoCo treats the mesh"),
    /** Today's strict rules for generated scenes. */
    BENCHMARK("benchmark", "the strict rules of generated benchmark scenes: closed, manifold, outward meshes; no initial "
            + "overlap over 1 mm; speeds under g·T·1.5+1 m/s; no NaN or warnings in 1 s");

    private final RuleSet ruleSet;

    SceneRules(String name, String meaning) {
        this.ruleSet = new RuleSet(name, meaning);
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public static List<RuleSet> all() {
        return Arrays.stream(values()).map(SceneRules::ruleSet).toList();
    }

    /** The rule set named {@code name}, if there is one. */
    public static Optional<SceneRules> named(String name) {
        return Arrays.stream(values()).filter(r -> r.ruleSet.name().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * The default for what the person named: a model file of their own → {@link #MUJOCO}; a scenario folder, a
     * template, or a scene inside a generated scenario's folder (one with plan.json, template.java or a
     * manifest_*.json) → {@link #BENCHMARK}.
     */
    public static SceneRules defaultFor(Optional<String> file, Optional<Path> folder) {
        if (file.isEmpty() || !file.get().toLowerCase(Locale.ROOT).endsWith(".xml")) return BENCHMARK;
        return folder.filter(SceneRules::isGeneratedScenario).isPresent() ? BENCHMARK : MUJOCO;
    }

    private static boolean isGeneratedScenario(Path folder) {
        if (Files.isRegularFile(folder.resolve("plan.json")) || Files.isRegularFile(folder.resolve(TemplateSourceCheck.FILE))) return true;
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("manifest_\\d+\\.json"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
