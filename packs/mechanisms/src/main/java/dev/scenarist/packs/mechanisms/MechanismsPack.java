package dev.scenarist.packs.mechanisms;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.mechanisms.checks.MeshFilesCheck;
import dev.scenarist.packs.mechanisms.checks.MjcfStaticCheck;
import dev.scenarist.packs.mechanisms.checks.MujocoSimulationCheck;
import dev.scenarist.packs.mechanisms.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.sim.Simulator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Physics benchmark scenes checked in MuJoCo. This first version has one stage in which the author writes the MJCF
 * scene directly, checked cheapest first: strict static validation, mesh checks, then 1 s in real MuJoCo. It also
 * serves {@code scenarist validate --pack mechanisms scene.xml} for scenes that already exist. Parametric templates
 * (plan → code → review → validate), the randomizer, the offline template library and previews come next.
 */
public final class MechanismsPack implements Pack {
    private static final Pattern MODEL_NAME = Pattern.compile("<mujoco[^>]*\\smodel\\s*=\\s*\"([^\"]*)\"");
    private final Pipeline pipeline;

    public MechanismsPack(Simulator simulator) {
        var scene = new Stage.AuthorStage("scene", """
                Write a MuJoCo MJCF scene for a physics benchmark: a static, kinematic or actuated mechanism an agent must \
                reason about. Name parts by role: obstacle_*, zone_goal, zone_start, zone_forbid, agent_*. Zones are \
                non-colliding markers (contype="0" conaffinity="0"). The scene must load in MuJoCo 3.14, stay stable for \
                1 s of simulation (no body faster than the limit, no initial interpenetration) and use only primitive geoms.""",
                StagePolicy.editing("scene.xml"), List.of(OutputFile.required("scene.xml", FileFormat.XML, "the MJCF scene")),
                List.of(new MjcfStaticCheck(), new MeshFilesCheck(), new MujocoSimulationCheck(simulator, SimulationLimits.defaults())));
        this.pipeline = new Pipeline(List.of(scene));
    }

    @Override
    public String name() {
        return "mechanisms";
    }

    @Override
    public String description() {
        return "Physics benchmark scenes (MuJoCo MJCF + STL), validated statically and in MuJoCo. Early version: one authoring stage;"
                + " use 'validate --pack mechanisms scene.xml' for existing scenes.";
    }

    @Override
    public String definitionHash() {
        return "mechanisms-0.1";
    }

    @Override
    public String context() {
        return "You design physics benchmark scenes in MuJoCo's MJCF format (MuJoCo 3.14).";
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Author offlineAuthor() {
        throw new IllegalStateException("the mechanisms pack has no offline author yet (its template library is being built);"
                + " generate with a model (--author provider:model), or check existing scenes with 'scenarist validate --pack mechanisms FILE'");
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return Map.of();
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        return workspace.read("scene.xml").orElse("");
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        String xml = workspace.read("scene.xml").orElse("");
        Matcher m = MODEL_NAME.matcher(xml);
        return new ScenarioSummary(m.find() ? m.group(1) : "mechanism scene", "a MuJoCo scene");
    }
}
