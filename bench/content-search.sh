#!/usr/bin/env bash
# Library search benchmark, straight to content-service (port 8081).
#  1. Starts ./run.sh on a fresh data directory and generates 10,000 published items into its database.
#  2. Starts it again, so that content-service rebuilds its Lucene index from all of them at start (the rebuild time
#     is printed), with the periodic rebuild (every 10 min) far outside the measurement.
#  3. Searches at a fixed rate (bench/FixedRateSearch.java: an open model like wrk2's, each request's latency counted
#     from when it was due): 60 s of warm-up, then three rounds of 30 s, each printed with throughput and p50/p99/p99.9.
# Services run with the C2 JIT (./run.sh alone stops at C1, which starts faster).
#
#   bench/content-search.sh                   10,000 items, 200 requests/s
#   ITEMS=2000 RATE=100 DURATION=60 bench/content-search.sh
#   CACHE_SIZE=0 bench/content-search.sh      without the cache of recent answers (every search hits Lucene)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ITEMS=${ITEMS:-10000}
RATE=${RATE:-200}
CACHE_SIZE=${CACHE_SIZE:-2000}
DURATION=${DURATION:-30}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. bench/lib/system.sh

data=$(mktemp -d)
remove_on_exit "$data"
start() {
  start_system MHC_DATA_DIR="$data" MHC_CONTENT_SEARCH_CACHESIZE="$CACHE_SIZE"
}

start
# The MongoDB driver from content-service's own dependencies.
./mvnw -q -pl content-service dependency:build-classpath -Dmdep.outputFile="$data/cp.txt" -Dmdep.includeGroupIds=org.mongodb >/dev/null
"$java_bin" -cp "$(cat "$data/cp.txt")" bench/GenerateLibrary.java mongodb://localhost:27017 "$ITEMS"
stop_system

start
until grep -qE "Library index rebuilt: [0-9]{4,} items" "$data/logs/content-service.log"; do sleep 1; done
grep -oE "Library index rebuilt: [0-9]+ items in [0-9]+ ms" "$data/logs/content-service.log" | tail -1 |
  sed 's/$/ (at start, while the other services start too)/'
"$java_bin" bench/FixedRateSearch.java http://localhost:8081 "$RATE" "$DURATION" 60 3 | grep '^RESULT' | while read -r _ line; do
  echo "search over $ITEMS+ items at a fixed $RATE requests/s for $DURATION s, answer cache $CACHE_SIZE: $line"
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
