package dev.scenarist.packs.mechanisms.internal.sim.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which elements give a moving body its mass is decided by one rule ({@code MassRule}) for the validator and the ODE
 * fallback: for each {@code <compiler>} setting below, the fallback's compiled mass is the one MuJoCo's compiler
 * documents, and the validator refuses the body as massless exactly when that mass is zero.
 */
class MassRuleAgreementTest {
    @TempDir
    Path dir;

    /** A sphere of radius 0.1 at MuJoCo's default density, 1000 kg/m³. */
    private static final double BALL = 4.0 / 3 * Math.PI * 0.001 * 1000;

    /** A {@code <compiler>} line (or none), the moving body's content, and its mass as MuJoCo's rule gives it. */
    private record Case(String about, String compiler, String body, double mass) {}

    private static final List<Case> CASES = List.of(
            new Case("geoms at the default density", "", "<geom size=\"0.1\"/>", BALL),
            new Case("an inertial wins over geoms by default", "",
                    "<inertial pos=\"0 0 0\" mass=\"2\" diaginertia=\"0.1 0.1 0.1\"/><geom size=\"0.1\"/>", 2),
            new Case("inertiafromgeom=true ignores the inertial", "<compiler inertiafromgeom=\"true\"/>",
                    "<inertial pos=\"0 0 0\" mass=\"2\" diaginertia=\"0.1 0.1 0.1\"/><geom size=\"0.1\"/>", BALL),
            new Case("inertiafromgeom=false: geoms weigh nothing", "<compiler inertiafromgeom=\"false\"/>",
                    "<geom size=\"0.1\"/>", 0),
            new Case("a geom outside inertiagrouprange weighs nothing", "<compiler inertiagrouprange=\"0 2\"/>",
                    "<geom size=\"0.1\" group=\"3\"/>", 0),
            new Case("a geom inside inertiagrouprange weighs", "<compiler inertiagrouprange=\"2 4\"/>",
                    "<geom size=\"0.1\" group=\"3\"/>", BALL),
            new Case("a geom's own mass wins over its density", "", "<geom size=\"0.1\" mass=\"0.3\" density=\"5\"/>", 0.3),
            new Case("zero density weighs nothing", "", "<geom size=\"0.1\" density=\"0\"/>", 0),
            new Case("boundmass lifts a massless body", "<compiler boundmass=\"0.5\" boundinertia=\"0.01\"/>",
                    "<geom size=\"0.1\" density=\"0\"/>", 0.5),
            new Case("a class's density applies", "",
                    "<geom class=\"light\" size=\"0.1\"/>", BALL / 10));

    @Test
    void theValidatorAndTheFallbackWeighBodiesByOneRule() throws Exception {
        for (Case c : CASES) {
            Path xml = dir.resolve("m" + CASES.indexOf(c) + ".xml");
            Files.writeString(xml, "<mujoco>" + c.compiler() + "<default><default class=\"light\"><geom density=\"100\"/>"
                    + "</default></default><worldbody><geom type=\"plane\" size=\"1 1 0.1\"/>"
                    + "<body name=\"moving\" pos=\"0 0 1\"><freejoint/>" + c.body() + "</body></worldbody></mujoco>");
            List<String> codes = switch (MjcfModel.read(xml)) {
                case MjcfModel.Valid v -> List.of();
                case MjcfModel.Invalid i -> i.errors().stream().map(f -> f.code()).toList();
            };
            if (c.mass() == 0) {
                assertThat(codes).as("%s: the validator refuses the massless body", c.about())
                        .containsExactly(MjcfValidator.ZERO_MASS);
                continue;
            }
            assertThat(codes).as("%s: the validator accepts the body", c.about()).isEmpty();
            ModelSpec spec = ModelCompiler.compile(MjcfModel.load(xml));
            double mass = spec.bodies().stream().filter(b -> b.label().equals("moving")).findFirst().orElseThrow().mass().mass();
            assertThat(mass).as("%s: the fallback's mass", c.about()).isCloseTo(c.mass(), within(1e-9));
        }
    }
}
