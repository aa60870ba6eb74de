package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.task.TaskFormatException;
import dev.scenarist.packs.mechanisms.internal.task.TaskReader;
import dev.scenarist.packs.mechanisms.scene.Task;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Renders a still preview of an MJCF scene to PNG, in software, with no display and no MuJoCo: every visible geom
 * tessellated, drawn with a depth buffer and Lambert shading from a fixed light, seen from a fixed three-quarter
 * view above the front right that is framed on the scene, or on its task when one is given (the subject, the zones,
 * the agent). Labelled parts get fixed colours (goal green, start blue, forbidden red, build yellow, all see-through,
 * outlined and never tinting a body; obstacles orange, the agent violet) and a legend; a task adds a white arrow
 * from where its subject starts to the goal zone's centre.
 *
 * <pre>{@code
 * Path png = PreviewRenderer.previewFile(scenarioDir, seed);          // images/preview_<seed>.png
 * new PreviewRenderer().render(scenarioDir.resolve("scene_" + seed + ".xml"),
 *         Optional.of(scenarioDir.resolve("task_" + seed + ".json")), png);
 * }</pre>
 *
 * <p>Only {@code BufferedImage} and {@code ImageIO} are used, which need no display. (Whether AWT looks for one is
 * JVM-wide, so it is the application's to decide: it starts with {@code java.awt.headless=true}.)
 *
 * <p>The same scene file gives the same PNG bytes: no timestamps, no system fonts, only deterministic arithmetic.
 * Thread-safe; one instance can render many scenes.
 */
public final class PreviewRenderer {
    /** Backdrop: a pale sky, lighter towards the horizon (the bottom of the image). */
    private static final Rasterizer.Background SKY = (row, rows) -> Rasterizer.blend(0xC9D3E0, 0xF1F3F6,
            rows <= 1 ? 0 : (double) row / (rows - 1));

    private final PreviewOptions options;

    public PreviewRenderer() {
        this(PreviewOptions.DEFAULT);
    }

    public PreviewRenderer(PreviewOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Where a scenario's preview for {@code seed} goes: {@code <scenarioDir>/images/preview_<seed>.png}. */
    public static Path previewFile(Path scenarioDir, long seed) {
        return scenarioDir.resolve("images").resolve("preview_" + seed + ".png");
    }

    /**
     * Renders {@code sceneXml} (and the meshes it names) into {@code png}, written whole or not at all; folders are
     * created as needed.
     *
     * @throws PreviewException when the scene or a mesh cannot be read, naming the file
     */
    public void render(Path sceneXml, Path png) throws IOException {
        render(sceneXml, Optional.empty(), png);
    }

    /**
     * Renders {@code sceneXml} with its task ({@code task_<seed>.json}, when given) shown: the camera frames the
     * task's subject and zones, and an arrow runs from where the subject starts to the goal zone's centre.
     *
     * @throws PreviewException when the scene, a mesh or the task cannot be read, naming the file
     */
    public void render(Path sceneXml, Optional<Path> taskJson, Path png) throws IOException {
        byte[] bytes = png(sceneXml, taskJson);
        AtomicFile.write(png, bytes);
    }

    /** The preview as PNG bytes. */
    public byte[] png(Path sceneXml) throws PreviewException {
        return png(sceneXml, Optional.empty());
    }

    /** The preview with its task shown, as PNG bytes. */
    public byte[] png(Path sceneXml, Optional<Path> taskJson) throws PreviewException {
        BufferedImage image = image(sceneXml, taskJson);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new PreviewException("cannot encode the preview of " + sceneXml + " as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The preview as an image ({@code TYPE_INT_RGB}). */
    public BufferedImage image(Path sceneXml) throws PreviewException {
        return image(sceneXml, Optional.empty());
    }

    /** The preview with its task shown, as an image ({@code TYPE_INT_RGB}). */
    public BufferedImage image(Path sceneXml, Optional<Path> taskJson) throws PreviewException {
        PreviewScene scene = read(sceneXml);
        TaskMarks marks = taskJson.isPresent() ? TaskMarks.of(scene, task(taskJson.get())) : TaskMarks.NONE;
        Tessellator.Tessellation t = Tessellator.tessellate(scene, marks::inFocus);
        int ss = options.supersampling();
        Camera camera = camera(t, marks).scaled(ss);
        Rasterizer raster = new Rasterizer(options.width() * ss, options.height() * ss, SKY);
        new Painter(camera, raster, t.radius(), ss + ss / 2 + 1).paint(t.surfaces());
        marks.arrow().ifPresent(a -> TaskArrow.draw(a, camera, raster, ss));
        int[] pixels = ss == 1 ? raster.pixels() : raster.downsample(ss);
        Legend.draw(pixels, options.width(), options.height(), scene.labels(), marks.arrow().isPresent());
        BufferedImage image = new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_INT_RGB);
        // straight into the image's own int array: setRGB converts pixel by pixel through the colour model (5 % of a preview)
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) data[i] = pixels[i] & 0xFFFFFF; // as setRGB stores an RGB pixel: no alpha
        return image;
    }

    /** The camera the preview of {@code sceneXml} is drawn with, in output pixels (for tests). */
    Camera camera(Path sceneXml) throws PreviewException {
        return camera(sceneXml, Optional.empty());
    }

    /** The camera the preview of {@code sceneXml} with its task is drawn with, in output pixels (for tests). */
    Camera camera(Path sceneXml, Optional<Path> taskJson) throws PreviewException {
        PreviewScene scene = read(sceneXml);
        TaskMarks marks = taskJson.isPresent() ? TaskMarks.of(scene, task(taskJson.get())) : TaskMarks.NONE;
        return camera(Tessellator.tessellate(scene, marks::inFocus), marks);
    }

    private Camera camera(Tessellator.Tessellation t, TaskMarks marks) {
        List<Vec3> framed = new ArrayList<>(t.framed());
        framed.addAll(marks.framed());
        return Camera.framing(framed, options.width(), options.height());
    }

    private static Task task(Path taskJson) throws PreviewException {
        try {
            return TaskReader.task(Files.readString(taskJson, StandardCharsets.UTF_8), taskJson.toString());
        } catch (IOException | TaskFormatException e) {
            throw new PreviewException("cannot show the task " + taskJson + " in the preview: " + e.getMessage()
                    + " (render without the task, or fix the file)", e);
        }
    }

    private static PreviewScene read(Path sceneXml) throws PreviewException {
        try {
            return SceneReader.read(MjcfModel.load(sceneXml));
        } catch (IOException e) {
            throw new PreviewException("cannot render a preview of " + sceneXml + ": " + e.getMessage(), e);
        }
    }
}
