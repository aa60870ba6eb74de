package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.packs.services.format.ServiceDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The variables a script sees in the dry-run, as the deployer would set them: {@code DRY_RUN=1} (print actions, do not
 * perform them), {@code SCENARIO_DIR} (the scratch copy) and {@code <RESOURCE>_PORT} for every enabled resource (its
 * port in service.json, else the catalog's default). Nothing of Scenarist's own environment.
 */
final class DryRunEnvironment {
    private DryRunEnvironment() {}

    /**
     * @param catalogPorts a resource name's default port in the catalog, or 0 (or less) when the catalog has none
     */
    static Map<String, String> of(ServiceDefinition service, Path scratch, ToIntFunction<String> catalogPorts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRY_RUN", "1");
        env.put("SCENARIO_DIR", scratch.toString());
        for (ServiceDefinition.DeclaredResource r : service.resources()) {
            if (!r.enabled()) continue;
            int port = r.port().orElseGet(() -> catalogPorts.applyAsInt(r.name()));
            if (port > 0) env.put(variable(r.name()), Integer.toString(port));
        }
        return env;
    }

    /** {@code minio-s3} → {@code MINIO_S3_PORT}. */
    static String variable(String resource) {
        return resource.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PORT";
    }
}
