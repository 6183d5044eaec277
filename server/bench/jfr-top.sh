#!/usr/bin/env bash
# Aggregates the CPU samples of a JFR recording (e.g. from api-bench.sh --jfr FILE) into the hottest methods.
# Usage: server/bench/jfr-top.sh FILE.jfr [THREAD_REGEX] [N]
#   THREAD_REGEX selects sampled threads by name (default: the API server's, vert.x|storage-|api-list)
#   N is the number of rows per table (default 25)
# Prints two tables: methods by self samples (top frame), and io.kubesim methods
# by inclusive samples (anywhere on the stack, counted once per sample).
set -euo pipefail
FILE=$1
THREADS=${2:-vert\.x|storage-|api-list}
N=${3:-25}
jfr print --events jdk.ExecutionSample --stack-depth 96 "$FILE" | awk -v threads="$THREADS" -v n="$N" '
  /sampledThread = / { name = $0; sub(/.*sampledThread = "/, "", name); sub(/".*/, "", name); keep = (name ~ threads); depth = 0; delete seen; next }
  /stackTrace = \[/ { if (keep) { samples++ } ; instack = keep; next }
  instack && /^[ \t]*\]/ { instack = 0; next }
  instack {
    frame = $0; sub(/^[ \t]+/, "", frame); sub(/ line: .*/, "", frame); sub(/\(.*\)/, "", frame)
    if (depth == 0) { self[frame]++ }
    depth++
    if (frame ~ /^(io\.kubesim)/ && !(frame in seen)) { seen[frame] = 1; incl[frame]++ }
  }
  END {
    printf "%d samples on threads matching /%s/\n\n-- self (top frame)\n", samples, threads
    for (f in self) printf "%6d %5.1f%%  %s\n", self[f], 100 * self[f] / samples, f | "sort -rn | head -" n
    close("sort -rn | head -" n)
    printf "\n-- inclusive (on the stack)\n"
    for (f in incl) printf "%6d %5.1f%%  %s\n", incl[f], 100 * incl[f] / samples, f | "sort -rn | head -" n
    close("sort -rn | head -" n)
  }'
