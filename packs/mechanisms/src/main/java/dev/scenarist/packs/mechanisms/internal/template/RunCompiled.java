package dev.scenarist.packs.mechanisms.internal.template;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a scenario's own sandboxed JVM runs to build a template compiled by the {@link CompileServer}:
 * {@code RunCompiled <classes-dir> <main-class> <args...>} runs {@code main-class} with the compiled classes visible
 * through the thread's context class loader. The compiler is not loaded in this JVM: it starts faster, with a
 * smaller startup cache, and isolation between scenarios is as before — each one's classes run in a JVM of its own.
 */
public final class RunCompiled {
    private RunCompiled() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: RunCompiled <classes-dir> <main-class> <args...>");
            System.exit(2);
        }
        // the template's classes are seen only through this loader: the main class finds them as the context loader
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, RunCompiled.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(args[1], true, loader).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the JVM prints the main class's own exception and exits 1, as if it were run directly
        }
    }
}
