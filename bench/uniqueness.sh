#!/usr/bin/env bash
# Uniqueness lookups at catalog scale: lexical index (PARE's three measures, inverted-index candidates) and semantic
# index (all-MiniLM-L6-v2 in process, exact scan) over a synthetic 100 000-entry catalog; latency p50/p95/p99 and
# recall@k against brute force. About 3 minutes on 2 vCPU.
#   bash bench/uniqueness.sh                               # full
#   ENTRIES=20000 QUERIES=300 bash bench/uniqueness.sh     # quick look
#   ARGS="--semantic false" bash bench/uniqueness.sh       # lexical only
# Result: bench/results/uniqueness.json (one JSON document), figures printed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out=${OUT:-$here/bench/results}
mkdir -p "$out"
. "$here/.mvn/find-jdk.sh"; scenarist_find_jdk
if [ -n "${JAR:-}" ]; then
  jar="$JAR"
else
  "$here/mvnw" -q -B -DskipTests -pl bench -am package
  jar="$here/bench/target/scenarist-bench.jar"
fi
# DJL unpacks its tokenizer's native library here (it must be writable)
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-${TMPDIR:-/tmp}/scenarist-djl}"
"$JAVA_HOME/bin/java" -Xmx3g --enable-native-access=ALL-UNNAMED -cp "$jar" dev.scenarist.bench.UniquenessBench \
  --entries "${ENTRIES:-100000}" --queries "${QUERIES:-1000}" --seed "${SEED:-42}" ${ARGS:-} | tail -n 1 > "$out/uniqueness.json"
python3 - "$out/uniqueness.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("catalog %d entries, %d queries, k=%d" % (r["entries"], r["queries"], r["k"]))
l = r["lexical"]
print("lexical   p50 %.2f ms  p95 %.2f ms  p99 %.2f ms   recall@k %.3f  duplicate recall %.3f  planted found %.3f  (brute force %.0f ms/query)"
      % (l["p50_ms"], l["p95_ms"], l["p99_ms"], l["recall_at_k"], l["duplicate_recall"], l["planted_found"], l["brute_force_mean_ms"]))
if "semantic" in r:
    s = r["semantic"]
    print("semantic  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms   recall@k %.3f   + query embedding %.1f ms (%d texts embedded at %.1f ms each)"
          % (s["p50_ms"], s["p95_ms"], s["p99_ms"], s["recall_at_k"], s["query_embed_mean_ms"], s["embedded_texts"], s["embed_ms_per_text"]))
PY
