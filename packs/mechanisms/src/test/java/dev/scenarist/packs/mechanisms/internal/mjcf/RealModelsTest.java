package dev.scenarist.packs.mechanisms.internal.mjcf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.mechanisms.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real third-party models: every file MuJoCo loads passes, every file MuJoCo rejects is rejected with the
 * same key phrase and the same line as MuJoCo's own message.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RealModelsTest {
    private final MjcfValidator validator = new MjcfValidator();

    @TestFactory
    Stream<DynamicTest> every_valid_model_passes_with_no_error() throws Exception {
        Path dir = SharedMjcfData.requireDir().resolve("valid");
        List<Path> files = SharedData.xmlFiles(dir);
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            List<Finding> findings = validator.validate(f);
            findings.stream().filter(x -> !x.isError())
                    .forEach(w -> System.out.println(f.getFileName() + ": " + w.render()));
            assertThat(findings).filteredOn(Finding::isError).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_invalid_model_is_rejected_naming_the_problem_at_mujocos_line() throws Exception {
        Path dir = SharedMjcfData.requireDir().resolve("invalid");
        List<SharedMjcfData.Expected> expected = SharedMjcfData.expectedErrors(dir);
        assertThat(expected).extracting(SharedMjcfData.Expected::file)
                .containsExactlyInAnyOrderElementsOf(SharedData.xmlFiles(dir).stream()
                        .map(p -> p.getFileName().toString()).toList());
        return expected.stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
            List<Finding> errors = validator.validate(dir.resolve(e.file())).stream().filter(Finding::isError).toList();
            errors.forEach(x -> System.out.println(e.file() + ": " + x.render()));
            List<String> phrases = new ArrayList<>();
            for (String s : e.assertedSubstrings()) {
                if (s.matches("line \\d+")) {
                    continue;
                }
                // "Element 'geom'" / "Element name 'bad'" name the element; our message names it as <geom> / 'bad'
                phrases.add(s.replaceFirst("^Element name ('[^']*')$", "$1").replaceFirst("^Element '([^']*)'$", "$1"));
            }
            assertThat(phrases).as("key phrases of %s", e.file()).isNotEmpty();
            int line = e.line();
            assertThat(line).as("MuJoCo's line for %s", e.file()).isPositive();
            assertThat(errors).as("%s: MuJoCo says %s", e.file(), e.fullMessage())
                    .anySatisfy(f -> {
                        assertThat(f.location()).isEqualTo(e.file() + ":" + line);
                        assertThat(f.message()).contains(phrases);
                    });
        }));
    }

    @Test
    void the_shared_invalid_set_lists_its_expected_messages() throws Exception {
        Path dir = SharedMjcfData.requireDir().resolve("invalid");
        assertThat(Files.exists(dir.resolve("SOURCES.md"))).isTrue();
        assertThat(SharedMjcfData.expectedErrors(dir)).allSatisfy(e -> {
            assertThat(e.assertedSubstrings()).isNotEmpty();
            assertThat(e.fullMessage()).isNotEmpty();
        });
    }
}
