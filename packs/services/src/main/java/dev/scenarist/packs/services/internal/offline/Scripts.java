package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.Set;

/**
 * deployment/startup.sh and test.sh as the reference example writes them: bash, {@code set -euo pipefail}, every
 * action through {@code run} so {@code DRY_RUN=1} prints instead of acting, and only files the scenario has.
 */
final class Scripts {
    /** The configuration file a {@link Defect#MISSING_CONFIG_FILE} startup.sh reads and no stage writes. */
    static final String MISSING_CONFIG = ScenarioFiles.CONFIG_DIR + "service-settings.json";

    private Scripts() {}

    static String startup(ServiceDesign d, Set<Defect> defects) {
        String config = defects.contains(Defect.MISSING_CONFIG_FILE) ? MISSING_CONFIG : ScenarioFiles.APP_CONFIG;
        StringBuilder b = new StringBuilder();
        b.append("#!/usr/bin/env bash\n");
        b.append("# Starts the ").append(d.displayName().toLowerCase(java.util.Locale.ROOT))
                .append(" service: checks its files, loads the database, imports the workflows.\n");
        b.append("# With DRY_RUN=1 it checks everything and prints each action instead of performing it.\n");
        b.append("set -euo pipefail\n\n");
        b.append("SCENARIO_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")/..\" && pwd)\"\n");
        b.append("DRY_RUN=\"${DRY_RUN:-0}\"\n");
        b.append("POSTGRES_PORT=\"${POSTGRES_PORT:-").append(d.ports().postgres()).append("}\"\n");
        b.append("N8N_PORT=\"${N8N_PORT:-").append(d.ports().n8n()).append("}\"\n");
        for (Extra e : d.extraList()) {
            b.append(e.portVariable()).append("=\"${").append(e.portVariable()).append(":-").append(d.ports().extras().get(e)).append("}\"\n");
        }
        b.append("APP_CONFIG=\"$SCENARIO_DIR/").append(config).append("\"\n\n");
        b.append("""
                run() {
                  if [ "$DRY_RUN" = "1" ]; then
                    echo "[dry-run] $*"
                  else
                    "$@"
                  fi
                }

                for f in service.json initialization/storage/schema.sql initialization/storage/seed.sql \\
                         initialization/configuration/app-config.json initialization/configuration/resource-urls.json; do
                  if [ ! -f "$SCENARIO_DIR/$f" ]; then
                    echo "startup: missing file $f" >&2
                    exit 3
                  fi
                done

                """);
        b.append("# the configuration must be this service's, not a copy of another scenario's\n");
        b.append("if ! grep -q '\"service\" *: *\"").append(d.serviceName()).append("\"' \"$APP_CONFIG\"; then\n");
        b.append("  echo \"startup: $APP_CONFIG does not configure ").append(d.serviceName()).append("\" >&2\n");
        b.append("  exit 4\n");
        b.append("fi\n\n");
        for (String sql : new String[] {ScenarioFiles.SCHEMA_SQL, ScenarioFiles.SEED_SQL}) {
            b.append("run psql -h localhost -p \"$POSTGRES_PORT\" -d ").append(d.naming().database())
                    .append(" -f \"$SCENARIO_DIR/").append(sql).append("\"\n");
        }
        for (Extra e : d.extraList()) b.append(e.startupCommand(d.serviceName())).append('\n');
        b.append("for wf in \"$SCENARIO_DIR\"/").append(ScenarioFiles.N8N_DIR).append("*.json; do\n");
        b.append("  run curl -fsS -X POST -H 'Content-Type: application/json' --data-binary \"@$wf\" \"http://localhost:$N8N_PORT/rest/workflows\"\n");
        b.append("done\n");
        b.append("echo \"startup: ").append(d.serviceName()).append(" ready on port ").append(ServiceJson.servicePort(d, defects)).append("\"\n");
        return b.toString();
    }

    static String test(ServiceDesign d) {
        String path = d.kind().automation().intake().path();
        StringBuilder payload = new StringBuilder("{");
        var main = d.kind().tables().main();
        payload.append('"').append(d.tables().provider().foreignKey()).append("\": 1, \"").append(d.tables().party().foreignKey()).append("\": 2, \"")
                .append(main.timeColumn()).append("\": \"").append(main.timeType().equals("DATE") ? "2026-12-30" : "2026-12-30T09:00:00+01:00")
                .append('"');
        main.amountColumn().ifPresent(a -> payload.append(", \"").append(a.column()).append("\": ").append(a.min()));
        payload.append('}');
        return "#!/usr/bin/env bash\n"
                + "# Integration test of the " + d.displayName().toLowerCase(java.util.Locale.ROOT) + " service. With DRY_RUN=1 it checks the scenario's files only.\n"
                + "set -euo pipefail\n\n"
                + "SCENARIO_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n"
                + "DRY_RUN=\"${DRY_RUN:-0}\"\n"
                + "N8N_PORT=\"${N8N_PORT:-" + d.ports().n8n() + "}\"\n\n"
                + "test -f \"$SCENARIO_DIR/scenario-test.yaml\" || { echo \"test: scenario-test.yaml missing\" >&2; exit 3; }\n"
                + "if [ \"$DRY_RUN\" = \"1\" ]; then\n"
                + "  echo \"[dry-run] would POST a new " + d.texts().get("main") + " to http://localhost:$N8N_PORT/webhook/" + path + "\"\n"
                + "  exit 0\n"
                + "fi\n"
                + "curl -fsS -X POST -H 'Content-Type: application/json' \\\n"
                + "  --data '" + payload + "' \\\n"
                + "  \"http://localhost:$N8N_PORT/webhook/" + path + "\"\n"
                + "echo \"test: " + d.texts().get("main") + " accepted\"\n";
    }
}
