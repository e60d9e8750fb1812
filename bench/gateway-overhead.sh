#!/usr/bin/env bash
# Gateway overhead: one authenticated read endpoint (GET /api/journal/entries/{id}, a key lookup), measured
# straight at journal-service and through the gateway, with the same fixed-concurrency HTTP/1.1 keep-alive load
# (wrk), after a warm-up. Starts the system with ./run.sh (C2 JIT on, rate limits lifted) and stops it after.
#
#   bench/gateway-overhead.sh                 defaults: 2 threads, 32 connections, 10 s warm-up, 30 s measured
#   CONNECTIONS=64 DURATION=60s bench/gateway-overhead.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-30s}
. bench/lib/system.sh

start_system "${LIFTED_RATE_LIMITS[@]}"

email="bench-$(date +%s%N)@example.org"
curl -fsS -o /dev/null http://localhost:8080/api/auth/signup -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"a calm river at dusk\",\"displayName\":\"Bench\",\"timeZone\":\"Europe/Berlin\",\"locale\":\"en\"}"
token=$(curl -fsS http://localhost:8080/api/auth/login -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"a calm river at dusk\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
entry=$(curl -fsS http://localhost:8080/api/journal/entries -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"body":"A line to read back.","mood":4,"timeZone":"Europe/Berlin"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')

measure() {
  local name=$1 url=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $token" "$url" >/dev/null
  local line
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" \
    -s "$ROOT/bench/percentiles.lua" "$url" | grep '^RESULT')
  echo "$name ${line#RESULT }"
}

direct=$(measure direct "http://localhost:8082/api/journal/entries/$entry")
gateway=$(measure gateway "http://localhost:8080/api/journal/entries/$entry")
echo "$direct"
echo "$gateway"
value() { echo "$1" | sed -E "s/.*$2=([0-9.]+).*/\1/"; }
printf 'through the gateway: %.1f%% of direct throughput; p99 added %.2f ms; p50 added %.2f ms\n' \
  "$(echo "100 * $(value "$gateway" rps) / $(value "$direct" rps)" | bc -l)" \
  "$(echo "$(value "$gateway" p99_ms) - $(value "$direct" p99_ms)" | bc -l)" \
  "$(echo "$(value "$gateway" p50_ms) - $(value "$direct" p50_ms)" | bc -l)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; threads=$THREADS connections=$CONNECTIONS warm-up=$WARMUP measured=$DURATION"
