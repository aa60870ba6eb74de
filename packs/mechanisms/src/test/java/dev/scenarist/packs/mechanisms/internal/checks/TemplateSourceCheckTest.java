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
}
