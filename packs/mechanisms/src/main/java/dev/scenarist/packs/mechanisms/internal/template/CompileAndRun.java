package dev.scenarist.packs.mechanisms.internal.template;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What the sandbox runs to build a template: {@code CompileAndRun <source.java> <classes-dir> <main-class> <args...>}
 * compiles the source with the JDK's own compiler (as {@code javac -proc:none} would, against this JVM's class path)
 * into {@code classes-dir}, then runs {@code main-class} with the compiled classes visible through the thread's
 * context class loader. One JVM start instead of two (javac's and the build's): the start is most of a build's cost.
 *
 * <p>It runs only inside the sandbox: the template is compiled and run there, never in Scenarist's own JVM. A compile
 * error prints the compiler's diagnostics ({@code File.java:12: error: …}, as javac does) on stderr and exits with
 * {@value #COMPILE_FAILED}; whether the source compiled is told by the class file being there, not by anything the
 * template could print.
 */
public final class CompileAndRun {
    /** Exit code when the source does not compile. */
    public static final int COMPILE_FAILED = 97;

    private CompileAndRun() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 4) {
            System.err.println("usage: CompileAndRun <source.java> <classes-dir> <compile-classpath> <main-class> <args...>");
            System.exit(2);
        }
        Path classes = Path.of(args[1]);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.err.println("error: this Java runtime has no compiler (module jdk.compiler): run Scenarist with a JDK, not a JRE");
            System.exit(COMPILE_FAILED);
        }
        OutputStream quiet = OutputStream.nullOutputStream();
        int rc = javac.run(null, quiet, new PrintStream(System.err, true), "-nowarn", "-encoding", "UTF-8", "-proc:none",
                "-cp", args[2], "-d", classes.toString(), args[0]);
        if (rc != 0) {
            System.exit(COMPILE_FAILED);
        }
        // the template's classes are seen only through this loader: the main class finds them as the context loader
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompileAndRun.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(args[3], true, loader).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 4, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the JVM prints the main class's own exception and exits 1, as if it were run directly
        }
    }
}
