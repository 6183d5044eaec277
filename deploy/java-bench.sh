#!/usr/bin/env bash
# Runs an in-process benchmark (a main class under a module's src/test) on the module's test
# classpath, building what it needs offline first.
# Usage: deploy/java-bench.sh MODULE MAIN_CLASS [ARGS...]
#   e.g. deploy/java-bench.sh controllers io.kubesim.scheduler.bench.SchedulerBench 1000 5000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
MODULE=$1
MAIN=$2
shift 2
[ -f "$ROOT/$MODULE/pom.xml" ] || { echo "java-bench.sh: no module $MODULE" >&2; exit 2; }
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# in one reactor run the module's own classpath is written last, with its siblings' target/classes
(cd "$ROOT" && mvn -B -q -pl "$MODULE" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null)
exec java ${BENCH_JAVA_OPTS:-} -cp "$ROOT/$MODULE/target/test-classes:$ROOT/$MODULE/target/classes:$(cat "$CP_FILE")" "$MAIN" "$@"
