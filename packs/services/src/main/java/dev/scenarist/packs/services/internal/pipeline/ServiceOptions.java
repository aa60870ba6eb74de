package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.packs.services.ServicesSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's options for the services pack, checked when the campaign is created (an unknown option or value is
 * refused naming the fix, before anything is stored), and carried to the checks in the run's parameters.
 *
 * @param kind          the business category every run is drawn from; any of {@link #KINDS} when empty
 * @param catalogFile   a resource catalog (YAML) replacing the bundled one: its absolute path and its text
 * @param dryRunCommand the user's own dry-run command, run in the sandbox instead of the built-in dry-run
 * @param deploy        whether accepted scenarios are deployed with the machine's deploy command
 */
public record ServiceOptions(Optional<String> kind, Optional<CatalogFile> catalogFile, Optional<String> dryRunCommand, boolean deploy) {
    public static final String KIND = "kind";
    public static final String CATALOG = "catalog";
    public static final String DRY_RUN = "dry_run";
    public static final String DEPLOY = "deploy";
    /** The run parameter holding the campaign catalog's text (read when the campaign was created). */
    public static final String CATALOG_TEXT = "catalog_yaml";
    /** The business categories the offline author writes and a campaign may restrict itself to. */
    public static final List<String> KINDS = dev.scenarist.packs.services.internal.offline.ServiceDesigner.categories();

    /** A campaign's own catalog: where it was read and what it said then. */
    public record CatalogFile(String path, String text) {}

    /**
     * @throws IllegalArgumentException naming the option, what was wrong and the fix
     */
    public static ServiceOptions parse(Map<String, String> options, ServicesSettings settings) {
        for (String key : options.keySet()) {
            if (!List.of(KIND, CATALOG, DRY_RUN, DEPLOY).contains(key)) {
                throw new IllegalArgumentException("pack 'services' has no option '" + key + "'; its options are --option kind="
                        + String.join("|", KINDS) + ", catalog=FILE.yaml, dry_run=COMMAND, deploy=on|off");
            }
        }
        Optional<String> kind = Optional.ofNullable(options.get(KIND)).map(String::strip);
        if (kind.isPresent() && !KINDS.contains(kind.get())) {
            throw new IllegalArgumentException("--option kind=" + kind.get() + ": no such business category; use one of " + String.join(", ", KINDS));
        }
        Optional<String> dryRun = Optional.ofNullable(options.get(DRY_RUN)).map(String::strip);
        if (dryRun.isPresent() && dryRun.get().isEmpty()) {
            throw new IllegalArgumentException("--option dry_run= is empty; give the command that dry-runs a scenario folder (it runs in the sandbox"
                    + " with the folder as its working directory), or leave the option out for the built-in dry-run");
        }
        String deploy = options.getOrDefault(DEPLOY, "off").strip();
        if (!deploy.equals("on") && !deploy.equals("off")) {
            throw new IllegalArgumentException("--option deploy=" + deploy + ": use deploy=on or deploy=off");
        }
        if (deploy.equals("on") && settings.deployCommand().isEmpty()) {
            throw new IllegalArgumentException("--option deploy=on needs the deploy command of this machine: set " + ServicesSettings.DEPLOY_ENV
                    + "=\"your-deploy-command\" (it is given the scenario folder as its argument)");
        }
        Optional<CatalogFile> catalog = Optional.ofNullable(options.get(CATALOG)).map(String::strip).map(ServiceOptions::readCatalog);
        return new ServiceOptions(kind, catalog, dryRun, deploy.equals("on"));
    }

    private static CatalogFile readCatalog(String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file).toAbsolutePath().normalize();
        try {
            dev.scenarist.packs.services.catalog.ResourceCatalog.load(path);
            return new CatalogFile(path.toString(), java.nio.file.Files.readString(path));
        } catch (dev.scenarist.packs.services.catalog.CatalogException e) {
            throw new IllegalArgumentException("--option catalog=" + file + ": " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--option catalog=" + file + ": cannot read " + path + " (" + e.getMessage()
                    + "); give the path of a resource catalog YAML file (start from the bundled one: 'scenarist services catalog > my-resources.yaml')");
        }
    }

    /** The run's parameters: the business the seed picks (within {@link #kind}) and these options. */
    public Map<String, Object> parameters(long seed) {
        Map<String, Object> out = new LinkedHashMap<>(dev.scenarist.packs.services.internal.offline.OfflineServiceAuthor.parameters(seed, kind));
        out.putAll(asParameters());
        return out;
    }

    /** The options as run parameters (strings, so they store as JSON and come back unchanged). */
    public Map<String, Object> asParameters() {
        Map<String, Object> out = new LinkedHashMap<>();
        catalogFile.ifPresent(c -> {
            out.put(CATALOG, c.path());
            out.put(CATALOG_TEXT, c.text());
        });
        dryRunCommand.ifPresent(c -> out.put(DRY_RUN, c));
        out.put(DEPLOY, deploy ? "on" : "off");
        return out;
    }

    /** The options a run carries, read back from its parameters. */
    public static ServiceOptions ofParameters(Map<String, Object> parameters) {
        return new ServiceOptions(Optional.ofNullable(parameters.get("category")).map(String::valueOf),
                Optional.ofNullable(parameters.get(CATALOG_TEXT)).map(t -> new CatalogFile(String.valueOf(parameters.get(CATALOG)), String.valueOf(t))),
                Optional.ofNullable(parameters.get(DRY_RUN)).map(String::valueOf),
                "on".equals(String.valueOf(parameters.get(DEPLOY))));
    }
}
