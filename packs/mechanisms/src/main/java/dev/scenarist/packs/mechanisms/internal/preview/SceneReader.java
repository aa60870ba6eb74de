package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.internal.mjcf.GeomShape;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfFrames;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfReadException;
import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.PartLabel;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlReader;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a preview draws from an MJCF model: every visible geom (and every zone-labelled site) placed in the
 * world through the body tree, with its colour. The model's initial configuration is drawn (joints at zero, free
 * bodies where they are written), as MuJoCo shows a model before the first step.
 *
 * <p>What MuJoCo's viewer hides by default stays hidden: geoms in group 3 and above (often collision copies of
 * visual meshes) and fully transparent ones, unless they are labelled. Height fields, SDF geoms, meshes given as
 * OBJ/MSH or inline vertices, and parts generated at compile time (replicate, composite, flexcomp, attach) are not
 * drawn.
 */
final class SceneReader {
    private static final double[] DEFAULT_RGBA = {0.5, 0.5, 0.5, 1};
    private static final int FIRST_HIDDEN_GROUP = 3;

    private final MjcfModel model;
    private final MjcfFrames frames;
    private final Map<Path, TriangleMesh> meshes = new HashMap<>();
    /** Per label, the labelled names in order of appearance: the index picks the shade of the label's family. */
    private final Map<PartLabel, Map<String, Integer>> shades = new EnumMap<>(PartLabel.class);
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Vec3> sites = new HashMap<>();

    private SceneReader(MjcfModel model) {
        this.model = model;
        this.frames = MjcfFrames.of(model);
    }

    static PreviewScene read(MjcfModel model) throws IOException {
        SceneReader r = new SceneReader(model);
        for (MjcfElement world : model.worldbodies()) {
            r.walk(world, Pose.IDENTITY, PartLabel.NONE, "", "");
        }
        return new PreviewScene(r.parts, r.sites);
    }

    /**
     * @param inherited the label of the nearest labelled body above, and {@code owner} that body's name
     * @param body the name of the nearest body above (frames are not bodies)
     */
    private void walk(MjcfElement parent, Pose frame, PartLabel inherited, String owner, String body)
            throws IOException {
        for (MjcfElement e : parent.children()) {
            switch (e.tag()) {
                case "body" -> {
                    String name = e.name().orElse("");
                    PartLabel own = PartLabel.of(name);
                    walk(e, frame.compose(frames.pose(e)), own == PartLabel.NONE ? inherited : own,
                            own == PartLabel.NONE ? owner : name, name);
                }
                case "frame" -> walk(e, frame.compose(frames.pose(e)), inherited, owner, body);
                case "geom" -> geom(e, frame, inherited, owner, body);
                case "site" -> site(e, frame, body);
                default -> { } // joints, inertials, cameras, lights ... draw nothing
            }
        }
    }

    private void geom(MjcfElement g, Pose frame, PartLabel inherited, String owner, String body) throws IOException {
        String name = g.name().orElse("");
        PartLabel own = PartLabel.of(name);
        PartLabel label = own != PartLabel.NONE ? own : inherited;
        String labelled = own != PartLabel.NONE ? name : owner;
        try {
            String type = g.attribute("type").orElse("sphere");
            double group = g.numbers("group", 0)[0];
            Look look = look(g, type.equals("plane"));
            if (label == PartLabel.NONE && (group >= FIRST_HIDDEN_GROUP || look.colour().a() <= 0)) {
                return;
            }
            Optional<Placed> placed = type.equals("mesh") ? mesh(g) : primitive(g, 0, 0, 0);
            if (placed.isEmpty()) {
                return;
            }
            add(new Names(name, body, labelled), label, placed.get(), frame, look);
        } catch (IllegalArgumentException e) {
            throw new MjcfReadException(g.location() + ": " + g + " cannot be drawn: " + e.getMessage(), e);
        }
    }

    /**
     * Sites are invisible markers; only those named as zones are drawn, exactly like zone geoms. Every named site's
     * position is kept, for a task whose subject is a site.
     */
    private void site(MjcfElement s, Pose frame, String body) throws IOException {
        String name = s.name().orElse("");
        PartLabel label = PartLabel.of(name);
        if (!name.isEmpty()) {
            sites.put(name, frame.compose(frames.pose(s)).position());
        }
        if (!label.isZone()) {
            return;
        }
        try {
            primitive(s, 0.005, 0.005, 0.005).ifPresent(p -> add(new Names(name, body, name), label, p, frame,
                    new Look(Colour.rgb(1, 1, 1), Colour.rgb(1, 1, 1))));
        } catch (IllegalArgumentException e) {
            throw new MjcfReadException(s.location() + ": " + s + " cannot be drawn: " + e.getMessage(), e);
        }
    }

    /** A part's own name, its body's, and the labelled name its colour follows (its own or a labelled body's). */
    private record Names(String own, String body, String labelled) {}

    private void add(Names names, PartLabel label, Placed placed, Pose frame, Look look) {
        Look drawn = look;
        if (label != PartLabel.NONE) {
            Map<String, Integer> seen = shades.computeIfAbsent(label, k -> new LinkedHashMap<>());
            drawn = Look.plain(Palette.of(label, seen.computeIfAbsent(names.labelled(), k -> seen.size())));
        }
        parts.add(new Part(names.own(), names.body(), label, placed.shape(), frame.compose(placed.pose()), drawn));
    }

    /** A shape and where it sits in its body. */
    private record Placed(Shape shape, Pose pose) {}

    /** A primitive geom or site as the one model view compiles it ({@link GeomShape}), in the preview's shapes. */
    private Optional<Placed> primitive(MjcfElement g, double... initialSize) throws MjcfReadException {
        Optional<GeomShape.Placed> placed = GeomShape.of(g, frames, initialSize);
        if (placed.isEmpty()) {
            return Optional.empty(); // hfield, sdf: not drawn
        }
        Shape shape = switch (placed.get().shape()) {
            case GeomShape.Plane p -> new Shape.Plane(Math.max(0, p.halfX()), Math.max(0, p.halfY()));
            case GeomShape.Sphere sp -> new Shape.Sphere(sp.radius());
            case GeomShape.Capsule c -> new Shape.Capsule(c.radius(), c.halfLength());
            case GeomShape.Cylinder c -> new Shape.Cylinder(c.radius(), c.halfLength());
            case GeomShape.Box b -> new Shape.Box(b.halfX(), b.halfY(), b.halfZ());
            case GeomShape.Ellipsoid e -> new Shape.Ellipsoid(e.radiusX(), e.radiusY(), e.radiusZ());
        };
        return valid(shape, placed.get().local());
    }

    /** Sizes MuJoCo would refuse (zero, negative) leave nothing to draw; the validator reports them. */
    private static Optional<Placed> valid(Shape shape, Pose pose) {
        boolean ok = switch (shape) {
            case Shape.Plane p -> true;
            case Shape.Sphere s -> s.radius() > 0;
            case Shape.Capsule c -> c.radius() > 0 && c.halfLength() >= 0;
            case Shape.Cylinder c -> c.radius() > 0 && c.halfLength() > 0;
            case Shape.Box b -> b.halfX() > 0 && b.halfY() > 0 && b.halfZ() > 0;
            case Shape.Ellipsoid e -> e.radiusX() > 0 && e.radiusY() > 0 && e.radiusZ() > 0;
            case Shape.Mesh m -> m.mesh().triangleCount() > 0;
        };
        return ok ? Optional.of(new Placed(shape, pose)) : Optional.empty();
    }

    private Optional<Placed> mesh(MjcfElement g) throws IOException {
        Optional<String> meshName = g.attribute("mesh");
        if (meshName.isEmpty()) {
            return Optional.empty();
        }
        MjcfElement asset = model.asset("mesh", meshName.get()).orElseThrow(() -> new MjcfReadException(
                g.location() + ": " + g + " uses mesh '" + meshName.get() + "', which no <mesh> asset declares"));
        Optional<Path> file = model.assetFile(asset);
        if (file.isEmpty() || !file.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".stl")) {
            return Optional.empty(); // inline vertices, OBJ or MSH: not drawn
        }
        TriangleMesh mesh = readStl(file.get(), asset);
        double[] scale = asset.numbers("scale", 1, 1, 1);
        return valid(new Shape.Mesh(mesh, new Vec3(scale[0], scale[1], scale[2])), frames.pose(g));
    }

    private TriangleMesh readStl(Path file, MjcfElement asset) throws MjcfReadException {
        TriangleMesh cached = meshes.get(file);
        if (cached != null) {
            return cached;
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            TriangleMesh mesh = StlReader.read(file);
            meshes.put(file, mesh);
            return mesh;
        } catch (NoSuchFileException e) {
            throw new MjcfReadException(asset.location() + ": mesh file " + file + " of " + asset + " not found", e);
        } catch (IOException e) {
            throw new MjcfReadException(asset.location() + ": mesh file " + file + " of " + asset
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- colour ---------------------------------------------------------------------------------------------------

    /**
     * MuJoCo's rule: a geom's own {@code rgba} wins when it differs from the built-in default, else its material's
     * colour (times its texture, approximated by a procedural texture's colours), else the default. A plane's
     * checker uses a checker texture's two colours, or its colour and a darker shade of it.
     */
    private Look look(MjcfElement g, boolean plane) throws MjcfReadException {
        double[] rgba = g.numbers("rgba", DEFAULT_RGBA);
        Optional<MjcfElement> material = g.attribute("material").flatMap(m -> model.asset("material", m));
        if (!Arrays.equals(rgba, DEFAULT_RGBA) || material.isEmpty()) {
            Colour c = Colour.of(rgba);
            return new Look(c, c.shade(0.88));
        }
        Colour base = Colour.of(material.get().numbers("rgba", 1, 1, 1, 1));
        Optional<Texture> texture = texture(material.get());
        if (texture.isEmpty()) {
            return new Look(base, base.shade(0.88));
        }
        Texture t = texture.get();
        if (!plane) {
            return new Look(base.times(t.first().mix(t.second(), 0.5)), base);
        }
        Colour first = base.times(t.first());
        return new Look(first, t.checker() ? base.times(t.second()) : first.shade(0.88));
    }

    private Optional<Texture> texture(MjcfElement material) throws MjcfReadException {
        Optional<MjcfElement> tex = material.attribute("texture").flatMap(t -> model.asset("texture", t));
        if (tex.isEmpty() || tex.get().attribute("builtin").orElse("none").equals("none")) {
            return Optional.empty(); // image textures are not read: the material's colour alone stands for them
        }
        MjcfElement t = tex.get();
        return Optional.of(new Texture(Colour.of(t.numbers("rgb1", 0.8, 0.8, 0.8)),
                Colour.of(t.numbers("rgb2", 0.5, 0.5, 0.5)), t.attribute("builtin").orElse("").equals("checker")));
    }

    /** A procedural texture's two colours. */
    private record Texture(Colour first, Colour second, boolean checker) {}
}
