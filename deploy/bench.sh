#!/usr/bin/env bash
# Pod startup benchmark on a whole cluster started by up.sh (separate processes, as deployed).
# Usage: deploy/bench.sh [--nodes N] [--replicas R] [--warmup ROUNDS] [--port PORT]
# Starts a fresh cluster in a temporary data dir, creates a Deployment of R replicas, prints the
# per-pod startup latency (first seen → Running, from a watch), the time until all run and the
# scheduler's binding rate, then stops the cluster. Warm-up rounds (default 2, Deployments of up to
# 300 replicas, not measured) let the components' JIT compile their hot paths first, as in a cluster
# that has been running for a while; --warmup 0 measures a cold cluster.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NODES=3
REPLICAS=100
WARMUP=2
PORT=17443
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES=$2; shift 2 ;;
    --replicas) REPLICAS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
DATA=$(mktemp -d /tmp/kubesim-bench.XXXXXX)
trap '"$ROOT/deploy/down.sh" --data-dir "$DATA" >/dev/null; rm -rf "$DATA"' EXIT
# kubelets take 110 pods; when the replicas would not fit on the workers, the nodes take more
WORKERS=$(( NODES > 1 ? NODES - 1 : 1 ))
MAX_PODS=$(( (REPLICAS + 20) / WORKERS + 20 ))
[ "$MAX_PODS" -ge 110 ] || MAX_PODS=110
"$ROOT/deploy/up.sh" --detach --data-dir "$DATA" --port "$PORT" --nodes "$NODES" --max-pods "$MAX_PODS" >/dev/null
(cd "$ROOT" && mvn -B -q -pl controllers -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$DATA/cp.txt" -Dmdep.includeScope=test >/dev/null)
echo "nodes=$NODES max-pods=$MAX_PODS"
java -cp "$ROOT/controllers/target/test-classes:$(cat "$DATA/cp.txt")" io.kubesim.bench.PodStartupBench \
  "$DATA/admin.kubeconfig" "$REPLICAS" 300 "$WARMUP" 2>/dev/null
