#!/usr/bin/env bash
# The test command of the README and of CI: the whole JUnit 5 suite (unit, Spark, end-to-end on generated data).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -ntp verify
