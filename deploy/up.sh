#!/usr/bin/env bash
# Builds what is missing, generates the cluster PKI and starts the whole cluster: API server,
# controller-manager, scheduler and a node agent simulating the nodes, then the cluster add-ons.
# Usage: deploy/up.sh [--data-dir DIR] [--port PORT] [--nodes N] [--max-pods N] [--detach]
#   --data-dir DIR  where PKI, storage, kubeconfigs, pid files and logs live (default: <checkout>/data)
#   --port PORT     API server port on 127.0.0.1 (default: 6443); components' metrics use PORT+1..PORT+4
#   --nodes N       simulated nodes: 1 control-plane + N-1 workers (default: 3)
#   --max-pods N    pod capacity of each node (default: 110, as kubelets); above 250 the nodes'
#                   pod CIDRs grow beyond /24 to hold as many IPs
#   --detach        return once the cluster is ready; stop it with deploy/down.sh --data-dir DIR
# Without --detach it runs in the foreground and Ctrl-C stops everything it started.
# Running it again on the same data dir restarts only what is not running and keeps the data.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_DIR="$ROOT/data"
PORT=6443
DETACH=0

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }
NODES=3
MAX_PODS=110

while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA_DIR=$2; shift 2 ;;
    --data-dir=*) DATA_DIR=${1#*=}; shift ;;
    --port) PORT=$2; shift 2 ;;
    --port=*) PORT=${1#*=}; shift ;;
    --nodes) NODES=$2; shift 2 ;;
    --nodes=*) NODES=${1#*=}; shift ;;
    --max-pods) MAX_PODS=$2; shift 2 ;;
    --max-pods=*) MAX_PODS=${1#*=}; shift ;;
    --detach) DETACH=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "up.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$PORT" in ''|*[!0-9]*) echo "up.sh: --port must be a number" >&2; exit 2 ;; esac
case "$NODES" in ''|*[!0-9]*|0) echo "up.sh: --nodes must be a positive number" >&2; exit 2 ;; esac
case "$MAX_PODS" in ''|*[!0-9]*|0) echo "up.sh: --max-pods must be a positive number" >&2; exit 2 ;; esac
# the smallest node CIDR (at most /24) with an address for every pod besides network, gateway and broadcast
NODE_CIDR_MASK=24
while [ $(( (1 << (32 - NODE_CIDR_MASK)) - 3 )) -lt "$MAX_PODS" ]; do NODE_CIDR_MASK=$((NODE_CIDR_MASK - 1)); done

mkdir -p "$DATA_DIR/logs"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
# shellcheck source=deploy/lib.sh
. "$ROOT/deploy/lib.sh"

command -v java >/dev/null || { echo "up.sh: java (17+) is required" >&2; exit 1; }

SERVER_JAR="$ROOT/server/target/kubesim-server.jar"
CONTROLLERS_JAR="$ROOT/controllers/target/kubesim-controllers.jar"
AGENT_JAR="$ROOT/node-agent/target/kubesim-node-agent.jar"
needs_build() {
  local jar
  for jar in "$SERVER_JAR" "$CONTROLLERS_JAR" "$AGENT_JAR"; do
    [ -f "$jar" ] || return 0
    [ -z "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src/main "$ROOT/controllers/runtime" \
        -newer "$jar" -print -quit 2>/dev/null)" ] || return 0
  done
  return 1
}
if needs_build; then
  echo "building (mvn package, tests skipped)..."
  (cd "$ROOT" && mvn -B -q -DskipTests package) || { echo "up.sh: build failed" >&2; exit 1; }
fi

started=()
start_component() {
  local name=$1; shift
  if [ -n "$(component_pid "$name")" ]; then
    echo "$name already running (pid $(component_pid "$name"))"
    return
  fi
  nohup "$@" >>"$DATA_DIR/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$DATA_DIR/$name.pid"
  started+=("$name")
  echo "started $name (pid $!), log: $DATA_DIR/logs/$name.log"
}

# Node names follow kind's: <prefix>control-plane, <prefix>worker, <prefix>worker2, ...
NODE_NAMES=(kubesim-control-plane)
for i in $(seq 1 $((NODES - 1))); do
  if [ "$i" = 1 ]; then NODE_NAMES+=(kubesim-worker); else NODE_NAMES+=("kubesim-worker$i"); fi
done
node_flags=()
for n in "${NODE_NAMES[@]}"; do node_flags+=(--node "$n"); done
java -jar "$SERVER_JAR" gen-certs --dir "$DATA_DIR" --server "https://127.0.0.1:$PORT" "${node_flags[@]}" \
  >>"$DATA_DIR/logs/gen-certs.log" 2>&1 || { echo "up.sh: gen-certs failed:" >&2; tail -n 5 "$DATA_DIR/logs/gen-certs.log" >&2; exit 1; }

# On 2 cores the common fork-join pool has parallelism 1, and CompletableFuture then runs every
# async completion (each API response of the JDK HTTP client) on a new thread: give it a pool.
# The components stop at the C1 compiler: on 2 cores C2 kept compiling for minutes and cost more
# CPU than it saved (a 100-pod round after warm-up: 12.1 CPU-s across the four JVMs with C2, 7.9
# with C1 everywhere). The API server keeps C2: its hot paths gain most from it in a long run.
JAVA_SMALL=${JAVA_SMALL:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}
JAVA_SERVER=${JAVA_OPTS:--XX:+UseG1GC -Xms256m}
# shellcheck disable=SC2086
start_component apiserver java $JAVA_SERVER -jar "$SERVER_JAR" serve \
  --data-dir "$DATA_DIR" --port "$PORT"

echo -n "waiting for the API server on https://127.0.0.1:$PORT "
ready=0
for _ in $(seq 1 120); do
  if [ -f "$DATA_DIR/pki/ca.crt" ] && curl -sf --max-time 2 --cacert "$DATA_DIR/pki/ca.crt" \
      "https://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then
    ready=1; break
  fi
  if [ -z "$(component_pid apiserver)" ]; then break; fi
  echo -n "."
  sleep 0.5
done
echo
if [ "$ready" != 1 ]; then
  echo "up.sh: the API server did not become ready; last log lines:" >&2
  tail -n 30 "$DATA_DIR/logs/apiserver.log" >&2 || true
  exit 1
fi

# shellcheck disable=SC2086
start_component controller-manager java $JAVA_SMALL -Xmx512m -jar "$CONTROLLERS_JAR" \
  --kubeconfig "$DATA_DIR/controller-manager.kubeconfig" --metrics-port $((PORT + 1)) \
  --node-cidr-mask-size "$NODE_CIDR_MASK"
# shellcheck disable=SC2086
start_component scheduler java $JAVA_SMALL -Xmx384m -cp "$CONTROLLERS_JAR" io.kubesim.scheduler.SchedulerMain \
  --kubeconfig "$DATA_DIR/scheduler.kubeconfig" --metrics-port $((PORT + 2))
# shellcheck disable=SC2086
start_component node-agent java $JAVA_SMALL -Xmx768m -jar "$AGENT_JAR" \
  --kubeconfig "$DATA_DIR/node-${NODE_NAMES[0]}.kubeconfig" --nodes "$NODES" --pods "$MAX_PODS" \
  --metrics-port $((PORT + 3)) --logs-port $((PORT + 4))

KUBECTL=(kubectl --kubeconfig "$DATA_DIR/admin.kubeconfig" --cache-dir "$DATA_DIR/.kube-cache")
if command -v kubectl >/dev/null 2>&1; then
  "${KUBECTL[@]}" apply -f "$ROOT/deploy/addons/" >>"$DATA_DIR/logs/addons.log" 2>&1 \
    || { echo "up.sh: applying the add-ons failed; see $DATA_DIR/logs/addons.log" >&2; exit 1; }
  echo -n "waiting for $NODES nodes to be Ready "
  ready=0
  for _ in $(seq 1 240); do
    count=$("${KUBECTL[@]}" get nodes --no-headers 2>/dev/null | awk '$2 ~ /^Ready/' | wc -l)
    if [ "$count" -ge "$NODES" ]; then ready=1; break; fi
    echo -n "."
    sleep 0.5
  done
  echo " $count/$NODES"
  [ "$ready" = 1 ] || { echo "up.sh: nodes did not become Ready; see $DATA_DIR/logs/" >&2; exit 1; }
  echo -n "waiting for the kube-system pods to run "
  for _ in $(seq 1 240); do
    pending=$("${KUBECTL[@]}" get pods -n kube-system --no-headers 2>/dev/null | awk '$3 != "Running"' | wc -l)
    total=$("${KUBECTL[@]}" get pods -n kube-system --no-headers 2>/dev/null | wc -l)
    if [ "$total" -gt 0 ] && [ "$pending" = 0 ]; then break; fi
    echo -n "."
    sleep 0.5
  done
  echo " $((total - pending))/$total running"
else
  echo "up.sh: kubectl not found: the add-ons (coredns, kube-proxy, kindnet) were not applied" >&2
fi

echo "cluster ready. Point kubectl at it with:"
echo "  export KUBECONFIG=$DATA_DIR/admin.kubeconfig"

if [ "$DETACH" = 1 ]; then
  exit 0
fi

cleanup() {
  echo
  local i
  for (( i=${#started[@]}-1; i>=0; i-- )); do stop_component "${started[$i]}"; done
  exit 0
}
trap cleanup INT TERM
echo "running in the foreground; Ctrl-C stops it"
while [ -n "$(component_pid apiserver)" ]; do sleep 1; done
echo "the API server exited; see $DATA_DIR/logs/apiserver.log" >&2
cleanup
