#!/usr/bin/env bash
# Compares two run outputs cell for cell, every published table (DuckDB reads the Parquet): the check that a
# refactor changed no published value. Exit 0 when identical, 1 when any table differs.
#   scripts/compare-outputs.sh BEFORE_OUT AFTER_OUT
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if [ ! -f target/test-classpath.txt ] || [ ! -f target/test-classes/uk/pophealth/bench/CompareOutputs.class ]; then
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >&2
fi
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" uk.pophealth.bench.CompareOutputs "$@"
