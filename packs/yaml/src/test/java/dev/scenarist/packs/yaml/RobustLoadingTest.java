package dev.scenarist.packs.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever is wrong with a pack file, loading it either works or throws a PackDefinitionException: never anything else. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RobustLoadingTest {
    @TempDir
    Path temp;

    @Test
    void deleting_any_single_line_of_the_example_pack_gives_a_pack_or_a_definition_error() throws Exception {
        Path copy = temp.resolve("sql-quiz");
        Workspace.copyTree(ExamplePackTest.PACK_DIR, copy);
        List<String> lines = Files.readAllLines(copy.resolve("pack.yaml"));
        List<String> unexpected = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<String> mutated = new ArrayList<>(lines);
            mutated.remove(i);
            Files.write(copy.resolve("pack.yaml"), mutated);
            try {
                new YamlPackLoader(Sandbox.unconfined()).load(copy);
            } catch (PackDefinitionException e) {
                errors++;
                if (e.line() < 0) unexpected.add("line " + (i + 1) + ": no location in " + e.getMessage());
            } catch (RuntimeException e) {
                unexpected.add("line " + (i + 1) + " (" + lines.get(i).strip() + "): " + e);
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(errors).isGreaterThan(10);
    }

    @Test
    void cutting_the_example_pack_short_anywhere_gives_a_pack_or_a_definition_error() throws Exception {
        Path copy = temp.resolve("sql-quiz");
        Workspace.copyTree(ExamplePackTest.PACK_DIR, copy);
        String text = Files.readString(copy.resolve("pack.yaml"));
        List<String> unexpected = new ArrayList<>();
        for (int end = 0; end < text.length(); end += 37) {
            Files.writeString(copy.resolve("pack.yaml"), text.substring(0, end));
            try {
                new YamlPackLoader(Sandbox.unconfined()).load(copy);
            } catch (PackDefinitionException e) {
                // expected for most cuts
            } catch (RuntimeException e) {
                unexpected.add("cut at " + end + ": " + e);
            }
        }

        assertThat(unexpected).isEmpty();
    }
}
