package dev.scenarist.packs.mechanisms.internal.scenefile;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.packs.mechanisms.scene.Actuator;
import dev.scenarist.packs.mechanisms.scene.Body;
import dev.scenarist.packs.mechanisms.scene.CompilerSettings;
import dev.scenarist.packs.mechanisms.scene.Friction;
import dev.scenarist.packs.mechanisms.scene.Geom;
import dev.scenarist.packs.mechanisms.scene.Joint;
import dev.scenarist.packs.mechanisms.scene.Material;
import dev.scenarist.packs.mechanisms.scene.Mesh;
import dev.scenarist.packs.mechanisms.scene.Rgba;
import dev.scenarist.packs.mechanisms.scene.Scene;
import dev.scenarist.packs.mechanisms.scene.Site;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Scene} as MJCF plus one binary STL per mesh, deterministically: elements in the order the
 * template added them, attributes in a fixed order, numbers through {@link Numbers#format}. The same scene gives
 * the same bytes on any machine and locale.
 *
 * <p>Layout: {@code scene.xml} with {@code <compiler meshdir="meshes">}, and {@code meshes/<mesh name>.stl} next to
 * it. Within a body, children come in MuJoCo's customary order: inertial, joints, geoms, sites, child bodies.
 */
public final class MjcfWriter {
    public static final String MESH_DIR = "meshes";

    private MjcfWriter() {}

    /**
     * Writes {@code xmlFile} and its meshes under {@code xmlFile}'s folder; returns the written files, the XML first,
     * then the meshes in the order the scene registered them. Each file is written whole or not at all.
     */
    public static List<Path> write(Scene scene, Path xmlFile) throws IOException {
        return write(scene, xmlFile, "");
    }

    /**
     * As {@link #write(Scene, Path)}, with {@code meshSuffix} appended to every mesh file's name
     * ({@code meshes/<name><suffix>.stl}), so the scenes of several variants can share one meshes folder.
     */
    public static List<Path> write(Scene scene, Path xmlFile, String meshSuffix) throws IOException {
        if (!meshSuffix.matches("[A-Za-z0-9_.-]*")) throw new IllegalArgumentException("mesh suffix '" + meshSuffix + "' must be a plain file-name part");
        List<Path> written = new ArrayList<>();
        Path meshDir = xmlFile.toAbsolutePath().getParent().resolve(MESH_DIR);
        // Meshes first: the XML refers to them, so a reader that sees the XML finds them in place.
        List<Path> meshFiles = new ArrayList<>();
        for (Mesh mesh : scene.meshes()) {
            Path stl = meshDir.resolve(fileName(mesh, meshSuffix));
            StlWriter.write(mesh.geometry(), stl);
            meshFiles.add(stl);
        }
        AtomicFile.write(xmlFile, toXml(scene, meshSuffix).getBytes(StandardCharsets.UTF_8));
        written.add(xmlFile);
        written.addAll(meshFiles);
        return written;
    }

    public static String toXml(Scene scene) {
        return toXml(scene, "");
    }

    static String toXml(Scene scene, String meshSuffix) {
        XmlBuilder x = new XmlBuilder();
        x.open("mujoco").attr("model", scene.name());
        compiler(x, scene.compiler());
        option(x, scene);
        assets(x, scene, meshSuffix);
        x.open("worldbody");
        bodyContent(x, scene.world());
        x.close("worldbody");
        actuators(x, scene);
        x.close("mujoco");
        return x.toString();
    }

    private static void compiler(XmlBuilder x, CompilerSettings c) {
        x.open("compiler").attr("angle", "radian").attr("meshdir", MESH_DIR).attr("autolimits", "true");
        if (c.inertiaFromGeom() != CompilerSettings.InertiaFromGeom.AUTO) {
            x.attr("inertiafromgeom", c.inertiaFromGeom().keyword());
        }
        if (c.boundMass() > 0) x.attr("boundmass", c.boundMass());
        if (c.boundInertia() > 0) x.attr("boundinertia", c.boundInertia());
        x.close("compiler");
    }

    private static void option(XmlBuilder x, Scene scene) {
        Vec3 g = scene.gravity();
        x.open("option").attr("timestep", scene.timestep()).attr("gravity", g.x(), g.y(), g.z());
        scene.integrator().ifPresent(i -> x.attr("integrator", i.keyword()));
        x.close("option");
    }

    private static String fileName(Mesh m, String suffix) {
        String f = m.fileName();
        return suffix.isEmpty() ? f : f.substring(0, f.length() - ".stl".length()) + suffix + ".stl";
    }

    private static void assets(XmlBuilder x, Scene scene, String meshSuffix) {
        if (scene.materials().isEmpty() && scene.meshes().isEmpty()) return;
        x.open("asset");
        for (Material m : scene.materials()) {
            x.open("material").attr("name", m.name()).attr("rgba", values(m.rgba())).close("material");
        }
        for (Mesh m : scene.meshes()) {
            x.open("mesh").attr("name", m.name()).attr("file", fileName(m, meshSuffix));
            if (m.exactInertia()) x.attr("inertia", "exact");
            x.close("mesh");
        }
        x.close("asset");
    }

    private static void bodyContent(XmlBuilder x, Body body) {
        body.inertial().ifPresent(i -> x.open("inertial").attr("pos", xyz(i.pos())).attr("mass", i.mass())
                .attr("diaginertia", xyz(i.diagInertia())).close("inertial"));
        body.joints().forEach(j -> joint(x, j));
        body.geoms().forEach(g -> geom(x, g));
        body.sites().forEach(s -> site(x, s));
        for (Body child : body.children()) {
            x.open("body").attr("name", child.name());
            child.pos().ifPresent(p -> x.attr("pos", xyz(p)));
            child.orientation().ifPresent(o -> x.attr(o.attribute(), o.values()));
            bodyContent(x, child);
            x.close("body");
        }
    }

    private static void joint(XmlBuilder x, Joint j) {
        x.open("joint").attr("name", j.name()).attr("type", j.type().keyword());
        j.pos().ifPresent(p -> x.attr("pos", xyz(p)));
        j.axis().ifPresent(a -> x.attr("axis", xyz(a)));
        j.range().ifPresent(r -> x.attr("limited", "true").attr("range", r));
        j.damping().ifPresent(d -> x.attr("damping", d));
        j.stiffness().ifPresent(k -> x.attr("stiffness", k));
        j.armature().ifPresent(a -> x.attr("armature", a));
        x.close("joint");
    }

    private static void geom(XmlBuilder x, Geom g) {
        x.open("geom").attr("name", g.name()).attr("type", g.type().keyword());
        if (g.size().length > 0) x.attr("size", g.size());
        g.fromTo().ifPresent(ft -> x.attr("fromto", ft));
        g.mesh().ifPresent(m -> x.attr("mesh", m.name()));
        g.pos().ifPresent(p -> x.attr("pos", xyz(p)));
        g.orientation().ifPresent(o -> x.attr(o.attribute(), o.values()));
        g.material().ifPresent(m -> x.attr("material", m.name()));
        g.rgba().ifPresent(c -> x.attr("rgba", values(c)));
        g.friction().ifPresent(f -> x.attr("friction", values(f)));
        g.density().ifPresent(d -> x.attr("density", d));
        g.mass().ifPresent(m -> x.attr("mass", m));
        g.contype().ifPresent(c -> x.attr("contype", c));
        g.conaffinity().ifPresent(c -> x.attr("conaffinity", c));
        g.group().ifPresent(gr -> x.attr("group", gr));
        x.close("geom");
    }

    private static void site(XmlBuilder x, Site s) {
        x.open("site").attr("name", s.name()).attr("type", s.type().keyword()).attr("size", s.size());
        s.pos().ifPresent(p -> x.attr("pos", xyz(p)));
        s.orientation().ifPresent(o -> x.attr(o.attribute(), o.values()));
        s.rgba().ifPresent(c -> x.attr("rgba", values(c)));
        s.group().ifPresent(g -> x.attr("group", g));
        x.close("site");
    }

    private static void actuators(XmlBuilder x, Scene scene) {
        if (scene.actuators().isEmpty()) return;
        x.open("actuator");
        for (Actuator a : scene.actuators()) {
            String element = a.type().keyword();
            x.open(element).attr("name", a.name()).attr("joint", a.joint());
            a.gear().ifPresent(g -> x.attr("gear", g));
            a.ctrlRange().ifPresent(r -> x.attr("ctrllimited", "true").attr("ctrlrange", r));
            a.forceRange().ifPresent(r -> x.attr("forcelimited", "true").attr("forcerange", r));
            a.kp().ifPresent(k -> x.attr("kp", k));
            a.kv().ifPresent(k -> x.attr("kv", k));
            x.close(element);
        }
        x.close("actuator");
    }

    private static double[] values(Rgba c) {
        return new double[] {c.r(), c.g(), c.b(), c.a()};
    }

    private static double[] values(Friction f) {
        return new double[] {f.sliding(), f.torsional(), f.rolling()};
    }

    private static double[] xyz(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }
}
