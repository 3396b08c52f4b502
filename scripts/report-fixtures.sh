#!/usr/bin/env bash
# Writes the report's small fixture output tables (the ones the report tests use: DESIGN.md column names,
# suppressed cells, a run manifest) to DIR, for trying the notebooks or the report without a full run:
#   scripts/report-fixtures.sh /tmp/fixture-out && scripts/run-notebooks.sh /tmp/fixture-out
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: scripts/report-fixtures.sh OUTDIR}
cd "$ROOT"
source "$ROOT/scripts/java-opens.sh"
mvn -B -q -ntp -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt 2>/dev/null \
  || mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile=target/test-classpath.txt
mkdir -p "$OUT"
# shellcheck disable=SC2086
java $SPARK_JAVA_OPENS -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  uk.pophealth.report.ReportFixtures "$(cd "$OUT" && pwd)"
