package dev.scenarist.packs.mechanisms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.packs.mechanisms.ThisMachine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template sees only the scene API: one small jar, complete in itself. */
class TemplateApiJarTest {
    /** The builds' compile server, stopped after each test (@AutoClose) rather than left idle until the JVM exits. */
    @AutoClose
    final SandboxedTemplateRunner runner = SandboxedTemplateRunner.forThisJvm(ThisMachine.sandbox(), ThisMachine.JAVA_HOME, TemplateMain.class.getName());

    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(dev\\.scenarist\\.\\S+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        List<Path> sources = Stream.of(TemplateMain.class, AtomicFile.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().toList();
        Path jar = dir.resolve(TemplateApiJar.FILE);
        TemplateApiJar.write(sources, jar);
        return jar;
    }

    private static Set<String> classes(Path jar) throws Exception {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            Set<String> out = new TreeSet<>();
            z.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .forEach(n -> out.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
            return out;
        }
    }

    @Test
    void the_jar_holds_the_scene_api_and_the_entry_points_and_nothing_of_scenarist_besides() throws Exception {
        Set<String> classes = classes(jar());
        assertThat(classes).contains("dev.scenarist.packs.mechanisms.scene.Scene", "dev.scenarist.packs.mechanisms.scene.Template",
                RunCompiled.class.getName(), CompileServer.class.getName(), TemplateMain.class.getName(), AtomicFile.class.getName(),
                "dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter");
        assertThat(classes).noneMatch(c -> c.contains(".internal.sim.") || c.contains(".internal.mjcf.") || c.contains(".core.engine.")
                || c.equals(SandboxedTemplateRunner.class.getName()) || c.startsWith("com.fasterxml"));
    }

    @Test
    void every_scenarist_class_the_jar_refers_to_is_in_it() throws Exception {
        Path jar = jar();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        // -filter:none: also the references within a package, which jdeps leaves out by default
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-filter:none", "-verbose:class", jar.toString());
        assertThat(rc).as(out.toString()).isZero();
        Set<String> inJar = classes(jar);
        Set<String> missing = new TreeSet<>();
        Matcher m = DEPENDENCY.matcher(out.toString());
        while (m.find()) if (!inJar.contains(m.group(2))) missing.add(m.group(1) + " -> " + m.group(2));
        assertThat(inJar).hasSizeGreaterThan(20);
        assertThat(missing).as("referred to from the jar but not in it: add them to TemplateApiJar").isEmpty();
    }

    @Test
    void a_template_that_imports_scenarist_internals_does_not_compile() throws Exception {
        Path ws = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(ws.resolve("Sneaky.java"), """
                import dev.scenarist.packs.mechanisms.internal.template.SandboxedTemplateRunner;
                public class Sneaky { SandboxedTemplateRunner r; }
                """);
        var result = runner.build(ws, "Sneaky.java", "Sneaky", 1, new double[] {1, 1, 1}, "out");
        assertThat(result).isInstanceOfSatisfying(TemplateBuildResult.Rejected.class, r -> assertThat(r.findings())
                .anySatisfy(f -> assertThat(f.code()).isEqualTo("TEMPLATE_COMPILE_ERROR")));
    }
}
