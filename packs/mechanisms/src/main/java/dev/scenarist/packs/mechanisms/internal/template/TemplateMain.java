package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.packs.mechanisms.scene.AxisRange;
import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
import dev.scenarist.packs.mechanisms.internal.task.TaskFiles;
import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.scene.Template;
import dev.scenarist.packs.mechanisms.scene.TemplateInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the sandbox runs: {@code TemplateMain <template-class> <out-dir> <seed>:<sx>,<sy>,<sz> ...} loads the compiled
 * template once and, for each variant, calls {@code build(seed, scale)} and writes {@code <out>/scene_<seed>.xml} with
 * its meshes as {@code <out>/meshes/<mesh>_<seed>.stl} (so all variants share one folder). It also writes
 * {@code <out>/template_info.json} (the template's {@code info()}), and, for a template with a task, the variant's
 * {@code task_<seed>.json} and solutions ({@link TaskFiles}). A variant that throws gets
 * {@code <out>/failed_<seed>.txt} with the exception, and the others still run. Exit codes: 0 all built, 4 some
 * variant failed, 2 bad arguments, 3 not a template.
 *
 * <p>It runs only inside the sandbox, in a JVM of its own: the template's code never runs in Scenarist's process.
 * Only the JDK and the scene API are on its class path, hence the hand-written JSON.
 */
public final class TemplateMain {
    static final String INFO_FILE = "template_info.json";

    private TemplateMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: TemplateMain <template-class> <out-dir> <seed>:<sx>,<sy>,<sz> ...");
            System.exit(2);
        }
        // the compiled template is visible through the context loader (see RunCompiled), not this class's own
        Object instance = Class.forName(args[0], true, Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
        if (!(instance instanceof Template template)) {
            System.err.println("class " + args[0] + " does not implement " + Template.class.getName());
            System.exit(3);
            return;
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve(INFO_FILE), infoJson(template.info()), StandardCharsets.UTF_8);
        boolean allBuilt = true;
        for (int i = 2; i < args.length; i++) {
            String[] seedAndScale = args[i].split(":");
            String[] s = seedAndScale[1].split(",");
            long seed = Long.parseLong(seedAndScale[0]);
            Scale scale = Scale.of(Double.parseDouble(s[0]), Double.parseDouble(s[1]), Double.parseDouble(s[2]));
            try {
                MjcfWriter.write(template.build(seed, scale), out.resolve("scene_" + seed + ".xml"), "_" + seed);
                TaskFiles.write(template, seed, scale, out);
            } catch (RuntimeException | IOException | StackOverflowError e) {
                allBuilt = false;
                Files.writeString(out.resolve("failed_" + seed + ".txt"), describe(e), StandardCharsets.UTF_8);
            }
        }
        System.exit(allBuilt ? 0 : 4);
    }

    /** The exception and the template's own frames (the ones the author can act on). */
    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("dev.scenarist.packs.mechanisms.internal.template.")) break;
            b.append("\n    at ").append(f);
        }
        return b.toString();
    }

    static String infoJson(TemplateInfo info) {
        return String.format(Locale.ROOT, "{\"id\":%s,\"tier\":%d,\"title\":%s,\"description\":%s,\"scale_limits\":{\"x\":%s,\"y\":%s,\"z\":%s}}%n",
                quote(info.id()), info.tier(), quote(info.title()), quote(info.description()),
                range(info.scaleLimits().x()), range(info.scaleLimits().y()), range(info.scaleLimits().z()));
    }

    private static String range(AxisRange r) {
        return "[" + r.min() + "," + r.max() + "]";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
