package dev.scenarist.packs.mechanisms.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.SharedData;
import dev.scenarist.packs.mechanisms.library.TemplateLibrary;
import dev.scenarist.packs.mechanisms.library.TemplateLibrary.Loaded;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.scene.Scale;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Previews of real scenes: every template of the offline library (seed 1, unit scale) and every model in the shared
 * {@code mjcf/valid} folder renders, shows something (a good share of pixels differ from an empty scene's
 * backdrop), and renders to the same bytes twice. Set {@code -Dscenarist.preview.out=<folder>} to keep the PNGs for
 * a look; the render time of each is printed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RealScenePreviewTest {
    static final long SEED = 1;
    /** Share of pixels that must differ from the backdrop: a few thin rods pass, a blank image not. */
    static final double MIN_DRAWN = 0.01;
    /** The drawn pixels must span this share of the image's width or height: the camera frames the scene. */
    static final double MIN_SPAN = 0.6;

    private static List<Loaded> templates;
    private static Path classesRoot;
    private static BufferedImage backdrop;

    private final PreviewRenderer renderer = new PreviewRenderer();

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        classesRoot = Files.createTempDirectory("preview-template-classes");
        templates = TemplateLibrary.loadAll(classesRoot);
        Path empty = Files.createTempFile("empty", ".xml");
        Files.writeString(empty, "<mujoco/>");
        backdrop = new PreviewRenderer().image(empty);
        Files.delete(empty);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (classesRoot != null) {
            try (Stream<Path> s = Files.walk(classesRoot)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    static Stream<Loaded> templates() {
        return templates.stream();
    }

    static Stream<Path> sharedModels() {
        return SharedData.validModels().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void every_template_scene_renders_visibly_and_reproducibly(Loaded t) throws IOException {
        Path xml = dir.resolve(t.template().info().id()).resolve("scene_" + SEED + ".xml");
        MjcfWriter.write(t.template().build(SEED, Scale.UNIT), xml);
        check(xml, t.template().info().id());
    }

    @Test
    void shared_models_are_present_or_the_real_model_previews_are_skipped() {
        assumeTrue(SharedData.validDir().isPresent(), SharedData.missing("previews of real models skipped"));
        assertThat(SharedData.validModels()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedModels")
    void every_shared_valid_model_renders_visibly_and_reproducibly(Path xml) throws IOException {
        String name = xml.getFileName().toString().replaceFirst("\\.xml$", "");
        check(xml, name);
    }

    private void check(Path xml, String name) throws IOException {
        long start = System.nanoTime();
        byte[] png = renderer.png(xml);
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        byte[] again = renderer.png(xml);
        long second = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "preview %-28s %4d ms (first), %4d ms (again), %6d bytes%n", name,
                first / 1_000_000, second / 1_000_000, png.length);
        String out = System.getProperty("scenarist.preview.out");
        if (out != null && !out.isBlank()) {
            Path target = Path.of(out).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
        }
        assertThat(again).as("%s: same bytes twice", name).isEqualTo(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(Pixels.differing(image, backdrop, 12)).as("%s: share of pixels drawn", name).isGreaterThan(MIN_DRAWN);
        int[] span = drawnSpan(image);
        assertThat(Math.max(span[0] / 640.0, span[1] / 480.0)).as("%s: drawn area spans the image", name)
                .isGreaterThan(MIN_SPAN);
    }

    /** Width and height of the box around the pixels that differ from the backdrop. */
    private static int[] drawnSpan(BufferedImage image) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Pixels.Rgb.of(image.getRGB(x, y)).distance(Pixels.Rgb.of(backdrop.getRGB(x, y))) > 12) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new int[] {0, 0} : new int[] {maxX - minX + 1, maxY - minY + 1};
    }
}
