#!/usr/bin/env bash
# API server benchmark (issue 2): durable pod creates/s, LIST latency, watch delivery latency and memory
# per pod, with the server in-process on 127.0.0.1 over real HTTPS. Prints figures; asserts nothing.
#
# Usage: server/bench/api-bench.sh [--storage rocksdb|memory|rocksdb,memory] [--profile DIR] [ApiBench options...]
#   --storage   one JVM per storage, in order (default rocksdb)
#   --profile   one JFR recording per measured phase in DIR/<storage>/ (creates, lists, watch), without the
#               warm-up; summarise one with server/bench/jfr-top.sh DIR/rocksdb/creates.jfr
#   other options go to io.kubesim.server.bench.ApiBench: --client lean|fabric8 --pods N --concurrency C
#   --memory-steps S --warmup-seconds S --list-runs R --list-warmups R --watchers N --watch-events N
#   --watch-rate PER_SECOND --data-dir DIR --threads
# JVM options: BENCH_JAVA_OPTS (default: G1 and a fixed, pre-touched 1 GiB heap, so that RSS growth is off-heap).
# Builds offline (mvn -o); drop -o by running once with BENCH_MVN_OFFLINE= if a dependency is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STORAGES=rocksdb
PROFILE=
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --storage) STORAGES=$2; shift 2 ;;
    --profile) PROFILE=$2; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseG1GC -Xms1g -Xmx1g -XX:+AlwaysPreTouch}
OFFLINE=${BENCH_MVN_OFFLINE--o}
WORK=$(mktemp -d /tmp/kubesim-api-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
(cd "$ROOT" && mvn -B -q -Dstyle.color=never $OFFLINE -pl server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null)
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$WORK/cp.txt")"
IFS=',' read -r -a STORAGE_LIST <<< "$STORAGES"
for storage in "${STORAGE_LIST[@]}"; do
  PROFILE_ARGS=()
  if [ -n "$PROFILE" ]; then PROFILE_ARGS=(--profile "$PROFILE/$storage"); fi
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of words
  java $JAVA_OPTS -cp "$CP" io.kubesim.server.bench.ApiBench --storage "$storage" \
      ${PROFILE_ARGS[@]+"${PROFILE_ARGS[@]}"} ${ARGS[@]+"${ARGS[@]}"}
  if [ "${#STORAGE_LIST[@]}" -gt 1 ]; then echo; fi
done
