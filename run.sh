#!/usr/bin/env bash
# Starts Mental Health Connect on the embedded default: devstack (Kafka, MongoDB protocol, mail catcher)
# and the four services, each as its own process. Ctrl-C stops everything and frees every port.
#
# Environment:
#   MHC_DATA_DIR   where data survives restarts (default: ./.data)
#   MHC_JAVA_OPTS  extra JVM options for every process
#   MHC_SKIP_BUILD set to 1 to use the jars as they are
#   MHC_READY_TIMEOUT seconds each process may take to become ready (default 180)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

DATA_DIR=${MHC_DATA_DIR:-$ROOT/.data}
GATEWAY_PORT=8080
CONTENT_PORT=8081
JOURNAL_PORT=8082
REMINDER_PORT=8083
KAFKA_PORT=9092
MONGO_PORT=27017
SMTP_PORT=3025
MAIL_UI_PORT=8025
READY_TIMEOUT=${MHC_READY_TIMEOUT:-180}

say() { printf '\033[1m%s\033[0m\n' "$*"; }
fail() { printf '\033[31mrun.sh: %s\033[0m\n' "$*" >&2; exit 1; }

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

JAVA=$(find_java) || fail "Mental Health Connect needs JDK 25 or newer. The java found here is: $(java -version 2>&1 | head -1 || echo none). Install a JDK 25 and set JAVA_HOME to it."
export JAVA_HOME
JAVA_HOME=$(cd "$(dirname "$JAVA")/.." && pwd)

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

taken=""
for entry in "gateway:$GATEWAY_PORT" "content-service:$CONTENT_PORT" "journal-service:$JOURNAL_PORT" \
  "reminder-service:$REMINDER_PORT" "Kafka:$KAFKA_PORT" "MongoDB:$MONGO_PORT" "SMTP:$SMTP_PORT" "mail viewer:$MAIL_UI_PORT"; do
  port_taken "${entry##*:}" && taken="$taken\n  ${entry%%:*} needs port ${entry##*:}"
done
[ -z "$taken" ] || fail "$(printf "these ports are taken; stop what uses them (is run.sh already running?):$taken")"

JARS=(devstack/target/devstack-0.1.0.jar gateway/target/gateway-0.1.0.jar content-service/target/content-service-0.1.0.jar
  journal-service/target/journal-service-0.1.0.jar reminder-service/target/reminder-service-0.1.0.jar)

needs_build() {
  local jar
  for jar in "${JARS[@]}"; do
    [ -f "$jar" ] || return 0
    if [ -n "$(find . -path ./.data -prune -o -path '*/target' -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

if [ "${MHC_SKIP_BUILD:-0}" != 1 ] && needs_build; then
  say "Building (first start, or sources changed)…"
  ./mvnw -q -B -DskipTests package || fail "the build failed; see above"
fi

# Each service's jar is extracted once per build: the JDK's ahead-of-time cache (JEP 483/514) needs plain
# jars on the class path, and it makes every start after the first about twice as fast.
extract() {
  local jar=$1 dir
  dir="$(dirname "$jar")/extracted"
  if [ ! -f "$dir/$(basename "$jar")" ] || [ "$jar" -nt "$dir/$(basename "$jar")" ]; then
    rm -rf "$dir"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  fi
  echo "$dir/$(basename "$jar")"
}

mkdir -p "$DATA_DIR/aot" "$DATA_DIR/logs"
COMMON_OPTS=(-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1
  -Xlog:aot*=off -Xlog:cds*=off --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED
  -Dspring.main.banner-mode=off
  "-Dlogging.pattern.console=%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n")
# shellcheck disable=SC2206
EXTRA_OPTS=(${MHC_JAVA_OPTS:-})

PIDS=()
NAMES=()
PORTS=()
STOPPING=0
TRAINING=0

prefix() {
  local name=$1
  sed -u "s/^/$(printf '%-17s' "$name")| /" | tee -a "$DATA_DIR/logs/$name.log"
}

start() {
  local name=$1
  shift
  : >"$DATA_DIR/logs/$name.log"
  "$@" > >(prefix "$name") 2>&1 &
  PIDS+=($!)
  NAMES+=("$name")
}

stop_all() {
  [ "$STOPPING" = 1 ] && return
  STOPPING=1
  trap - INT TERM
  echo
  say "Stopping…"
  [ "$TRAINING" = 1 ] && say "Saving start-up caches so that the next start is faster (once per build)…"
  local i pid
  # Services first, devstack last, so services can leave their consumer groups cleanly.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    [ "$i" = 1 ] && wait_for_exit "${PIDS[@]:1}"
  done
  wait_for_exit "${PIDS[@]}"
  wait 2>/dev/null || true
  say "Stopped. Every port is free again."
}

wait_for_exit() {
  local deadline=$((SECONDS + 120)) pid alive
  while :; do
    alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return
    if [ $SECONDS -ge $deadline ]; then
      for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
      return
    fi
    sleep 0.2
  done
}

trap 'stop_all; exit 130' INT TERM
trap 'stop_all' EXIT

http_ok() {
  if command -v curl >/dev/null; then
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
  else
    local hostport=${1#http://} path
    path="/${hostport#*/}"
    hostport=${hostport%%/*}
    exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}" 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
    head -1 <&3 | grep -q ' 200 '
    local ok=$?
    exec 3>&-
    return $ok
  fi
}

await_ready() {
  local name=$1 url=$2 pid=$3 deadline=$((SECONDS + READY_TIMEOUT))
  until http_ok "$url"; do
    kill -0 "$pid" 2>/dev/null || fail "$name stopped while starting; its log is in $DATA_DIR/logs/$name.log"
    [ $SECONDS -lt $deadline ] || fail "$name was not ready within ${READY_TIMEOUT}s; its log is in $DATA_DIR/logs/$name.log"
    sleep 0.5
  done
}

# The first start of a build records an AOT cache, written when the service stops; later starts use it.
aot_option() {
  local name=$1 jar=$2 cache
  cache="$DATA_DIR/aot/$name-$(stat -c %Y "$jar").aot"
  if [ -f "$cache" ]; then
    echo "-XX:AOTCache=$cache"
  else
    rm -f "$DATA_DIR/aot/$name-"*.aot
    echo "-XX:AOTCacheOutput=$cache"
  fi
}

service() {
  local name=$1 port=$2 heap=$3 jar aot
  jar=$(extract "$4")
  aot=$(aot_option "$name" "$jar")
  [[ $aot == -XX:AOTCacheOutput=* ]] && TRAINING=1
  shift 4
  PORTS[${#PIDS[@]}]=$port
  start "$name" "$JAVA" "${COMMON_OPTS[@]}" "-Xmx$heap" "$aot" "${EXTRA_OPTS[@]}" -jar "$jar" "--server.port=$port" "$@"
}

STARTED_AT=$SECONDS
say "Starting devstack (Kafka, MongoDB protocol, mail catcher)…"
start devstack env DEVSTACK_DATA_DIR="$DATA_DIR/devstack" DEVSTACK_KAFKA_PORT=$KAFKA_PORT DEVSTACK_MONGO_PORT=$MONGO_PORT \
  DEVSTACK_SMTP_PORT=$SMTP_PORT DEVSTACK_MAIL_UI_PORT=$MAIL_UI_PORT \
  "$JAVA" -XX:+UseSerialGC -Xmx384m --sun-misc-unsafe-memory-access=allow "${EXTRA_OPTS[@]}" -jar devstack/target/devstack-0.1.0.jar
await_ready devstack "http://localhost:$MAIL_UI_PORT/health" "${PIDS[0]}"

INFRA=(--spring.kafka.bootstrap-servers=localhost:$KAFKA_PORT --spring.mongodb.uri=mongodb://localhost:$MONGO_PORT)
say "Starting the services…"
service content-service $CONTENT_PORT 192m content-service/target/content-service-0.1.0.jar "${INFRA[@]}"
# No master key is configured here: journal-service generates one for this machine, next to the other data.
service journal-service $JOURNAL_PORT 192m journal-service/target/journal-service-0.1.0.jar "${INFRA[@]}" \
  --mhc.journal.encryption.local-key-file="$DATA_DIR/journal/master-keys.properties" \
  --mhc.journal.support.content-url=http://localhost:$CONTENT_PORT
# The schedule engine keeps its state next to the other data, so a restart need not rebuild it from Kafka. Webhooks
# to this machine (127.0.0.1) are allowed here, for trying them out; nowhere else.
service reminder-service $REMINDER_PORT 192m reminder-service/target/reminder-service-0.1.0.jar "${INFRA[@]}" \
  --spring.kafka.streams.state-dir="$DATA_DIR/reminder/streams" \
  --mhc.reminder.delivery.allow-loopback-webhooks=true
service gateway $GATEWAY_PORT 192m gateway/target/gateway-0.1.0.jar "${INFRA[@]}" \
  --spring.mail.host=localhost --spring.mail.port=$SMTP_PORT \
  --mhc.gateway.services.content=http://localhost:$CONTENT_PORT \
  --mhc.gateway.services.journal=http://localhost:$JOURNAL_PORT \
  --mhc.gateway.services.reminder=http://localhost:$REMINDER_PORT

for i in 1 2 3 4; do
  await_ready "${NAMES[$i]}" "http://localhost:${PORTS[$i]}/actuator/health/readiness" "${PIDS[$i]}"
done

cat <<EOF

$(say "Mental Health Connect is ready (in $((SECONDS - STARTED_AT)) s).")
  Web app        http://localhost:$GATEWAY_PORT
  Mail viewer    http://localhost:$MAIL_UI_PORT
  API docs       http://localhost:$GATEWAY_PORT/swagger-ui.html (every service, OpenAPI 3.1)
  Data           $DATA_DIR
  Press Ctrl-C to stop everything.

EOF

# Stay until Ctrl-C, or until a process stops on its own, which stops the rest.
set +e
wait -n "${PIDS[@]}"
if [ "$STOPPING" = 0 ]; then
  printf '\033[31mrun.sh: a process stopped unexpectedly; stopping the rest. Logs are in %s/logs\033[0m\n' "$DATA_DIR" >&2
  exit 1
fi
