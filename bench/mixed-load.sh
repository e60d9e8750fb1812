#!/usr/bin/env bash
# Mixed load through the gateway: people at a fixed arrival rate doing what people do (bench/MixedLoad.java: sign in,
# Today, the library, search, reactions, entries, insights, check-ins, reminders, the inbox and its live stream), in
# an open model, stepping the rate up until some operation's p99 passes the target or errors appear.
# Starts ./run.sh on a fresh data directory with the JVM settings a deployment uses (the C2 JIT; run.sh alone stops
# at C1 for a quick start), lifts the rate limits (every simulated person comes from this one address), and stops it.
#
#   bench/mixed-load.sh                             rates 5,10,20,30,40 operations/s, 60 s each, 120 people
#   RATES=5,10,15 DURATION=60 PEOPLE=200 bench/mixed-load.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RATES=${RATES:-5,10,20,30,40}
DURATION=${DURATION:-60}
PEOPLE=${PEOPLE:-120}
TARGET_MS=${TARGET_MS:-250}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. bench/lib/system.sh

data=$(mktemp -d)
remove_on_exit "$data"
# Every simulated person signs in, so sign-in's limit is lifted further than the others' need.
start_system MHC_DATA_DIR="$data" "${LIFTED_RATE_LIMITS[@]}" MHC_GATEWAY_RATELIMITS_SIGNINPERMINUTE=1000000

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$java_bin" -version 2>&1 | head -1), $(date -u +%F)"
"$java_bin" bench/MixedLoad.java http://localhost:8080 "$RATES" "$DURATION" "$PEOPLE" "$TARGET_MS"
