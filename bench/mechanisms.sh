#!/usr/bin/env bash
# The mechanisms pack, measured:
#   1. wall time of an offline `generate --pack mechanisms --count N` (default 100) on a fresh data folder;
#   2. time per scenario of each validation stage (static MJCF, mesh, simulation), re-measured sequentially on the
#      scenarios it produced, each against a baseline from the same session (DOM parse; MuJoCo load + one step).
#   3. the 1 s simulations through one MuJoCo sidecar and through a pool of one per processor;
#   every figure also as a ratio to MuJoCo's own load-and-step time from the same run.
#   bash bench/mechanisms.sh              # COUNT=20 bash bench/mechanisms.sh for a quick look
#   BEFORE=/tmp/old/scenarist.jar bash bench/mechanisms.sh   # the same campaign with an older build first
#   (BEFORE_SIDECAR=/tmp/old/sidecar: its sidecar folder, with node_modules, when the sidecar script changed since)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
count=${COUNT:-100}
out=${OUT:-$here/bench/results}
mkdir -p "$out"
. "$here/.mvn/find-jdk.sh"; scenarist_find_jdk

if [ -z "${SKIP_BUILD:-}" ]; then          # SKIP_BUILD=1: use the jars as they are built
  "$here/mvnw" -q -B -DskipTests -pl bench -am package
  "$here/scenarist" --help >/dev/null      # builds the application jar if needed, outside the timing
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sidecar="$here/packs/mechanisms/src/main/resources/sidecar"
unsafe=""   # as the launcher: protobuf's sun.misc.Unsafe warning is silenced where the flag exists (JDK 24+)
[ "$(scenarist_java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null && unsafe="--sun-misc-unsafe-memory-access=allow"
# one offline generate with the application jar $1 into the data folder $2; prints "<wall s> <cpu s>" (cpu: user + sys
# of the whole process tree: Scenarist, its sandboxed builds and the MuJoCo sidecars; see bench/cpu-tree.py). The
# sidecar folder is $3 (default: this checkout's), so an older build can be measured with its own sidecar.
generate() {
  sync; sleep 3
  # C1 only, as the launcher runs generate (see ./scenarist)
  python3 "$here/bench/cpu-tree.py" "$work/cpu" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 \
    $unsafe -Dscenarist.mujoco.sidecar="${3:-$sidecar}" -jar "$1" --data-dir "$2" --json generate --pack mechanisms --count "$count" > "$2.report.json"
  cat "$work/cpu"
}
before=""
if [ -n "${BEFORE:-}" ]; then          # BEFORE=/path/to/an/older/scenarist.jar: the same campaign with it first
  # (BEFORE_SIDECAR=folder: that build's MuJoCo sidecar; the sidecar script is not in the jar)
  read -r bwall bcpu < <(generate "$BEFORE" "$work/before" "${BEFORE_SIDECAR:-}")
  before="$bwall $bcpu"
fi
read -r wall cpu < <(generate "$here/scenarist-app/target/scenarist.jar" "$work/data")
cp "$work/data.report.json" "$work/report.json"

"$JAVA_HOME/bin/java" -cp "$here/bench/target/scenarist-bench.jar" dev.scenarist.bench.MechanismsStageBench \
  "$work/data" 3 "$here/packs/mechanisms/src/main/resources/sidecar" > "$work/stages.json"

python3 - "$work/report.json" "$work/stages.json" "$wall" "$cpu" "$count" "$out/mechanisms.json" "$work/data" "$before" <<'PY'
import glob, json, statistics, sys
report = json.load(open(sys.argv[1])); stages = json.load(open(sys.argv[2]))
wall, cpu, count = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
ms = stages["ms_per_scenario"]
load = ms["mujoco_load_baseline"]
validation = ms["static"] + ms["mesh"] + ms["simulation"]
# the sandboxed build (javac + one JVM building every variant), as the run measured it (runs in flight at once)
# every variant's manifest carries the one build of its scenario: its time, not a sum
builds = [max(json.load(open(f))["validation"]["build"]["millis"] for f in glob.glob(d + "/manifest_*.json"))
          for d in glob.glob(sys.argv[7] + "/scenarios/mechanisms/*")]
result = {"count": count, "accepted": report.get("accepted"), "runs": report.get("runs"),
          "wall_seconds": round(wall, 1), "seconds_per_scenario": round(wall / count, 2),
          "stages": stages,
          "cpu_seconds": round(cpu, 1), "cpu_seconds_per_scenario": round(cpu / count, 2),
          "build_ms_per_scenario_in_run_median": statistics.median(builds),
          "ratio_wall_per_scenario_vs_sequential_validation": round(wall / count * 1000 / validation, 2),
          # the yardstick: MuJoCo loading the scenario's scenes and taking one step each, measured in this run
          "ratio_wall_per_scenario_vs_mujoco_load": round(wall / count * 1000 / load, 1),
          "ratio_cpu_per_scenario_vs_mujoco_load": round(cpu / count * 1000 / load, 1),
          "ratio_build_vs_mujoco_load": round(statistics.median(builds) / load, 1)}
if sys.argv[8]:
    bwall, bcpu = map(float, sys.argv[8].split())
    result["before"] = {"wall_seconds": round(bwall, 1), "cpu_seconds": round(bcpu, 1),
                        "ratio_wall_per_scenario_vs_mujoco_load": round(bwall / count * 1000 / load, 1),
                        "ratio_cpu_per_scenario_vs_mujoco_load": round(bcpu / count * 1000 / load, 1)}
json.dump(result, open(sys.argv[6], "w"), indent=2)
print(json.dumps(result, indent=2))
PY
