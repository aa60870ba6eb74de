#!/usr/bin/env bash
# Starts the dental appointment service: checks its files, loads the database, imports the workflows.
# With DRY_RUN=1 it checks everything and prints each action instead of performing it.
set -euo pipefail

SCENARIO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DRY_RUN="${DRY_RUN:-0}"
POSTGRES_PORT="${POSTGRES_PORT:-5433}"
N8N_PORT="${N8N_PORT:-5678}"

run() {
  if [ "$DRY_RUN" = "1" ]; then
    echo "[dry-run] $*"
  else
    "$@"
  fi
}

for f in service.json initialization/storage/schema.sql initialization/storage/seed.sql \
         initialization/configuration/app-config.json initialization/configuration/resource-urls.json; do
  if [ ! -f "$SCENARIO_DIR/$f" ]; then
    echo "startup: missing file $f" >&2
    exit 3
  fi
done

run psql -h localhost -p "$POSTGRES_PORT" -d dental_appointments -f "$SCENARIO_DIR/initialization/storage/schema.sql"
run psql -h localhost -p "$POSTGRES_PORT" -d dental_appointments -f "$SCENARIO_DIR/initialization/storage/seed.sql"
for wf in "$SCENARIO_DIR"/initialization/automation/n8n/*.json; do
  run curl -fsS -X POST -H 'Content-Type: application/json' --data-binary "@$wf" "http://localhost:$N8N_PORT/rest/workflows"
done
echo "startup: dental-appointments ready on port 8420"
