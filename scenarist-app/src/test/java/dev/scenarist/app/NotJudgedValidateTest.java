package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verdict is never guessed: without bubblewrap, validate says "not judged" (exit 4), never "valid" (exit 0). */
class NotJudgedValidateTest {
    /** A machine whose PATH has no bubblewrap: the sandbox is looked up on the PATH the application was given. */
    static final Map<String, String> NO_BWRAP = Map.of("PATH", "/nonexistent-bin");

    @TempDir
    Path tmp;

    @Test
    void aSqlQuizItemWithAWrongExpectedCsvIsNotJudgedWithoutBubblewrapNeverValid() throws Exception {
        var gen = CliRun.in(tmp.resolve("data"), "--json", "generate", "--pack", "sql-quiz", "--count", "1");
        Path scenario = Path.of((String) ((Map<?, ?>) ((List<?>) gen.json().get("scenarios")).getFirst()).get("path"));
        Path broken = tmp.resolve("broken");
        dev.scenarist.core.workspace.Workspace.copyTree(scenario, broken);
        Files.writeString(broken.resolve("expected.csv"), "nothing,like,this\n1,2,3\n");

        var r = CliRun.in(tmp.resolve("data"), NO_BWRAP, "--json", "validate", "--pack", "sql-quiz", broken.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.json().get("verdict")).isEqualTo("not_judged");
        assertThat(r.json().get("valid")).isEqualTo(false);
        assertThat(r.err()).contains("not judged: ").contains("check(s) could not run").contains("bwrap")
                .doesNotContain("valid: ");
    }

    /** The bundled lever template with {@code extra} declared in its class body. */
    Path leverWith(String extra) throws Exception {
        String source;
        try (InputStream in = dev.scenarist.packs.mechanisms.MechanismsPack.class.getResourceAsStream("/templates/Tier2/LeverTemplate.java")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String broken = source.replace("    public LeverTemplate() {}", extra + "\n\n    public LeverTemplate() {}");
        assertThat(broken).isNotEqualTo(source);
        Path dir = Files.createDirectories(tmp.resolve("template"));
        Files.writeString(dir.resolve("template.java"), broken);
        return dir;
    }

    @Test
    void aMechanismsTemplateWithATypeErrorIsNotJudgedWithoutBubblewrapNeverValid() throws Exception {
        Path dir = leverWith("    static final String TYPE_ERROR = 42;");

        var r = CliRun.in(tmp.resolve("data"), NO_BWRAP, "validate", "--pack", "mechanisms", dir.resolve("template.java").toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).contains("not judged: ").contains("template/template-build").contains("bwrap")
                .doesNotContain("valid: ");
    }

    @Test
    void anErrorFoundIsInvalidEvenWhenOtherChecksCouldNotRunAndTheseAreStillListed() throws Exception {
        // the source check reads the nondeterminism without running anything; the type error needs the sandbox's compiler
        Path dir = leverWith("    static final String TYPE_ERROR = 42;\n    static final double NOISE = Math.random();");

        var r = CliRun.in(tmp.resolve("data"), NO_BWRAP, "--json", "validate", "--pack", "mechanisms", dir.resolve("template.java").toString());

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.json().get("verdict")).isEqualTo("invalid");
        assertThat(r.err()).contains("invalid: 1 check(s) found errors").contains("could not run (not judged)")
                .contains("template/template-build");
    }
}
