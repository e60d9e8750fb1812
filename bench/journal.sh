#!/usr/bin/env bash
# Journal benchmark, straight to journal-service (port 8082), with encryption on and the embedded database
# (mongo-java-server on H2, as ./run.sh starts it):
#   1. entry writes per second: a fixed-duration run of POST /api/journal/entries at fixed concurrency, after a
#      warm-up; then more entries until one person has 10,000 and ten people 100,000 in total;
#   2. the p99 latency to list 30 entries of the person with 10,000 entries, at fixed concurrency;
#   3. for reference: one text search over all of that person's entries, and insights over a year.
# Starts the system with ./run.sh (C2 JIT on, rate limits lifted) on a fresh data directory and stops it after.
#
#   bench/journal.sh                          defaults below
#   PER_PERSON=2000 PEOPLE=3 bench/journal.sh a quicker run
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
THREADS=${THREADS:-2}
WRITE_CONNECTIONS=${WRITE_CONNECTIONS:-32}
LIST_CONNECTIONS=${LIST_CONNECTIONS:-4}
PER_PERSON=${PER_PERSON:-10000}
PEOPLE=${PEOPLE:-10}
WRITE_DURATION=${WRITE_DURATION:-60}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60}
PASSWORD="a calm river at dusk"
. bench/lib/system.sh

# A data directory of its own, so that 100,000 entries do not end up in the development database.
data=$(mktemp -d)
remove_on_exit "$data"
start_system MHC_DATA_DIR="$data" "${LIFTED_RATE_LIMITS[@]}"

new_person() { # prints an e-mail address that can sign in
  local email="bench-$1-$(date +%s%N)@example.org"
  curl -fsS -o /dev/null http://localhost:8080/api/auth/signup -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench\",\"timeZone\":\"UTC\",\"locale\":\"en\"}"
  echo "$email"
}
token_of() { # access tokens live 10 minutes, so every phase signs in afresh
  curl -fsS http://localhost:8080/api/auth/login -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
write() { # email seconds limit first-number -> RESULT line
  wrk -t"$THREADS" -c"$WRITE_CONNECTIONS" -d"$2s" -s "$ROOT/bench/journal-write.lua" \
    http://localhost:8082 -- "$(token_of "$1")" "$3" "$THREADS" "$4" | grep '^RESULT'
}
value() { echo "$1" | sed -E "s/.*$2=([0-9.]+).*/\1/"; }

write "$(new_person warmup)" "$WARMUP" 0 0 >/dev/null
main=$(new_person main)
measured=$(write "$main" "$WRITE_DURATION" 0 0)
echo "writes for ${WRITE_DURATION} s, $WRITE_CONNECTIONS connections: ${measured#RESULT }"
rate=$(value "$measured" rps)
done_main=$(value "$measured" requests)

fill() { # email entries-already-there: writes the rest of PER_PERSON, with time to spare
  local rest=$((PER_PERSON - $2))
  [ "$rest" -gt 0 ] || return 0
  local seconds
  seconds=$(echo "$rest / $rate * 1.3 + 3" | bc -l | cut -d. -f1)
  line=$(write "$1" "$seconds" "$rest" "$2")
  [ "$(value "$line" errors)" = 0 ] || { echo "errors while filling: $line" >&2; exit 1; }
}
fill "$main" "${done_main%.*}"
for i in $(seq 2 "$PEOPLE"); do
  fill "$(new_person "p$i")" 0
done
echo "filled: $PEOPLE people × about $PER_PERSON entries"

token=$(token_of "$main")
list_url="http://localhost:8082/api/journal/entries?size=30"
wrk -t"$THREADS" -c"$LIST_CONNECTIONS" -d10s -H "Authorization: Bearer $token" "$list_url" >/dev/null
line=$(wrk -t"$THREADS" -c"$LIST_CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" \
  -s "$ROOT/bench/percentiles.lua" "$list_url" | grep '^RESULT')
echo "list 30 newest of ~$PER_PERSON (~$((PER_PERSON * PEOPLE)) in total), $LIST_CONNECTIONS connections: ${line#RESULT }"
line=$(wrk -t1 -c1 -d"$DURATION" -H "Authorization: Bearer $token" \
  -s "$ROOT/bench/percentiles.lua" "$list_url" | grep '^RESULT')
echo "list 30 newest, 1 connection: ${line#RESULT }"

time_of() { curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$1"; }
echo "search 'sister' (newest 20 matches): $(time_of 'http://localhost:8082/api/journal/entries?q=sister') s"
echo "search with no match (every entry of the person opened): $(time_of 'http://localhost:8082/api/journal/entries?q=no%20such%20words') s"
echo "insights over the last 366 days: $(time_of "http://localhost:8082/api/journal/insights?from=$(date -u -d '-365 days' +%F)&to=$(date -u +%F)") s"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk threads=$THREADS"
