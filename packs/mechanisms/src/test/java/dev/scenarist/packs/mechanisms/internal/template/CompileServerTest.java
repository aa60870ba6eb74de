package dev.scenarist.packs.mechanisms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.mechanisms.ThisMachine;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandboxed compile server, for real: what a model's source gets back from it, and what it never does. */
class CompileServerTest {
    private static final String BROKEN = """
            import java.util.*;
            public class Broken {
                int x = "not a number";
                List<String> names() { return new ArrayList<Integer>(); }
                void missing() { undefined(); }
            }
            """;

    @TempDir
    Path dir;

    private ServerCompiler compiler(List<Path> classpath) throws Exception {
        Path launcher = Path.of(CompileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> cp = new java.util.ArrayList<>(classpath);
        cp.add(launcher);
        return new ServerCompiler(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, () -> List.copyOf(cp), Duration.ofSeconds(60), 3L << 30);
    }

    @Test
    void a_compile_error_reads_exactly_as_javac_run_in_the_workspace_would_print_it() throws Exception {
        Path ws = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(ws.resolve("Broken.java"), BROKEN);
        // javac as a build in the workspace ran it: the source named relative to the workspace (trusted: a fixed source)
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Path classes = Files.createDirectory(dir.resolve("javac-classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, OutputStream.nullOutputStream(), expected, "-nowarn", "-encoding", "UTF-8",
                "-proc:none", "-d", classes.toString(), ws.resolve("Broken.java").toString());
        assertThat(rc).isNotZero();
        String javacSaid = expected.toString(StandardCharsets.UTF_8).replace(ws + "/", "");

        try (var compiler = compiler(List.of())) {
            var result = compiler.compile(ws, "Broken.java", ws.resolve("classes"));
            assertThat(result).isInstanceOfSatisfying(TemplateCompiler.Compilation.Failed.class,
                    f -> assertThat(f.diagnostics()).isEqualTo(javacSaid).startsWith("Broken.java:3: error: incompatible types"));
        }
    }

    @Test
    void compiling_runs_no_code_even_with_an_annotation_processor_on_the_class_path() throws Exception {
        Path jar = processorJar();
        Path ws = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(ws.resolve("Victim.java"), """
                @Deprecated
                public class Victim { }
                """);

        // the jar is armed: a javac that runs processors (-proc:full; JDK 23+ runs none by default) fails on it (trusted: the test's own processor)
        ByteArrayOutputStream armed = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, OutputStream.nullOutputStream(), armed, "-proc:full", "-cp", jar.toString(),
                "-d", Files.createDirectory(dir.resolve("armed")).toString(), ws.resolve("Victim.java").toString());
        assertThat(rc).isNotZero();
        assertThat(armed.toString(StandardCharsets.UTF_8)).contains("PROCESSOR RAN");

        try (var compiler = compiler(List.of(jar))) {
            var result = compiler.compile(ws, "Victim.java", ws.resolve("classes"));
            assertThat(result).as("the processor's init would have failed the compile").isInstanceOf(TemplateCompiler.Compilation.Compiled.class);
            assertThat(ws.resolve("classes/Victim.class")).exists();
            try (var s = Files.list(ws.resolve("classes"))) {
                assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("Victim.class");
            }
        }
    }

    /** A jar that declares an annotation processor whose init throws "PROCESSOR RAN" (and so fails any compile it joins). */
    private Path processorJar() throws Exception {
        Path src = Files.createDirectory(dir.resolve("evil"));
        Files.writeString(src.resolve("Evil.java"), """
                import java.util.Set;
                import javax.annotation.processing.*;
                import javax.lang.model.element.TypeElement;
                @SupportedAnnotationTypes("*")
                public class Evil extends AbstractProcessor {
                    @Override public synchronized void init(ProcessingEnvironment env) { throw new IllegalStateException("PROCESSOR RAN"); }
                    @Override public boolean process(Set<? extends TypeElement> a, RoundEnvironment r) { return false; }
                }
                """);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d", src.toString(), src.resolve("Evil.java").toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("evil.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new ZipEntry("Evil.class"));
            j.write(Files.readAllBytes(src.resolve("Evil.class")));
            j.closeEntry();
            j.putNextEntry(new ZipEntry("META-INF/services/javax.annotation.processing.Processor"));
            j.write("Evil\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        return jar;
    }
}
