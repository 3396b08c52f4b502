#!/usr/bin/env bash
# Builds the spark-submit jar (target/pophealth-spark-*.jar) and the local classpath file that
# scripts/pophealth uses to run the same jar on embedded Spark. Skips tests.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -ntp -DskipTests package dependency:build-classpath \
  -DincludeScope=compile -Dmdep.outputFile=target/classpath.txt
