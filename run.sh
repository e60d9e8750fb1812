#!/usr/bin/env bash
# Starts Mental Health Connect on the embedded default: devstack (Kafka, MongoDB protocol, mail catcher)
# and the four services, each as its own process. Ctrl-C stops everything and frees every port.
# ./run.sh --help lists the options and the environment variables.
set -euo pipefail
# Everything run.sh and its processes write (data, keys, logs) is for this user alone: 0700 folders, 0600 files.
umask 077

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

usage() {
  cat <<'EOF'
Usage: ./run.sh [--reset [--yes]] [--help]

Builds when the jars are missing or older than the sources, then starts devstack (Kafka, MongoDB protocol,
mail catcher) and the four services, and shows their logs. Ctrl-C stops everything and frees every port;
a second Ctrl-C stops at once, without saving the start-up cache.

Options:
  --reset       delete every account, journal entry, reminder and log in the data directory, then start
                (asks first; without a terminal to ask on, add --yes)
  --yes, -y     with --reset: do not ask
  --help, -h    show this text

Environment (run.sh):
  MHC_DATA_DIR        where data survives restarts                       default: ./.data
  MHC_JAVA_OPTS       extra JVM options for every process                e.g. "-Xmx512m"
  MHC_SKIP_BUILD      1 uses the jars as they are, even if stale
  MHC_READY_TIMEOUT   seconds each process may take to become ready      default: 180

Environment (the services read these; Spring Boot maps each property to an upper-case variable):
  MHC_GATEWAY_IDENTITY_BOOTSTRAPADMINS     comma-separated e-mail addresses that become ADMIN and EDITOR
                                           when they sign up, e.g. you@example.org
  MHC_GATEWAY_RATELIMITS_SIGNINPERMINUTE   sign-in, sign-up and refresh requests a minute per address  default: 10
  MHC_GATEWAY_RATELIMITS_APIPERMINUTE      other /api requests a minute per address or person          default: 300
  MHC_GATEWAY_MAXBODYSIZE                  largest request body                                        default: 256KB
  MHC_GATEWAY_MAXIMPORTSIZE                largest journal import                                      default: 64MB
  MHC_GATEWAY_IDENTITY_ACCESSTOKENTTL      access token life                                           default: 10m
  MHC_GATEWAY_IDENTITY_REFRESHTOKENTTL     refresh token life since last use                           default: 30d
  MHC_GATEWAY_IDENTITY_KEYENCRYPTIONKEY    Base64 of 32 random bytes that seal the signing keys        default: generated
                                           once into <data directory>/gateway/
  LOGGING_STRUCTURED_FORMAT_CONSOLE        ecs or logstash for JSON logs                               default: plain text
  MHC_OTLP_ENDPOINT                        where traces go, e.g. http://localhost:4318/v1/traces       default: not exported
  MHC_TRACE_SAMPLING                       share of traces exported, 0.0 to 1.0                        default: 1.0

Ports: web app and API 8080, content 8081, journal 8082, reminders 8083, Kafka 9092, MongoDB 27017,
SMTP 3025, mail viewer 8025. Management (actuator: health details, /actuator/prometheus, /actuator/metrics),
on 127.0.0.1 only: gateway 9080, content 9081, journal 9082, reminders 9083. The public ports answer
/actuator/health with the status alone. Logs: <data directory>/logs, one file per process.
EOF
}

RESET=0
ASSUME_YES=0
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    --reset) RESET=1 ;;
    -y | --yes) ASSUME_YES=1 ;;
    *) printf 'run.sh: unknown option %s; see ./run.sh --help\n' "$arg" >&2; exit 2 ;;
  esac
done

DATA_DIR=${MHC_DATA_DIR:-$ROOT/.data}
GATEWAY_PORT=8080
CONTENT_PORT=8081
JOURNAL_PORT=8082
REMINDER_PORT=8083
KAFKA_PORT=9092
MONGO_PORT=27017
SMTP_PORT=3025
MAIL_UI_PORT=8025
# The services' management ports (their application.yml defaults, bound to 127.0.0.1).
MANAGEMENT_PORTS=(9080 9081 9082 9083)
READY_TIMEOUT=${MHC_READY_TIMEOUT:-180}
# Quiet for this long (whole seconds, so between 1 and 2 s; a readiness check may add 2 s more), run.sh says what it
# is waiting for, so that nothing looks hung: never more than about 5 s of silence, even on a busy machine.
QUIET_LIMIT=2

if [ -t 1 ]; then BOLD=$'\033[1m' RED=$'\033[31m' PLAIN=$'\033[0m'; else BOLD='' RED='' PLAIN=''; fi
LAST_SAID=$SECONDS
say() { printf '%s%s%s\n' "$BOLD" "$*" "$PLAIN"; LAST_SAID=$SECONDS; }
note() { printf '  %s\n' "$*"; LAST_SAID=$SECONDS; }
fail() { printf '%srun.sh: %s%s\n' "$RED" "$*" "$PLAIN" >&2; exit 1; }

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

# --reset asks before anything else happens; the data goes only once the ports are known to be free, so that a
# running ./run.sh keeps its data.
if [ "$RESET" = 1 ] && [ "$ASSUME_YES" != 1 ]; then
  [ -t 0 ] || fail "--reset deletes all data in $DATA_DIR; there is no terminal to ask on, so add --yes to mean it"
  printf 'This deletes every account, journal entry, journal key, signing key, reminder and log in %s.\nType yes to go on: ' "$DATA_DIR"
  read -r answer || true
  [ "$answer" = yes ] || { echo "Nothing was deleted."; exit 1; }
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

taken=""
for entry in "gateway:$GATEWAY_PORT" "content-service:$CONTENT_PORT" "journal-service:$JOURNAL_PORT" \
  "reminder-service:$REMINDER_PORT" "Kafka:$KAFKA_PORT" "MongoDB:$MONGO_PORT" "SMTP:$SMTP_PORT" "mail viewer:$MAIL_UI_PORT" \
  "gateway management:${MANAGEMENT_PORTS[0]}" "content-service management:${MANAGEMENT_PORTS[1]}" \
  "journal-service management:${MANAGEMENT_PORTS[2]}" "reminder-service management:${MANAGEMENT_PORTS[3]}"; do
  port_taken "${entry##*:}" && taken="$taken\n  ${entry%%:*} needs port ${entry##*:}"
done
[ -z "$taken" ] || fail "$(printf "these ports are taken; stop what uses them (is run.sh already running?):$taken")"

# Only the folders that run.sh and the services write are deleted, so a data directory set by mistake to a
# folder with other things in it (a home directory, say) loses nothing else.
if [ "$RESET" = 1 ]; then
  for folder in devstack journal reminder gateway logs aot; do rm -rf "${DATA_DIR:?}/$folder"; done
  say "The data in $DATA_DIR is gone; starting from empty."
fi

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

# Shows a line for each module Maven builds and, when Maven is quiet for a while (compiling, packaging), a line
# that says it is still at work. Maven's whole output goes to the build log.
build_progress() {
  local log=$1 line module="" started=$SECONDS
  local pattern='^\[INFO\] Building (.+) [^ ]+ +\[([0-9]+)/([0-9]+)\]$'
  while :; do
    if IFS= read -r -t "$QUIET_LIMIT" line; then
      printf '%s\n' "$line" >>"$log"
      if [[ $line =~ $pattern ]]; then
        module=${BASH_REMATCH[1]}
        note "building $module (${BASH_REMATCH[2]} of ${BASH_REMATCH[3]})"
      elif [[ $line == "[ERROR]"* ]]; then
        printf '  %s\n' "$line"
      fi
    elif [ $? -gt 128 ]; then
      printf '%s' "$line" >>"$log"
      note "… still building ${module:-(Maven is starting)}, $((SECONDS - started)) s so far"
    else
      return 0
    fi
  done
}

mkdir -p "$DATA_DIR/logs/aot"
# Earlier versions kept the start-up cache here; it lives beside each extracted jar now.
rm -rf "$DATA_DIR/aot"

if [ "${MHC_SKIP_BUILD:-0}" != 1 ] && needs_build; then
  say "Building (first start, or sources changed): under a minute, longer while Maven downloads what it needs…"
  : >"$DATA_DIR/logs/build.log"
  ./mvnw -B -DskipTests package 2>&1 | build_progress "$DATA_DIR/logs/build.log" ||
    fail "the build failed; see above, and $DATA_DIR/logs/build.log for all of it"
fi

# Each service's jar is extracted once per build: the JDK's ahead-of-time cache (JEP 483/514) needs plain
# jars on the class path. The cache lives beside the extracted jar, so it belongs to exactly one build.
extract() {
  local jar=$1 dir
  dir="$(dirname "$jar")/extracted"
  if [ ! -f "$dir/$(basename "$jar")" ] || [ "$jar" -nt "$dir/$(basename "$jar")" ]; then
    note "unpacking $(basename "$jar") (once per build)" >&2
    rm -rf "$dir"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null &
    local unpacking=$! started=$SECONDS
    while kill -0 "$unpacking" 2>/dev/null; do
      sleep 0.5
      is_quiet && note "… still unpacking $(basename "$jar"), $((SECONDS - started)) s so far" >&2
    done
    wait "$unpacking" || fail "could not unpack $jar"
  fi
  echo "$dir/$(basename "$jar")"
}

COMMON_OPTS=(-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1
  -Xlog:aot*=off -Xlog:cds*=off --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED
  -Dspring.main.banner-mode=off
  "-Dlogging.pattern.console=%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n")
# shellcheck disable=SC2206
EXTRA_OPTS=(${MHC_JAVA_OPTS:-})

PIDS=()
NAMES=()
PORTS=()
JARS_RUN=()
STOPPING=0

# Ctrl-C goes to every process in the terminal's foreground group; the log pipes ignore it so that they still
# show how each process stops.
prefix() {
  local name=$1
  trap '' INT
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

# Seconds since anything was last shown: a line of run.sh's own, or a line of a process's log.
quiet_for() {
  local newest
  newest=$(stat -c %Y "$DATA_DIR"/logs/*.log 2>/dev/null | sort -n | tail -1)
  newest=$((newest > 0 ? $(date +%s) - newest : 0))
  local said=$((SECONDS - LAST_SAID))
  echo $((newest < said ? newest : said))
}

listed() {
  local IFS=,
  local list="$*"
  echo "${list//,/, }"
}

is_quiet() {
  local quiet
  quiet=$(quiet_for) || return 1
  [ "${quiet:-0}" -ge "$QUIET_LIMIT" ]
}

# Waits until the processes at the given indexes are done: exited, or (when recording) past their shutdown hooks
# and writing their AOT record, which needs neither ports nor devstack. Says which are left whenever all is quiet.
wait_for_exit() {
  local deadline=$((SECONDS + 120)) started=$SECONDS i alive
  while :; do
    alive=()
    for i in "$@"; do
      kill -0 "${PIDS[$i]}" 2>/dev/null && ! recording_written "$i" && alive+=("${NAMES[$i]}")
    done
    [ ${#alive[@]} = 0 ] && return
    if [ $SECONDS -ge $deadline ]; then
      note "$(listed "${alive[@]}") did not stop within 120 s; ending them"
      for i in "$@"; do kill -KILL "${PIDS[$i]}" 2>/dev/null || true; done
      return
    fi
    is_quiet && note "… ${WAITING_FOR:-waiting for} $(listed "${alive[@]}"), $((SECONDS - started)) s so far"
    sleep 0.2
  done
}

# A recording JVM logs its AOT work to its own file: two info lines as it starts (and warnings as it runs), the
# other info lines only once its shutdown hooks (the Spring context's close) are done and it writes the record.
recording_written() {
  local log=${RECORD_LOGS[$1]:-}
  [ -n "$log" ] && [ "$(info_lines "$log")" -gt "${RECORD_LINES[$1]:-0}" ]
}

info_lines() { grep -c '\]\[info' "$1" 2>/dev/null || true; }

# A second Ctrl-C: end everything now, without the start-up cache.
stop_now() {
  trap - INT TERM
  echo
  say "Stopping at once, without saving the start-up cache (a later stop saves it)."
  local pid i
  # Bash would report each killed process ("Killed …"); that is expected here, so it goes nowhere.
  exec 3>&2 2>/dev/null
  for i in "${!RECORD_CONFS[@]}"; do
    # A record cut short is of no use; without it the next start records again.
    kill -0 "${PIDS[$i]}" 2>/dev/null && kill -KILL "${PIDS[$i]}" && rm -f "${RECORD_CONFS[$i]}"
  done
  for pid in "${PIDS[@]}" "${CACHE_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -f "${CACHE_FILES[@]/%/.tmp}"
  wait || true
  exec 2>&3 3>&-
  say "Stopped. Every port is free again."
  exit 130
}

CACHE_PIDS=()
CACHE_FILES=()
RECORD_LOGS=()
RECORD_LINES=()
RECORD_CONFS=()

stop_all() {
  [ "$STOPPING" = 1 ] && return
  STOPPING=1
  trap stop_now INT TERM
  echo
  say "Stopping the services (press Ctrl-C again to stop at once)…"
  local i services=()
  for ((i = 1; i < ${#PIDS[@]}; i++)); do
    [ -n "${RECORD_LOGS[$i]:-}" ] && RECORD_LINES[i]=$(info_lines "${RECORD_LOGS[$i]}")
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    services+=("$i")
  done
  # Services first, devstack last, so services can leave their consumer groups cleanly.
  [ ${#services[@]} -gt 0 ] && wait_for_exit "${services[@]}"
  if [ ${#PIDS[@]} -gt 0 ]; then
    say "Stopping devstack (Kafka, MongoDB protocol, mail catcher)…"
    kill -TERM "${PIDS[0]}" 2>/dev/null || true
    wait_for_exit 0
  fi
  say "Stopped. Every port is free again."
  save_caches
  wait 2>/dev/null || true
  trap - INT TERM
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

# Waits until each process at the given indexes answers its readiness address (URLS, by index).
await_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) started=$SECONDS i pending
  while :; do
    pending=()
    for i in "$@"; do
      [ -n "${URLS[$i]}" ] || continue
      if http_ok "${URLS[$i]}"; then
        URLS[i]=""
        continue
      fi
      kill -0 "${PIDS[$i]}" 2>/dev/null || fail "${NAMES[$i]} stopped while starting; its log is in $DATA_DIR/logs/${NAMES[$i]}.log"
      [ $SECONDS -lt $deadline ] || fail "${NAMES[$i]} was not ready within ${READY_TIMEOUT}s; its log is in $DATA_DIR/logs/${NAMES[$i]}.log"
      pending+=("${NAMES[$i]}")
      # A check can take up to two seconds; between checks, say something if all has been quiet.
      is_quiet && note "… waiting for ${NAMES[$i]} to be ready, $((SECONDS - started)) s so far"
    done
    [ ${#pending[@]} = 0 ] && return
    sleep 0.5
  done
}

# The JDK's ahead-of-time cache, in two steps (JEP 483): the first start after a build records which classes
# the service loads (cheap, written as it exits); after everything has stopped and every port is free, the
# cache is made from that record. Every later start of the same build uses the cache.
aot_options() {
  local jar=$1 base
  base="$(dirname "$jar")/$(basename "$jar" .jar)"
  AOT_OPTS=()
  if [ -f "$base.aot" ]; then
    AOT_OPTS=("-XX:AOTCache=$base.aot")
  elif [ ! -f "$base.aotconf" ]; then
    AOT_OPTS=(-XX:AOTMode=record "-XX:AOTConfiguration=$base.aotconf")
  fi
}

save_caches() {
  local i jar base pending=() recording=() started=$SECONDS
  for i in "${!RECORD_LOGS[@]}"; do recording+=("$i"); done
  if [ ${#recording[@]} -gt 0 ]; then
    say "Saving the start-up cache: about a minute, once per build; later starts are about twice as fast."
    say "(Ctrl-C skips it; the next stop saves it instead.)"
    RECORD_LOGS=()
    WAITING_FOR="saving the start-up cache: recording what was loaded by" wait_for_exit "${recording[@]}"
  fi
  for jar in "${JARS_RUN[@]}"; do
    base="$(dirname "$jar")/$(basename "$jar" .jar)"
    [ -f "$base.aotconf" ] && [ ! -f "$base.aot" ] && pending+=("$jar")
  done
  [ ${#pending[@]} = 0 ] && return
  [ ${#recording[@]} -gt 0 ] || say "Saving the start-up cache: about half a minute, once per build. (Ctrl-C skips it.)"
  for jar in "${pending[@]}"; do
    base="$(dirname "$jar")/$(basename "$jar" .jar)"
    CACHE_FILES+=("$base.aot")
    "$JAVA" "${COMMON_OPTS[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$base.aotconf" "-XX:AOTCache=$base.aot.tmp" \
      -cp "$jar" >"$DATA_DIR/logs/aot/create-$(basename "$jar" .jar).txt" 2>&1 &
    CACHE_PIDS+=($!)
  done
  local done_count=0 pid
  while :; do
    done_count=0
    for pid in "${CACHE_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || done_count=$((done_count + 1)); done
    [ $done_count = ${#CACHE_PIDS[@]} ] && break
    [ $((SECONDS - LAST_SAID)) -ge "$QUIET_LIMIT" ] &&
      note "… saving the start-up cache: $done_count of ${#CACHE_PIDS[@]} made, $((SECONDS - started)) s so far"
    sleep 0.2
  done
  local saved=0
  for i in "${!CACHE_PIDS[@]}"; do
    if wait "${CACHE_PIDS[$i]}" && [ -s "${CACHE_FILES[$i]}.tmp" ]; then
      mv "${CACHE_FILES[$i]}.tmp" "${CACHE_FILES[$i]}"
      rm -f "${CACHE_FILES[$i]%.aot}.aotconf"
      saved=$((saved + 1))
    else
      rm -f "${CACHE_FILES[$i]}.tmp" "${CACHE_FILES[$i]%.aot}.aotconf"
      note "the start-up cache of $(basename "${CACHE_FILES[$i]}" .aot) could not be made; see $DATA_DIR/logs/aot/create-$(basename "${CACHE_FILES[$i]}" .aot).txt"
    fi
  done
  [ $saved = 0 ] || say "Saved the start-up cache in $((SECONDS - started)) s; the next start uses it."
}

service() {
  local name=$1 port=$2 heap=$3 jar
  jar=$(extract "$4")
  JARS_RUN+=("$jar")
  aot_options "$jar"
  if [ "${AOT_OPTS[0]:-}" = -XX:AOTMode=record ]; then
    RECORD_LOGS[${#PIDS[@]}]="$DATA_DIR/logs/aot/record-$name.txt"
    RECORD_CONFS[${#PIDS[@]}]="${AOT_OPTS[1]#-XX:AOTConfiguration=}"
    AOT_OPTS+=("-Xlog:aot=info:file=${RECORD_LOGS[${#PIDS[@]}]}")
  fi
  shift 4
  PORTS[${#PIDS[@]}]=$port
  URLS[${#PIDS[@]}]="http://localhost:$port/actuator/health/readiness"
  start "$name" "$JAVA" "${COMMON_OPTS[@]}" "-Xmx$heap" "${AOT_OPTS[@]}" "${EXTRA_OPTS[@]}" -jar "$jar" "--server.port=$port" "$@"
}

URLS=()
STARTED_AT=$SECONDS
say "Starting devstack (Kafka, MongoDB protocol, mail catcher)…"
URLS[0]="http://localhost:$MAIL_UI_PORT/health"
start devstack env DEVSTACK_DATA_DIR="$DATA_DIR/devstack" DEVSTACK_KAFKA_PORT=$KAFKA_PORT DEVSTACK_MONGO_PORT=$MONGO_PORT \
  DEVSTACK_SMTP_PORT=$SMTP_PORT DEVSTACK_MAIL_UI_PORT=$MAIL_UI_PORT \
  "$JAVA" -XX:+UseSerialGC -Xmx384m --sun-misc-unsafe-memory-access=allow "${EXTRA_OPTS[@]}" -jar devstack/target/devstack-0.1.0.jar
await_ready 0

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
  --mhc.reminder.push.key-encryption-key-file="$DATA_DIR/reminder/push-key-encryption-key.properties" \
  --mhc.reminder.delivery.allow-loopback-webhooks=true
# No key-encryption key is configured here either: the gateway generates one for this machine, next to the other
# data, and seals its private signing keys in MongoDB with it.
service gateway $GATEWAY_PORT 192m gateway/target/gateway-0.1.0.jar "${INFRA[@]}" \
  --mhc.gateway.identity.key-encryption-key-file="$DATA_DIR/gateway/key-encryption-key.properties" \
  --spring.mail.host=localhost --spring.mail.port=$SMTP_PORT \
  --mhc.gateway.services.content=http://localhost:$CONTENT_PORT \
  --mhc.gateway.services.journal=http://localhost:$JOURNAL_PORT \
  --mhc.gateway.services.reminder=http://localhost:$REMINDER_PORT

await_ready 1 2 3 4

cat <<EOF

$(say "Mental Health Connect is ready (in $((SECONDS - STARTED_AT)) s).")
  Web app        http://localhost:$GATEWAY_PORT
  Mail viewer    http://localhost:$MAIL_UI_PORT
  API docs       http://localhost:$GATEWAY_PORT/swagger-ui.html (every service, OpenAPI 3.1)
  Metrics        http://127.0.0.1:${MANAGEMENT_PORTS[0]}/actuator/prometheus (gateway; content, journal, reminders on ${MANAGEMENT_PORTS[1]}-${MANAGEMENT_PORTS[3]})
  Data           $DATA_DIR
  Press Ctrl-C to stop everything.

EOF

# Stay until Ctrl-C, or until a process stops on its own, which stops the rest.
set +e
wait -n "${PIDS[@]}"
if [ "$STOPPING" = 0 ]; then
  printf '%srun.sh: a process stopped unexpectedly; stopping the rest. Logs are in %s/logs%s\n' "$RED" "$DATA_DIR" "$PLAIN" >&2
  exit 1
fi
