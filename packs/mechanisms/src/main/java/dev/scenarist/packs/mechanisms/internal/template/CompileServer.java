package dev.scenarist.packs.mechanisms.internal.template;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The compile server, a long-lived JVM in the sandbox ({@link dev.scenarist.sandbox.SandboxedServer}):
 * {@code CompileServer <compile-classpath>} reads requests {@code <job-folder>\t<source>} on stdin, one per line, and
 * compiles {@code <job-folder>/<source>} with the JDK's compiler — as {@code javac -proc:none} against the class path
 * given, into {@code <job-folder>/classes} — answering {@code compiled} or {@code failed} and the compiler's
 * diagnostics, framed as the server protocol says ({@code @@answer <bytes>}). It exits when stdin closes.
 *
 * <p><b>Why a server.</b> javac warming up (loading and JIT-compiling itself) was most of a template build's CPU; a
 * server warms up once per Scenarist process. <b>Why it is safe.</b> Compiling runs no template code: no annotation
 * processors ({@code -proc:none}), no plugins, nothing but the compiler reading sources; the template's classes run
 * only in a fresh sandboxed JVM per scenario ({@link RunCompiled}). The server sees only the scene-API jar and the job
 * folder lent to it for the request.
 *
 * <p>Diagnostics name the source as the job gave it ({@code template.java:12: error: …}), the job folder cut off, so
 * they read exactly as they did when each build compiled in its own workspace.
 */
public final class CompileServer {
    static final String COMPILED = "compiled";
    static final String FAILED = "failed";
    /** Where the classes go, inside the job folder. */
    static final String CLASSES = "classes";

    private CompileServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CompileServer <compile-classpath>");
            System.exit(2);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        // nothing else may write on the answer channel: stray output (ours or the JDK's) goes to stderr
        System.setOut(System.err);
        // one file manager for every compile: the JDK's module image and the API jar are indexed once, not per source
        StandardJavaFileManager files = javac == null ? null : javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                answer(out, FAILED + "\nerror: malformed request (no tab): " + line);
                continue;
            }
            Path job = Path.of(line.substring(0, tab));
            String source = line.substring(tab + 1);
            if (javac == null) {
                answer(out, FAILED + "\nerror: this Java runtime has no compiler (module jdk.compiler): run Scenarist with a JDK, not a JRE");
                continue;
            }
            boolean fatal = false;
            boolean ok;
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            try (PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(diagnostics, StandardCharsets.UTF_8), true)) {
                ok = compile(javac, files, w, args[0], job, source);
            } catch (Throwable e) { // a compiler crash is an answer about this source, not the end of the server
                ok = false;
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                diagnostics.writeBytes(("error: the compiler failed: " + trace).getBytes(StandardCharsets.UTF_8));
                fatal = e instanceof VirtualMachineError; // after running out of memory, a fresh server is safer
            }
            answer(out, (ok ? COMPILED : FAILED) + "\n" + unjobbed(diagnostics.toString(StandardCharsets.UTF_8), job));
            if (fatal) System.exit(1);
        }
    }

    private static boolean compile(JavaCompiler javac, StandardJavaFileManager files, PrintWriter diagnostics, String classpath, Path job, String source)
            throws java.io.IOException {
        Path classes = job.resolve(CLASSES);
        Files.createDirectories(classes);
        // the same options as a javac run per template: the diagnostics and class files do not change
        List<String> options = List.of("-nowarn", "-encoding", "UTF-8", "-proc:none", "-cp", classpath, "-d", classes.toString());
        return javac.getTask(diagnostics, files, null, options, null, files.getJavaFileObjects(job.resolve(source))).call();
    }

    /** "…/job-7/template.java:4: error" → "template.java:4: error": the source named as the job gave it. */
    static String unjobbed(String diagnostics, Path job) {
        return Pattern.compile("(?m)^" + Pattern.quote(job + "/")).matcher(diagnostics).replaceAll(Matcher.quoteReplacement(""));
    }

    private static void answer(PrintStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.print("@@answer " + bytes.length + "\n");
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
