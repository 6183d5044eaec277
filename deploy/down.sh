#!/usr/bin/env bash
# Stops every component started by up.sh for a data dir; keeps the data.
# Usage: deploy/down.sh [--data-dir DIR]   (default: <checkout>/data)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_DIR="$ROOT/data"
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA_DIR=$2; shift 2 ;;
    --data-dir=*) DATA_DIR=${1#*=}; shift ;;
    -h|--help) sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "down.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -d "$DATA_DIR" ] || { echo "down.sh: no data dir $DATA_DIR" >&2; exit 0; }
DATA_DIR=$(cd "$DATA_DIR" && pwd)
# shellcheck source=deploy/lib.sh
. "$ROOT/deploy/lib.sh"

# reverse start order: dependents first, the API server last
for pidfile in "$DATA_DIR"/*.pid; do
  [ -e "$pidfile" ] || continue
  name=$(basename "$pidfile" .pid)
  [ "$name" = apiserver ] && continue
  stop_component "$name"
done
stop_component apiserver
