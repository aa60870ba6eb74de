package dev.scenarist.packs.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotated example in README.md must stay a pack that loads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadmeExampleTest {
    @Test
    void the_annotated_example_in_the_readme_loads(@TempDir Path dir) throws Exception {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertThat(m.find()).as("a yaml block in README.md").isTrue();
        Files.writeString(dir.resolve("pack.yaml"), m.group(1));
        Workspace.copyTree(ExamplePackTest.PACK_DIR.resolve("schemas"), dir.resolve("schemas"));
        Workspace.copyTree(ExamplePackTest.PACK_DIR.resolve("checks"), dir.resolve("checks"));

        YamlPack pack = new YamlPackLoader(Sandbox.unconfined()).load(dir);

        assertThat(pack.pipeline().names()).containsExactly("describe", "database", "queries", "polish", "review", "approve", "unique");
        assertThat(((Stage.RefineStage) pack.pipeline().find("polish").orElseThrow()).scorer().name()).isEqualTo("clarity");
        assertThat(pack.parameters(0)).containsKeys("topic", "rows", "dialect");
    }
}
