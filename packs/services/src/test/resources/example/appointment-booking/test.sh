#!/usr/bin/env bash
# Integration test of the dental appointment service. With DRY_RUN=1 it checks the scenario's files only.
set -euo pipefail

SCENARIO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DRY_RUN="${DRY_RUN:-0}"
N8N_PORT="${N8N_PORT:-5678}"

test -f "$SCENARIO_DIR/scenario-test.yaml" || { echo "test: scenario-test.yaml missing" >&2; exit 3; }
if [ "$DRY_RUN" = "1" ]; then
  echo "[dry-run] would POST a booking to http://localhost:$N8N_PORT/webhook/book"
  exit 0
fi
curl -fsS -X POST -H 'Content-Type: application/json' \
  --data '{"dentist_id": 1, "patient_id": 2, "starts_at": "2026-12-09T09:00:00+01:00"}' \
  "http://localhost:$N8N_PORT/webhook/book"
echo "test: booking accepted"
