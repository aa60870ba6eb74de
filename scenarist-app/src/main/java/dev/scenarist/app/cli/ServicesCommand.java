package dev.scenarist.app.cli;

import dev.scenarist.packs.services.catalog.ResourceCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The services pack's own commands. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = {"Deployable service scenarios (generate them with 'scenarist generate --pack services').",
                "  catalog   print the bundled resource catalog (YAML): start your own from it, then --option catalog=FILE"},
        subcommands = {ServicesCommand.Catalog.class})
final class ServicesCommand {
    @ParentCommand
    ScenaristCommand root;

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = {"Print the bundled resource catalog: each resource a scenario may require, its category, default port and the kinds",
                    "of initialization data service.json may give it. Save it, edit it, and pass it to a campaign:",
                    "  scenarist services catalog > my-resources.yaml",
                    "  scenarist generate --pack services --count 10 --option catalog=my-resources.yaml"})
    static final class Catalog implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Override
        public Integer call() {
            Output out = parent.root.output();
            if (out.json()) out.document(java.util.Map.of("catalog", ResourceCatalog.bundledText()));
            else out.human().print(ResourceCatalog.bundledText());
            return 0;
        }
    }
}
