#!/usr/bin/env bash
# The mechanisms pack, measured:
#   1. wall time of an offline `generate --pack mechanisms --count N` (default 100) on a fresh data folder;
#   2. time per scenario of each validation stage (static MJCF, mesh, simulation), re-measured sequentially on the
#      scenarios it produced, each against a baseline from the same session (DOM parse; MuJoCo load + one step).
#   bash bench/mechanisms.sh              # COUNT=20 bash bench/mechanisms.sh for a quick look
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
count=${COUNT:-100}
out=${OUT:-$here/bench/results}
mkdir -p "$out"
. "$here/.mvn/find-jdk.sh"; scenarist_find_jdk

"$here/mvnw" -q -B -DskipTests -pl bench -am package
"$here/scenarist" --help >/dev/null        # builds the application jar if needed, outside the timing
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sync; sleep 3
start=$(date +%s.%N)
"$here/scenarist" --data-dir "$work/data" --json generate --pack mechanisms --count "$count" > "$work/report.json"
end=$(date +%s.%N)

"$JAVA_HOME/bin/java" -cp "$here/bench/target/scenarist-bench.jar" dev.scenarist.bench.MechanismsStageBench \
  "$work/data" 3 "$here/packs/mechanisms/src/main/resources/sidecar" > "$work/stages.json"

python3 - "$work/report.json" "$work/stages.json" "$start" "$end" "$count" "$out/mechanisms.json" "$work/data" <<'PY'
import glob, json, statistics, sys
report = json.load(open(sys.argv[1])); stages = json.load(open(sys.argv[2]))
start, end, count = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
wall = end - start
ms = stages["ms_per_scenario"]
validation = ms["static"] + ms["mesh"] + ms["simulation"]
# the sandboxed build (javac + one JVM building every variant), as the run measured it (runs in flight at once)
builds = [sum(json.load(open(f))["validation"]["build"]["millis"] for f in glob.glob(d + "/manifest_*.json"))
          for d in glob.glob(sys.argv[7] + "/scenarios/mechanisms/*")]
result = {"count": count, "accepted": report.get("accepted"), "runs": report.get("runs"),
          "wall_seconds": round(wall, 1), "seconds_per_scenario": round(wall / count, 2),
          "stages": stages,
          "build_ms_per_scenario_in_run_median": statistics.median(builds),
          "ratio_wall_per_scenario_vs_sequential_validation": round(wall / count * 1000 / validation, 2)}
json.dump(result, open(sys.argv[6], "w"), indent=2)
print(json.dumps(result, indent=2))
PY
