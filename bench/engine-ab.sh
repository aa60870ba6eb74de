#!/usr/bin/env bash
# Two builds of the engine benchmark, interleaved ABBA in one sitting (each build runs first as often as second, so
# a slow moment or a disk still settling from the previous run's deletes falls on both alike).
#   BEFORE=/tmp/old/scenarist-bench.jar AFTER=bench/target/scenarist-bench.jar bash bench/engine-ab.sh
#   DIR=/dev/shm RUNS=300 REPS=4 ...   # tmpfs takes the disk out; default: a temp folder under /tmp
# Build a jar at any commit with: git worktree add /tmp/old <rev> && (cd /tmp/old && ./mvnw -q -B -DskipTests -pl bench -am package)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"; scenarist_find_jdk
: "${BEFORE:?set BEFORE to the scenarist-bench.jar of the earlier build}"
after=${AFTER:-$here/bench/target/scenarist-bench.jar}
runs=${RUNS:-500}; reps=${REPS:-4}; dir=${DIR:-/tmp}
out=${OUT:-$here/bench/results/engine-ab.jsonl}
mkdir -p "$(dirname "$out")"; : > "$out"
for conc in 1 16; do
  for rep in $(seq 1 "$reps"); do
    if [ $((rep % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
    for b in $order; do
      jar=$BEFORE; [ "$b" = after ] && jar=$after
      d=$(mktemp -d "$dir/engine-ab.XXXX"); sync; sleep 2
      line=$("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar" dev.scenarist.bench.EngineBench \
        --runs "$runs" --concurrency "$conc" --store sqlite --dir "$d" 2>/dev/null | tail -n 1)
      echo "{\"build\":\"$b\",\"rep\":$rep,\"result\":$line}" | tee -a "$out"
      rm -rf "$d"
    done
  done
done
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for conc in (1, 16):
    med = {b: statistics.median(r["result"]["runs_per_second"] for r in rows if r["build"] == b and r["result"]["concurrency"] == conc)
           for b in ("before", "after")}
    print("%2d in flight  runs/s median: before %.1f  after %.1f  ratio after/before %.2f" % (conc, med["before"], med["after"], med["after"] / med["before"]))
PY
