package dev.scenarist.packs.mechanisms.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Finding;
import org.junit.jupiter.api.Test;

class TemplateSourceCheckTest {
    @Test
    void aPlainTemplatePasses() {
        assertThat(TemplateSourceCheck.findings("""
                import dev.scenarist.packs.mechanisms.scene.*;
                import java.util.*;
                public class Ramp implements Template {
                    // Math.random would be wrong here, but this is a comment
                }
                """)).isEmpty();
    }

    @Test
    void ioImportsNondeterminismAndAPackageAreFoundAtTheirLines() {
        var f = TemplateSourceCheck.findings("""
                package evil;
                import java.io.File;
                import dev.scenarist.packs.mechanisms.scene.*;
                public class Ramp implements Template {
                    double x = Math.random();
                    long t = System.nanoTime();
                }
                """);
        assertThat(f).extracting(Finding::code).containsExactly("TEMPLATE_PACKAGE", "TEMPLATE_IMPORT", "TEMPLATE_NONDETERMINISTIC",
                "TEMPLATE_NONDETERMINISTIC");
        assertThat(f).extracting(Finding::location).containsExactly("template.java:1", "template.java:2", "template.java:5", "template.java:6");
    }

    @Test
    void aClassThatIsNotATemplateIsNamed() {
        assertThat(TemplateSourceCheck.findings("public class Ramp { }")).extracting(Finding::code).containsExactly("TEMPLATE_CLASS");
    }

    @Test
    void importingOrNamingThePacksMachineryIsRefusedAtTheLine() {
        var f = TemplateSourceCheck.findings("""
                import dev.scenarist.packs.mechanisms.scene.*;
                import dev.scenarist.packs.mechanisms.internal.scenefile.MjcfWriter;
                public class Ramp implements Template {
                    void write(Scene s) throws Exception {
                        dev.scenarist.packs.mechanisms.internal.scenefile.StlWriter.write(null, null);
                        MjcfWriter.write(s, java.nio.file.Path.of("scene.xml"));
                        var mesh = StlReader.read(new byte[0]);
                        dev.scenarist.core.files.AtomicFile.write(null, null);
                    }
                }
                """);
        assertThat(f).extracting(Finding::code).containsExactly("TEMPLATE_IMPORT", "TEMPLATE_INTERNAL_API", "TEMPLATE_INTERNAL_API",
                "TEMPLATE_INTERNAL_API", "TEMPLATE_INTERNAL_API");
        assertThat(f).extracting(Finding::location).containsExactly("template.java:2", "template.java:5", "template.java:6",
                "template.java:7", "template.java:8");
        assertThat(f.get(0).message()).contains("MjcfWriter", "not part of the template API");
        assertThat(f.get(1).message()).contains("dev.scenarist.packs.mechanisms.internal.scenefile.StlWriter.write");
        assertThat(f.get(2).message()).contains("'MjcfWriter'");
        assertThat(f.get(3).message()).contains("'StlReader'");
        assertThat(f.get(4).message()).contains("dev.scenarist.core.files.AtomicFile");
    }

    @Test
    void theSceneApiFullyQualifiedAndAHelperOfTheSameNameAsAPackClassPass() {
        assertThat(TemplateSourceCheck.findings("""
                import java.util.*;
                public class Ramp implements dev.scenarist.packs.mechanisms.scene.Template {
                    // MjcfWriter writes the scene; a template never calls it
                    String label = "StlWriter and dev.scenarist.packs.mechanisms.internal are only words here";
                    static final class Numbers { static double half(double v) { return v / 2; } }
                    double h = Numbers.half(dev.scenarist.packs.mechanisms.scene.Scene.DEFAULT_TIMESTEP);
                }
                """)).isEmpty();
    }
}
