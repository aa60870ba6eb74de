package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.GeomShape;
import dev.scenarist.packs.mechanisms.internal.mjcf.MassRule;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfFrames;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfReadException;
import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlReader;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Shape;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link ModelCompiler}'s geoms as MuJoCo compiles them: each geom's collision shape (primitives as they are,
 * ellipsoids and meshes as convex polytopes, as MuJoCo collides meshes), its frame ({@code fromto} included) and its
 * mass properties at its density or mass. Mesh assets are read once — binary STL files or inline vertices, scaled,
 * moved by {@code refpos}/{@code refquat} — and their mass taken from the exact solid where it has volume.
 */
final class Geometries {
    /** A geom's shape, its frame in the body and its mass properties in the body frame. */
    record Geometry(Shape shape, Pose local, MassProperties mass) {}

    private final MjcfModel model;
    private final MjcfFrames frames;
    private final ModelCompiler.Approximations notes;

    Geometries(MjcfModel model, MjcfFrames frames, ModelCompiler.Approximations notes) {
        this.model = model;
        this.frames = frames;
        this.notes = notes;
    }

    /**
     * The shape of geom {@code g}, its frame in the body and its mass properties in the body frame (MuJoCo's geom
     * inertia); {@code ownerLocal} is the frame of what owns it (its body, or a {@code <frame>} in it) in the body.
     */
    Geometry of(MjcfElement g, Pose ownerLocal) throws UnsupportedModelException {
        String type = g.attr("type", "sphere");
        String meshName = g.attr("mesh");
        if (meshName != null && !meshName.isEmpty() && !type.equals("mesh")) {
            throw new UnsupportedModelException("geom at " + g.location() + " fits a " + type + " to mesh '"
                    + meshName + "'; the ODE fallback does not fit primitives to meshes");
        }
        Shape shape;
        Pose local;
        MassProperties unit; // mass properties at density 1, in the geom frame
        if (type.equals("mesh")) {
            MeshData mesh = mesh(g, meshName);
            shape = new ModelSpec.Convex(mesh.hull, 7);
            unit = mesh.unitMass;
            local = ModelCompiler.pose(frames, g);
        } else {
            // sizes, fromto and volumes as the one model view compiles them; the ODE world's shapes and inertias from there
            GeomShape.Placed placed;
            try {
                placed = GeomShape.of(g, frames, ModelCompiler.ZERO3).orElseThrow(() -> new UnsupportedModelException(
                        "geom type '" + type + "' at " + g.location() + " is not supported by the ODE fallback"));
            } catch (MjcfReadException e) {
                throw new UncheckedIOException(e); // the model was validated: its numbers read
            }
            local = placed.local();
            double volume = placed.shape().volume();
            switch (placed.shape()) {
                case GeomShape.Plane p -> {
                    shape = new ModelSpec.Plane();
                    unit = MassProperties.NONE;
                }
                case GeomShape.Sphere sp -> {
                    shape = new ModelSpec.Sphere(sp.radius());
                    unit = MassProperties.sphere(volume, sp.radius());
                }
                case GeomShape.Capsule c -> {
                    shape = new ModelSpec.Capsule(c.radius(), c.halfLength());
                    unit = MassProperties.capsule(volume, c.radius(), c.halfLength());
                }
                case GeomShape.Cylinder c -> {
                    shape = new ModelSpec.Cylinder(c.radius(), c.halfLength());
                    unit = MassProperties.cylinder(volume, c.radius(), c.halfLength());
                }
                case GeomShape.Box b -> {
                    shape = new ModelSpec.Box(b.halfX(), b.halfY(), b.halfZ());
                    unit = MassProperties.box(volume, b.halfX(), b.halfY(), b.halfZ());
                }
                case GeomShape.Ellipsoid e -> {
                    shape = new ModelSpec.Convex(Ellipsoids.polytope(e.radiusX(), e.radiusY(), e.radiusZ()), 4);
                    unit = MassProperties.ellipsoid(volume, e.radiusX(), e.radiusY(), e.radiusZ());
                    notes.add("ellipsoids collide as " + Ellipsoids.VERTICES + "-vertex polytopes of equal volume");
                }
            }
        }
        MassProperties mass = MassProperties.NONE;
        if (!type.equals("plane") && !unit.massless()) {
            double volume = unit.mass();
            double m = MassRule.geomMass(g.has("mass") ? OptionalDouble.of(g.real("mass", 0)) : OptionalDouble.empty(),
                    g.real("density", MassRule.DEFAULT_DENSITY), volume);
            if (g.has("shellinertia") && "true".equals(g.attr("shellinertia"))) {
                notes.add("shell inertia of geom at " + g.location() + " is computed as a solid");
            }
            mass = unit.scaled(m / volume).transformed(ownerLocal.compose(local));
        }
        return new Geometry(shape, ownerLocal.compose(local), mass);
    }

    /** A mesh asset's collision hull and mass properties at density 1, in the mesh frame. */
    private record MeshData(SolidMesh hull, MassProperties unitMass) {}

    private final Map<String, MeshData> meshes = new HashMap<>();

    private MeshData mesh(MjcfElement geom, String name) throws UnsupportedModelException {
        if (meshes.containsKey(name)) {
            return meshes.get(name);
        }
        MjcfElement asset = model.named("mesh", name).orElseThrow(() -> new UnsupportedModelException(
                "mesh '" + name + "' of geom at " + geom.location() + " is not defined"));
        List<Vec3> vertices = new ArrayList<>();
        List<int[]> triangles = new ArrayList<>();
        Optional<Path> file;
        try {
            file = model.assetFile(asset); // refuses a file outside the scene's folder instead of reading it
        } catch (MjcfReadException e) {
            throw new UnsupportedModelException(e.getMessage());
        }
        if (file.isPresent()) {
            String f = file.get().getFileName().toString().toLowerCase(Locale.ROOT);
            if (!f.endsWith(".stl")) {
                throw new UnsupportedModelException("mesh '" + name + "' is " + file.get().getFileName()
                        + ": the ODE fallback reads binary STL only");
            }
            TriangleMesh stl;
            try {
                stl = StlReader.read(file.get());
            } catch (IOException e) {
                throw new UnsupportedModelException("mesh '" + name + "': cannot read " + file.get() + ": "
                        + e.getMessage());
            }
            for (int i = 0; i < stl.vertexCount(); i++) {
                vertices.add(stl.vertex(i));
            }
            for (int t = 0; t < stl.triangleCount(); t++) {
                triangles.add(new int[] {stl.corner(t, 0), stl.corner(t, 1), stl.corner(t, 2)});
            }
        } else {
            double[] v = asset.reals("vertex");
            if (v == null || v.length < 12) {
                throw new UnsupportedModelException("mesh '" + name + "' has neither a file nor vertices");
            }
            for (int i = 0; i + 2 < v.length; i += 3) {
                vertices.add(new Vec3(v[i], v[i + 1], v[i + 2]));
            }
            double[] face = asset.reals("face");
            if (face != null) {
                for (int i = 0; i + 2 < face.length; i += 3) {
                    triangles.add(new int[] {(int) face[i], (int) face[i + 1], (int) face[i + 2]});
                }
            }
        }
        double[] scale = asset.reals("scale", new double[] {1, 1, 1});
        double[] refpos = asset.reals("refpos", ModelCompiler.ZERO3);
        double[] refquat = asset.reals("refquat", new double[] {1, 0, 0, 0});
        Quat ref = Quat.of(refquat[0], refquat[1], refquat[2], refquat[3]).inverse();
        Vec3 origin = new Vec3(refpos[0], refpos[1], refpos[2]);
        List<Vec3> placed = new ArrayList<>(vertices.size());
        for (Vec3 v : vertices) {
            placed.add(ref.rotate(new Vec3(v.x() * scale[0], v.y() * scale[1], v.z() * scale[2]).minus(origin)));
        }
        if (scale[0] * scale[1] * scale[2] < 0) { // a mirrored mesh turns inside out
            triangles.replaceAll(t -> new int[] {t[0], t[2], t[1]});
        }
        SolidMesh hull;
        try {
            hull = SolidMesh.convexHull(placed);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedModelException("mesh '" + name + "': " + e.getMessage());
        }
        String inertia = asset.attr("inertia", "legacy");
        MassProperties unit = hull.massProperties(1);
        if (!triangles.isEmpty() && !inertia.equals("convex")) {
            MassProperties solid = new SolidMesh(placed, triangles).massProperties(1);
            if (solid.mass() > ModelCompiler.MINVAL) {
                unit = solid;
                if (solid.mass() < 0.99 * hull.volume()) {
                    notes.add("mesh '" + name + "' is not convex: it collides as its convex hull (as in MuJoCo); "
                            + "its mass uses the exact volume, which MuJoCo's legacy inertia overestimates");
                }
            } else {
                notes.add("mesh '" + name + "' has no positive volume (open or inside out): its convex hull's mass "
                        + "is used");
            }
        }
        if (inertia.equals("shell")) {
            notes.add("shell inertia of mesh '" + name + "' is computed as a solid");
        }
        MeshData data = new MeshData(hull, unit);
        meshes.put(name, data);
        return data;
    }
}
