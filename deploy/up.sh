#!/usr/bin/env bash
# Builds what is missing, generates the cluster PKI and starts the control plane.
# Usage: deploy/up.sh [--data-dir DIR] [--port PORT] [--detach]
#   --data-dir DIR  where PKI, storage, kubeconfigs, pid files and logs live (default: <checkout>/data)
#   --port PORT     API server port on 127.0.0.1 (default: 6443)
#   --detach        return once the cluster is ready; stop it with deploy/down.sh --data-dir DIR
# Without --detach it runs in the foreground and Ctrl-C stops everything it started.
# Running it again on the same data dir restarts only what is not running and keeps the data.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_DIR="$ROOT/data"
PORT=6443
DETACH=0

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA_DIR=$2; shift 2 ;;
    --data-dir=*) DATA_DIR=${1#*=}; shift ;;
    --port) PORT=$2; shift 2 ;;
    --port=*) PORT=${1#*=}; shift ;;
    --detach) DETACH=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "up.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$PORT" in ''|*[!0-9]*) echo "up.sh: --port must be a number" >&2; exit 2 ;; esac

mkdir -p "$DATA_DIR/logs"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
# shellcheck source=deploy/lib.sh
. "$ROOT/deploy/lib.sh"

command -v java >/dev/null || { echo "up.sh: java (17+) is required" >&2; exit 1; }

SERVER_JAR="$ROOT/server/target/kubesim-server.jar"
needs_build() {
  [ -f "$SERVER_JAR" ] || return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/server/src/main" "$ROOT/server/pom.xml" "$ROOT/certs/src/main" \
      -newer "$SERVER_JAR" -print -quit 2>/dev/null)" ]
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

JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseG1GC -Xms256m"}
# shellcheck disable=SC2086
start_component apiserver java $JAVA_OPTS -jar "$SERVER_JAR" serve --data-dir "$DATA_DIR" --port "$PORT"

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

echo "cluster ready. Point kubectl at it with:"
echo "  export KUBECONFIG=$DATA_DIR/admin.kubeconfig"

if [ "$DETACH" = 1 ]; then
  exit 0
fi

cleanup() {
  echo
  for name in "${started[@]}"; do stop_component "$name"; done
  exit 0
}
trap cleanup INT TERM
echo "running in the foreground; Ctrl-C stops it"
while [ -n "$(component_pid apiserver)" ]; do sleep 1; done
echo "the API server exited; see $DATA_DIR/logs/apiserver.log" >&2
exit 1
