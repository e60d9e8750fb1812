#!/usr/bin/env bash
# Measures ./run.sh: seconds until the gateway answers, and the total memory (RSS) of every process it
# started once all are ready. Prints one line per run; stops the system after each run.
#
#   bench/startup.sh           warm start: jars built; the first run after a build also records AOT caches
#   bench/startup.sh --cold    cold start: build output and start-up caches removed, so run.sh builds first
#   RUNS=3 bench/startup.sh    repeat
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODE=warm
[ "${1:-}" = "--cold" ] && MODE=cold
RUNS=${RUNS:-1}

rss_total_mib() {
  local total=0 pid kb
  for pid in $(pgrep -f 'devstack-0.1.0.jar|target/extracted/.*-0.1.0.jar' || true); do
    kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + kb))
  done
  echo $((total / 1024))
}

for run in $(seq 1 "$RUNS"); do
  if [ "$MODE" = cold ]; then
    rm -rf "$ROOT"/*/target
  fi
  log=$(mktemp)
  start=$(date +%s.%N)
  setsid ./run.sh >"$log" 2>&1 &
  runner=$!
  until curl -fsS -o /dev/null --max-time 2 http://localhost:8080/api/content/items 2>/dev/null; do
    kill -0 "$runner" 2>/dev/null || { echo "run.sh stopped; log: $log" >&2; exit 1; }
    sleep 0.2
  done
  ready=$(date +%s.%N)
  until grep -q 'is ready' "$log"; do sleep 0.2; done
  sleep 2
  rss=$(rss_total_mib)
  kill -TERM "$runner"
  wait "$runner" 2>/dev/null || true
  printf '%s start %d: gateway answered after %.1f s; total RSS of the 5 processes %d MiB\n' \
    "$MODE" "$run" "$(echo "$ready - $start" | bc)" "$rss"
  rm -f "$log"
done
