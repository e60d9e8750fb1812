#!/usr/bin/env bash
# Reminder engine benchmark: 1,000,000 active reminders across 50 time zones, 100,000 of them due in the same
# minute, and a steady 500 occurrences a second. reminder-service's real topology (Kafka Streams, RocksDB,
# exactly_once_v2) runs in the benchmark JVM (bench/ReminderEngineBench.java) against devstack's broker, started
# here on ports of its own (so ./run.sh may keep running). Prints load time, throughput, lateness and RSS.
#
#   bench/reminder-engine.sh                        the full run (about 10 minutes on 2 cores)
#   BACKGROUND=170000 BURST=20000 bench/reminder-engine.sh   a quicker one
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KAFKA_PORT=${KAFKA_PORT:-19092}
data=$(mktemp -d)
[ -f devstack/target/devstack-0.1.0.jar ] && [ -d reminder-service/target/classes ] || ./mvnw -q -pl reminder-service -am install -DskipTests
./mvnw -q -pl reminder-service dependency:build-classpath -Dmdep.outputFile="$data/cp.txt" >/dev/null

DEVSTACK_KAFKA_PORT=$KAFKA_PORT DEVSTACK_MONGO_PORT=$((KAFKA_PORT + 1)) DEVSTACK_SMTP_PORT=$((KAFKA_PORT + 2)) \
  DEVSTACK_MAIL_UI_PORT=$((KAFKA_PORT + 3)) DEVSTACK_DATA_DIR="$data/devstack" \
  setsid "$JAVA_BIN" -XX:+UseSerialGC -Xmx1g --sun-misc-unsafe-memory-access=allow -jar devstack/target/devstack-0.1.0.jar \
  >"$data/devstack.log" 2>&1 &
devstack=$!
trap 'kill -TERM $devstack 2>/dev/null; wait $devstack 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fsS "http://localhost:$((KAFKA_PORT + 3))/health" >/dev/null 2>&1; do
  kill -0 $devstack 2>/dev/null || { cat "$data/devstack.log" >&2; exit 1; }
  sleep 1
done

cat >"$data/logback.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d{HH:mm:ss} %-5level %logger{20} - %msg%n</pattern></encoder></appender>
  <root level="ERROR"><appender-ref ref="OUT"/></root>
</configuration>
XML
"$JAVA_BIN" -Xmx768m -Dlogback.configurationFile="$data/logback.xml" -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
  -Dbackground="${BACKGROUND:-870000}" -Dsteady="${STEADY:-30000}" -DsteadyRate="${STEADY_RATE:-500}" -Dburst="${BURST:-100000}" \
  -cp "reminder-service/target/classes:$(cat "$data/cp.txt")" bench/ReminderEngineBench.java "localhost:$KAFKA_PORT" \
  2>&1 | grep -vE "^\s*at |WARN|INFO|DEBUG" || true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA_BIN" -version 2>&1 | head -1)"
