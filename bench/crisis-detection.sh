#!/usr/bin/env bash
# journal-service's crisis detector:
#   bench/crisis-detection.sh train    rebuild crisis/classifier.json from crisis/training.tsv (deterministic)
#   bench/crisis-detection.sh report   evaluate on the frozen set and write docs/crisis-detection.md
#   bench/crisis-detection.sh cost     time one entry's detection, 1 to 20 sentences (prints p50/p99)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=${1:-report}
case "$mode" in
  train)
    ./mvnw -q -pl journal-service -am install -DskipTests
    ./mvnw -q -pl journal-service test -Dtest=CrisisClassifierTrainingTest -Dmhc.crisis.train=true -Dsurefire.failIfNoSpecifiedTests=false ;;
  report)
    ./mvnw -q -pl journal-service -am install -DskipTests
    ./mvnw -q -pl journal-service test -Dtest=CrisisDetectionEvaluationTest -Dmhc.crisis.report="$PWD/docs/crisis-detection.md" -Dsurefire.failIfNoSpecifiedTests=false
    echo "wrote docs/crisis-detection.md" ;;
  cost)
    ./mvnw -q -pl journal-service -am install -DskipTests
    ./mvnw -q -pl journal-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
    java -cp "journal-service/target/test-classes:journal-service/target/classes:$(cat journal-service/target/bench-classpath.txt)" \
      org.mhconnect.journal.support.detection.CrisisDetectionBenchmark "${ENTRIES:-2000}" 2>/dev/null ;;
  *) echo "usage: $0 train|report|cost" >&2; exit 2 ;;
esac
