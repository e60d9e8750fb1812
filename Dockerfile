# One image recipe for the four services; the module and its port are build arguments:
#   docker build --build-arg MODULE=gateway --build-arg PORT=8080 -t mental-health-connect/gateway:0.1.0 .
# docker-compose.yml builds all four this way.

FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /workspace

COPY docker/HealthCheck.java docker/
RUN javac --release 25 -d /opt/healthcheck docker/HealthCheck.java

# Poms first: the dependency layer below is rebuilt only when a pom changes, and it is declared before
# ARG MODULE so that the four images share it.
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY events/pom.xml events/
COPY kafka-events/pom.xml kafka-events/
COPY http-problems/pom.xml http-problems/
COPY idempotency/pom.xml idempotency/
COPY token-rules/pom.xml token-rules/
COPY time-zones/pom.xml time-zones/
COPY sealing/pom.xml sealing/
COPY resource-server/pom.xml resource-server/
COPY operations/pom.xml operations/
COPY outbox/pom.xml outbox/
COPY devstack/pom.xml devstack/
COPY test-support/pom.xml test-support/
COPY gateway/pom.xml gateway/
COPY content-service/pom.xml content-service/
COPY journal-service/pom.xml journal-service/
COPY reminder-service/pom.xml reminder-service/
COPY observability-checks/pom.xml observability-checks/
COPY deploy-checks/pom.xml deploy-checks/
COPY system-tests/pom.xml system-tests/
# Best effort: go-offline misses what plugins resolve lazily, which the package step below fetches.
RUN mvn -B -q dependency:go-offline || true

# Main sources only: the services' test-scope dependency on test-support (and so devstack) puts those
# modules in the -am reactor, but -DskipTests needs no test sources.
COPY events/src/main events/src/main
COPY kafka-events/src/main kafka-events/src/main
COPY http-problems/src/main http-problems/src/main
COPY idempotency/src/main idempotency/src/main
COPY token-rules/src/main token-rules/src/main
COPY time-zones/src/main time-zones/src/main
COPY sealing/src/main sealing/src/main
COPY resource-server/src/main resource-server/src/main
COPY operations/src/main operations/src/main
COPY outbox/src/main outbox/src/main
COPY devstack/src/main devstack/src/main
COPY test-support/src/main test-support/src/main
COPY gateway/src/main gateway/src/main
COPY content-service/src/main content-service/src/main
COPY journal-service/src/main journal-service/src/main
COPY reminder-service/src/main reminder-service/src/main

ARG MODULE
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<module>, e.g. gateway" >&2; exit 1; } \
  && mvn -B -q -DskipTests -pl "${MODULE}" -am package \
  && java -Djarmode=tools -jar "${MODULE}/target/${MODULE}-"*.jar extract --layers --launcher --destination /extracted


FROM eclipse-temurin:25.0.3_9-jre-noble

RUN groupadd --gid 10001 mhc \
  && useradd --uid 10001 --gid mhc --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin mhc

ARG PORT
RUN test -n "${PORT}" || { echo "build with --build-arg PORT=<the module's server.port>, e.g. 8080" >&2; exit 1; }

WORKDIR /app
COPY --from=build /opt/healthcheck/ /opt/healthcheck/
# Least to most often changed, so that a code change rebuilds only the last, small layer.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

# Actuator (health details, metrics, Prometheus) on its own port, 9090 in every container, on all addresses: the
# container network (or a Kubernetes NetworkPolicy) keeps it from the public; the public port has health status only.
ENV SPRING_PROFILES_ACTIVE=docker \
    SERVER_PORT=${PORT} \
    MANAGEMENT_SERVER_PORT=9090 \
    MANAGEMENT_SERVER_ADDRESS=0.0.0.0
# Writable state (journal-service's master key and the gateway's key-encryption key, generated when none is
# configured) lives under /app/.data, which a volume can keep; a new named volume takes this directory's owner.
RUN mkdir -p /app/.data/journal /app/.data/gateway && chown -R 10001:10001 /app/.data
USER 10001:10001
EXPOSE ${PORT} 9090

# Shell form, so that MANAGEMENT_SERVER_PORT is read when the probe runs; a small JVM for a short-lived process.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx32m -cp /opt/healthcheck HealthCheck \
    "http://localhost:${MANAGEMENT_SERVER_PORT}/actuator/health/readiness" || exit 1

# Exec form: the JVM is PID 1 and gets docker stop's SIGTERM for a graceful shutdown. Extra options go in
# JDK_JAVA_OPTIONS. The two access flags keep JDK 25's plain-text warnings about libraries' native access and
# sun.misc.Unsafe use out of the JSON log stream.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", \
  "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", \
  "org.springframework.boot.loader.launch.JarLauncher"]
