package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.sandbox.Sandbox;
import java.util.List;

/**
 * The static checks of a service scenario, in the order they run: the files parse and match their schemas, what
 * they name exists, SQL reads lexically, resources and ports agree with the catalog and each other (tier PARSE); then
 * the scripts parse for bash and pass shellcheck (tier PROCESS, in the sandbox). The dry-run comes after these.
 */
public final class StaticChecks {
    private StaticChecks() {}

    /** The checks of the implementation (the {@code implement} stage and validation). */
    public static List<Check> all(ResourceCatalog catalog, Sandbox sandbox) {
        ScenarioSchemas schemas = new ScenarioSchemas();
        return List.of(
                SchemaCheck.scenario(schemas),
                new N8nConnectionsCheck(),
                new ReferencesCheck(catalog),
                new SqlLexicalCheck(),
                new CatalogCheck(catalog),
                new PortsCheck(catalog),
                new NamesCheck(),
                new BashSyntaxCheck(sandbox),
                new ShellcheckCheck(sandbox));
    }

    /** The checks of plan.json (the {@code plan} and {@code refine} stages): its schema, and resources from the catalog. */
    public static List<Check> plan(ResourceCatalog catalog) {
        return List.of(SchemaCheck.plan(new ScenarioSchemas()), new PlanResourcesCheck(catalog));
    }

    /** What the static checks need on the machine, for the pack's MachineNeeds. */
    public static List<Requirement> requirements() {
        return List.of(
                new Requirement.Sandbox("the scenario's scripts are parsed (bash -n, shellcheck) only inside it"),
                new Requirement.Command("bash", "parses the scenario's scripts (bash -n)", "bash"),
                new Requirement.Command("shellcheck", "finds errors in the scenario's scripts (shellcheck -S error)", "shellcheck"));
    }
}
