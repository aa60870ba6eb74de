package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.internal.mesh.MujocoMeshTreatment;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfReadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The STL meshes of a scenario, judged by its {@link SceneRules}. {@link SceneRules#BENCHMARK benchmark}: every STL
 * of the scenario is watertight, manifold, consistently oriented, of positive volume and not self-intersecting.
 * {@link SceneRules#MUJOCO mujoco}: the STL meshes the model names (where MuJoCo finds them, includes and
 * {@code meshdir} followed) get the same inspection, and each defect MuJoCo tolerates is a warning saying how MuJoCo
 * treats the mesh ({@link MujocoMeshTreatment}).
 */
public final class MeshFilesCheck implements Check {
    private final SceneRules rules;
    private final List<Path> allowedReads;
    private final ScenePlace place;

    /** The benchmark rules over the workspace's STL files. */
    public MeshFilesCheck() {
        this(SceneRules.BENCHMARK, List.of(), Optional.empty());
    }

    /** Meshes judged by {@code rules}, the scenes read where they lie ({@code origin}) when known. */
    public MeshFilesCheck(SceneRules rules, List<Path> allowedReads, Optional<Path> origin) {
        this.rules = rules;
        this.allowedReads = List.copyOf(allowedReads);
        this.place = new ScenePlace(origin);
    }

    @Override
    public String name() {
        return "meshes";
    }

    @Override
    public int tier() {
        return TIER_PARSE + 10;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        if (rules == SceneRules.MUJOCO) return asMujocoTreatsThem(ctx);
        List<Finding> all = new ArrayList<>();
        for (String f : ctx.workspace().list()) {
            if (f.toLowerCase(Locale.ROOT).endsWith(".stl")) {
                MeshChecker.exact().inspect(ctx.workspace().resolve(f), f).findings().forEach(all::add);
            }
        }
        return CheckResult.of(all);
    }

    /**
     * The meshes the scenes name, as MuJoCo treats them; not judged (never "passed") when a scene cannot be read, since
     * then which meshes it names is unknown — the static check reports why it cannot be read.
     */
    private CheckResult asMujocoTreatsThem(CheckContext ctx) {
        Set<Path> meshes = new LinkedHashSet<>();
        List<String> unread = new ArrayList<>();
        Path base = null;
        for (String scene : SceneFiles.of(ctx)) {
            Path xml = place.file(ctx, scene);
            base = xml.toAbsolutePath().normalize().getParent();
            try {
                MjcfModel model = MjcfModel.load(xml, allowedReads);
                for (MjcfElement mesh : model.all("mesh")) {
                    model.assetFile(mesh).filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".stl")).ifPresent(meshes::add);
                }
            } catch (MjcfReadException e) {
                unread.add(scene); // why is the static check's finding
            }
        }
        if (!unread.isEmpty()) {
            // not judged, and final: the files decide, so trying again cannot help (a transient error would be retried
            // with backoff for half a minute). These rules serve validate only, where this reads "not judged".
            return new CheckResult.Errored("the meshes were not inspected: " + String.join(", ", unread)
                    + " could not be read, so which meshes it names is unknown (mjcf-static says why)", true);
        }
        Path folder = base;
        // meshes in parallel (a robot has a dozen, each independent); no search for crossing triangles: MuJoCo
        // collides with the hull, and it is the costliest pass (see MeshChecker)
        return CheckResult.of(meshes.parallelStream().flatMap(stl -> {
            String shown = folder != null && stl.startsWith(folder) ? folder.relativize(stl).toString() : stl.toString();
            return MeshChecker.exact().withoutSelfIntersections().inspect(stl, shown).findings().stream();
        }).map(MujocoMeshTreatment::asWarning).toList());
    }
}
