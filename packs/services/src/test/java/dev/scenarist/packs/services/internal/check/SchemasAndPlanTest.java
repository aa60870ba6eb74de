package dev.scenarist.packs.services.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped schemas themselves, and the plan's checks. */
class SchemasAndPlanTest {
    @TempDir
    Path tmp;

    private final List<Check> planChecks = StaticChecks.plan(ResourceCatalog.bundled());

    @Test
    void every_shipped_schema_is_a_valid_draft_2020_12_schema() {
        var meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (ScenarioSchemas.Kind k : ScenarioSchemas.Kind.values()) {
            String text = ScenarioSchemas.text(k);
            assertThat(meta.validate(text, InputFormat.JSON)).as(k.resource()).isEmpty();
            assertThat(text).as(k.resource()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        }
    }

    @Test
    void the_reference_plan_passes_the_plan_checks() throws InterruptedException {
        var s = ExampleScenario.copyInto(tmp);
        for (Check c : planChecks) assertThat(s.run(c)).as(c.name()).isInstanceOf(CheckResult.Passed.class);
    }

    @Test
    void a_plan_with_a_bad_priority_and_a_resource_outside_the_catalog_fails_both_checks() throws InterruptedException {
        var s = ExampleScenario.copyInto(tmp)
                .replace(ScenarioFiles.PLAN, "\"priority\": \"should\"", "\"priority\": \"nice-to-have\"")
                .replace(ScenarioFiles.PLAN, "{\"name\": \"n8n\", \"why\"", "{\"name\": \"zapier\", \"why\"");
        List<Finding> errors = s.errors(planChecks);
        assertThat(errors).extracting(Finding::code).containsExactly("SVC_CONFIGURATION_SCHEMA", "SVC_CONFIGURATION_UNKNOWN_RESOURCE");
        assertThat(errors).extracting(Finding::location)
                .containsExactly("plan.json#/requirements/2/priority", "plan.json#/resources/1/name");
        assertThat(errors.get(1).hint()).contains("postgres");
    }

    @Test
    void a_missing_plan_is_a_missing_file() throws InterruptedException {
        var s = ExampleScenario.copyInto(tmp);
        s.workspace.delete(ScenarioFiles.PLAN);
        assertThat(s.errors(planChecks)).extracting(Finding::code, Finding::location)
                .containsExactly(org.assertj.core.api.Assertions.tuple("SVC_MISSING_FILE_REQUIRED", "plan.json"));
    }
}
