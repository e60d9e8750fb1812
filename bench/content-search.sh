#!/usr/bin/env bash
# Library search benchmark, straight to content-service (port 8081): generates 10,000 published items into the
# embedded database, waits until the Lucene index has been rebuilt with them (and reports how long the rebuild
# took), then searches at a fixed rate (wrk with a per-connection pause) and prints throughput and p50/p99.
# Starts ./run.sh on a fresh data directory (C2 JIT on) and stops it after. Needs wrk.
#
#   bench/content-search.sh                   10,000 items, 200 requests/s, 16 connections, 30 s
#   ITEMS=2000 RATE=100 bench/content-search.sh
#   CACHE_SIZE=0 bench/content-search.sh      without the cache of recent answers (every search hits Lucene)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
ITEMS=${ITEMS:-10000}
RATE=${RATE:-200}
CONNECTIONS=${CONNECTIONS:-16}
CACHE_SIZE=${CACHE_SIZE:-2000}
DURATION=${DURATION:-30s}

log=$(mktemp)
data=$(mktemp -d)
MHC_DATA_DIR="$data" MHC_JAVA_OPTS="-XX:TieredStopAtLevel=4" MHC_CONTENT_SEARCH_REFRESH_EVERY=45s \
  MHC_CONTENT_SEARCH_CACHESIZE="$CACHE_SIZE" setsid ./run.sh >"$log" 2>&1 &
runner=$!
trap 'kill -TERM $runner 2>/dev/null; wait $runner 2>/dev/null || true; rm -rf "$log" "$data"' EXIT
until grep -q 'is ready' "$log"; do
  kill -0 "$runner" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done

# The MongoDB driver from content-service's own dependencies.
./mvnw -q -pl content-service dependency:build-classpath -Dmdep.outputFile="$data/cp.txt" -Dmdep.includeGroupIds=org.mongodb >/dev/null
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java_bin" -cp "$(cat "$data/cp.txt")" bench/GenerateLibrary.java mongodb://localhost:27017 "$ITEMS"

# The index is rebuilt every 2 minutes (45 s here, so that no rebuild falls inside the 40 s of searching); wait for the rebuild that includes the generated items.
deadline=$((SECONDS + 90))
until grep -qE "Library index rebuilt: [0-9]{4,} items" "$data/logs/content-service.log"; do
  [ $SECONDS -lt $deadline ] || { echo "the index was not rebuilt with the generated items in time" >&2; exit 1; }
  sleep 1
done
grep -oE "Library index rebuilt: [0-9]{4,} items in [0-9]+ ms" "$data/logs/content-service.log" | tail -1

wrk -t2 -c"$CONNECTIONS" -d10s -s bench/content-search.lua http://localhost:8081 -- "$RATE" "$CONNECTIONS" >/dev/null
line=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/content-search.lua http://localhost:8081 -- "$RATE" "$CONNECTIONS" | grep '^RESULT')
echo "search over $ITEMS+ items at a target of $RATE requests/s, $CONNECTIONS connections, answer cache $CACHE_SIZE: ${line#RESULT }"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
