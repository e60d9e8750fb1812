#!/usr/bin/env bash
# journal-service's crisis detector (builds with the reactor, never `install`, so the shared ~/.m2 stays untouched):
#   bench/crisis-detection.sh train    rebuild crisis/classifier.json from crisis/training.tsv (deterministic)
#   bench/crisis-detection.sh cv       cross-validate the detector's policies on the training data (prints a grid)
#   bench/crisis-detection.sh report   evaluate on the frozen set and write docs/crisis-detection.md
#   bench/crisis-detection.sh cost     time one entry's detection, 1 to 20 sentences (prints p50/p99)
# On a shared machine, wrap it in the Maven lock: flock /tmp/mhc-maven.lock bench/crisis-detection.sh report
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=${1:-report}
run_test() {
  ./mvnw -o -q -pl journal-service -am test -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false "${@:2}"
}
case "$mode" in
  train)
    run_test CrisisClassifierTrainingTest -Dmhc.crisis.train=true ;;
  cv)
    run_test 'CrisisClassifierTrainingTest#crossValidationOnTheTrainingDataWhenAsked' -Dmhc.crisis.cv=true ;;
  report)
    run_test CrisisDetectionEvaluationTest -Dmhc.crisis.report="$PWD/docs/crisis-detection.md"
    echo "wrote docs/crisis-detection.md" ;;
  cost)
    ./mvnw -o -q -pl journal-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
    java -cp "journal-service/target/test-classes:journal-service/target/classes:$(cat journal-service/target/bench-classpath.txt)" \
      org.mhconnect.journal.support.detection.CrisisDetectionBenchmark "${ENTRIES:-2000}" 2>/dev/null ;;
  *) echo "usage: $0 train|cv|report|cost" >&2; exit 2 ;;
esac
