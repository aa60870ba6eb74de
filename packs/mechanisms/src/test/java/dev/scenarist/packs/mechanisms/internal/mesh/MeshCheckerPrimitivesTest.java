package dev.scenarist.packs.mechanisms.internal.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.scene.Meshes;
import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlWriter;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec2;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every watertight-by-construction primitive, at many parameters, passes every check once written as STL. */
class MeshCheckerPrimitivesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> primitives() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {3, 4, 7, 32, 200}) {
            out.add(Arguments.of("extruded " + n + "-gon", Meshes.extrusion(Meshes.regularPolygon(0.2, n), 0.05)));
        }
        out.add(Arguments.of("extruded L", Meshes.extrusion(List.of(Vec2.of(0, 0), Vec2.of(2, 0), Vec2.of(2, 1),
                Vec2.of(1, 1), Vec2.of(1, 2), Vec2.of(0, 2)), 0.3)));
        out.add(Arguments.of("extruded star", Meshes.extrusion(star(9, 1, 0.35), 0.2)));
        out.add(Arguments.of("extruded comb", Meshes.extrusion(comb(12), 0.1)));
        out.add(Arguments.of("thin extrusion", Meshes.extrusion(Meshes.regularPolygon(1, 24), 0.001)));
        for (int segments : new int[] {3, 8, 48, 256}) {
            out.add(Arguments.of("revolved vase " + segments, Meshes.revolution(vase(), segments)));
        }
        out.add(Arguments.of("revolved cone", Meshes.revolution(List.of(Vec2.of(0, 0), Vec2.of(0.1, 0), Vec2.of(0, 0.3)), 16)));
        out.add(Arguments.of("revolved sphere", Meshes.revolution(arc(20), 40)));
        out.add(Arguments.of("revolved ring", Meshes.revolution(List.of(Vec2.of(0.1, 0), Vec2.of(0.2, 0),
                Vec2.of(0.2, 0.05), Vec2.of(0.1, 0.05)), 36)));
        out.add(Arguments.of("thin-walled cup", Meshes.revolution(List.of(Vec2.of(0, 0), Vec2.of(0.05, 0),
                Vec2.of(0.05, 0.1), Vec2.of(0.0495, 0.1), Vec2.of(0.0495, 0.001), Vec2.of(0, 0.001)), 64)));
        for (int segments : new int[] {3, 4, 8, 13, 32, 96}) {
            out.add(Arguments.of("plate, centred hole " + segments, Meshes.boxWithHole(0.2, 0.2, 0.01, 0.05, segments)));
        }
        out.add(Arguments.of("long plate, tight hole", Meshes.boxWithHole(1, 0.1, 0.05, 0.0999, 24)));
        out.add(Arguments.of("plate, off-centre hole", Meshes.boxWithHole(0.3, 0.2, 0.02, Vec2.of(0.15, -0.08), 0.05, 20)));
        out.add(Arguments.of("plate, rect hole", Meshes.boxWithRectHole(0.4, 0.9, 0.02, Vec2.of(0, 0.3), 0.2, 0.2)));
        out.add(Arguments.of("plate, rect hole at a corner", Meshes.boxWithRectHole(0.4, 0.4, 0.02, Vec2.of(0.3, 0.3), 0.05, 0.05)));
        out.add(Arguments.of("plate, scaled", Meshes.boxWithHole(0.2, 0.2, 0.01, 0.05, 16).scaled(Scale.of(2, 0.5, 3))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitives")
    void passes_every_check(String label, TriangleMesh mesh) throws Exception {
        Path stl = dir.resolve("meshes").resolve(label.replaceAll("[^a-z0-9]+", "_") + ".stl");
        StlWriter.write(mesh, stl);
        MeshReport report = MeshChecker.exact().inspect(stl, "meshes/" + stl.getFileName());
        assertThat(report.findings()).isEmpty();
        assertThat(report.volume()).isPositive();
        assertThat(report.vertices()).isEqualTo(mesh.vertexCount());
    }

    private static List<Vec2> star(int points, double outer, double inner) {
        List<Vec2> p = new ArrayList<>();
        for (int i = 0; i < 2 * points; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = Math.PI * i / points;
            p.add(Vec2.of(r * Math.cos(a), r * Math.sin(a)));
        }
        return p;
    }

    /** A comb: a bar with narrow teeth — many reflex corners for the ear clipper. */
    private static List<Vec2> comb(int teeth) {
        List<Vec2> p = new ArrayList<>();
        p.add(Vec2.of(0, 0));
        p.add(Vec2.of(teeth, 0));
        for (int i = teeth; i > 0; i--) {
            p.add(Vec2.of(i, 2));
            p.add(Vec2.of(i - 0.3, 2));
            p.add(Vec2.of(i - 0.3, 0.5));
            p.add(Vec2.of(i - 1, 0.5));
        }
        return p;
    }

    private static List<Vec2> vase() {
        return List.of(Vec2.of(0, 0), Vec2.of(0.04, 0), Vec2.of(0.06, 0.05), Vec2.of(0.03, 0.12), Vec2.of(0.035, 0.15),
                Vec2.of(0.03, 0.16), Vec2.of(0, 0.16));
    }

    private static List<Vec2> arc(int n) {
        List<Vec2> p = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double a = -Math.PI / 2 + Math.PI * i / n;
            p.add(Vec2.of(i == 0 || i == n ? 0 : 0.1 * Math.cos(a), 0.1 * Math.sin(a)));
        }
        return p;
    }
}
