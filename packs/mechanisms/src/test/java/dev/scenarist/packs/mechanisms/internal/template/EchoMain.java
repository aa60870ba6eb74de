package dev.scenarist.packs.mechanisms.internal.template;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in entry point for the runner's tests: loads the compiled template class and calls its static
 * {@code build(Path out, long seed)}, the way the real entry point calls the scene API.
 */
public final class EchoMain {
    public static void main(String[] args) throws Exception {
        Class<?> template = Class.forName(args[0], true, Thread.currentThread().getContextClassLoader()); // as TemplateMain
        Path out = Path.of(args[1]); // TemplateMain's protocol: <class> <out-dir> <seed>:<sx>,<sy>,<sz> ...
        Files.createDirectories(out);
        template.getMethod("build", Path.class, long.class).invoke(null, out, Long.parseLong(args[2].split(":")[0]));
    }
}
