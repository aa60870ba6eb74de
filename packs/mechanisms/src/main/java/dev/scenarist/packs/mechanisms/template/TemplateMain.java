package dev.scenarist.packs.mechanisms.template;

import dev.scenarist.packs.mechanisms.scene.MjcfWriter;
import dev.scenarist.packs.mechanisms.scene.Scale;
import dev.scenarist.packs.mechanisms.scene.Template;
import java.nio.file.Path;

/**
 * What the sandbox runs: {@code TemplateMain <class> <seed> <sx> <sy> <sz> <outDir>} loads the compiled template,
 * calls {@code build(seed, scale)} and writes {@code <outDir>/scene_<seed>.xml} with its meshes. It runs only inside
 * the sandbox, in a JVM of its own: the template's code never runs in Scenarist's process.
 */
public final class TemplateMain {
    private TemplateMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: TemplateMain <template-class> <seed> <sx> <sy> <sz> <out-dir>");
            System.exit(2);
        }
        Object instance = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        if (!(instance instanceof Template template)) {
            System.err.println("class " + args[0] + " does not implement " + Template.class.getName());
            System.exit(3);
            return;
        }
        long seed = Long.parseLong(args[1]);
        Scale scale = Scale.of(Double.parseDouble(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]));
        MjcfWriter.write(template.build(seed, scale), Path.of(args[5]).resolve("scene_" + seed + ".xml"));
    }
}
