#!/usr/bin/env bash
# Engine overhead, Scenarist vs the LangGraph.js anchor, one after the other on this machine.
#   bash bench/engine-vs-langgraph.sh            # full: 1000 runs, sequential and 16 in flight, 3 reps each
#   REPS=1 RUNS=300 bash bench/engine-vs-langgraph.sh   # quick look
#   JAR=/tmp/old/scenarist-bench.jar OUT=bench/results/old bash bench/engine-vs-langgraph.sh   # an earlier build
# Needs node + npm for the anchor (../shared/anchors/langgraphjs, copied to a temp folder and `npm ci`-ed there).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs=${RUNS:-1000}
reps=${REPS:-3}
out=${OUT:-$here/bench/results}
mkdir -p "$out"
out="$(cd "$out" && pwd)" # absolute: the anchor writes it from its own folder
. "$here/.mvn/find-jdk.sh"; scenarist_find_jdk

# JAR=path/to/scenarist-bench.jar measures an earlier build (e.g. one made at another commit) instead of building this tree
if [ -n "${JAR:-}" ]; then
  jar="$JAR"
else
  "$here/mvnw" -q -B -DskipTests -pl bench -am package
  jar="$here/bench/target/scenarist-bench.jar"
fi
# The JVM as a campaign runs it: C1 only, as the launcher starts 'generate' and 'resume'; the serial collector, which
# the JVM picks by itself on machines it does not take for servers, because on 2 shared cores G1's concurrent threads
# took CPU from the runs (300 runs at 16 in flight, one sitting: G1 17.2 CPU-s and 253 MB peak RSS, serial 12.3 CPU-s
# and 202 MB); and a heap of 160 MB, not the default quarter of the machine's memory, which the serial collector grows
# into without need (the same runs: 198 MB peak RSS uncapped, 137 MB capped, the same CPU-s within noise).
# JVM_OPTS='' measures the JVM's defaults.
jvm=${JVM_OPTS-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx160m"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: > "$out/scenarist.jsonl"
for conc in 1 16; do
  for rep in $(seq 1 "$reps"); do
    # settle the disk first: this VM's ext4 is mounted with 'discard', so recent deletes slow later writes
    sync; sleep 5
    # shellcheck disable=SC2086 # JVM options are words
    "$JAVA_HOME/bin/java" $jvm --enable-native-access=ALL-UNNAMED -cp "$jar" dev.scenarist.bench.EngineBench \
      --runs "$runs" --concurrency "$conc" --store sqlite --dir "$work/scenarist-$conc-$rep" 2>/dev/null | tail -n 1 | tee -a "$out/scenarist.jsonl"
  done
done

anchor="$here/../shared/anchors/langgraphjs"
if [ -d "$anchor" ] && command -v npm >/dev/null; then
  cp -r "$anchor" "$work/lg"
  sync; sleep 5
  (cd "$work/lg" && npm ci --silent >/dev/null 2>&1 && node bench.mjs --runs "$runs" --reps "$reps" --savers sqlite --concurrency 16 \
     --dbdir "$work/lg/data" --out "$out/langgraph.json" >/dev/null)
  echo "langgraph results: $out/langgraph.json"
else
  echo "anchor or npm missing: skipped the LangGraph.js side" >&2
fi

python3 - "$out" <<'PY'
import json, statistics, sys, os
out = sys.argv[1]
ours = [json.loads(l) for l in open(os.path.join(out, "scenarist.jsonl")) if l.strip()]
def med(conc): return statistics.median(r["runs_per_second"] for r in ours if r["concurrency"] == conc)
print("scenarist  runs/s  sequential %.1f   16 in flight %.1f" % (med(1), med(16)))
def rss(conc): return max((r.get("peak_rss_kb", 0) for r in ours if r["concurrency"] == conc), default=0) / 1024
print("scenarist  peak RSS MiB  sequential %.0f   16 in flight %.0f" % (rss(1), rss(16)))
lg_path = os.path.join(out, "langgraph.json")
if os.path.exists(lg_path):
    lg = json.load(open(lg_path))
    def lgmed(conc):
        vals = [r["runsPerSec"]["median"] for r in lg["summary"] if r["saver"] == "sqlite" and r["concurrency"] == conc]
        return vals[0] if vals else float("nan")
    print("langgraph  runs/s  sequential %.1f   16 in flight %.1f" % (lgmed(1), lgmed(16)))
    def lgrss(conc):
        vals = [r["peakRssKB"]["max"] for r in lg["summary"] if r["saver"] == "sqlite" and r["concurrency"] == conc]
        return vals[0] / 1024 if vals else float("nan")
    print("langgraph  peak RSS MiB  sequential %.0f   16 in flight %.0f" % (lgrss(1), lgrss(16)))
    print("ratio (scenarist / langgraph)  sequential %.2f   16 in flight %.2f" % (med(1) / lgmed(1), med(16) / lgmed(16)))
PY
