#!/usr/bin/env bash
# The test command of the README and of CI: syntax of the shipped scheduling examples and scripts, then the whole
# JUnit 5 suite (unit, Spark, end-to-end on generated data) and, after package, the *IT tests on a real Spark
# standalone cluster started by scripts/cluster.sh (maven-failsafe-plugin).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# Airflow is not installed here: the DAG is checked for Python syntax only; no __pycache__ in the tree.
PYTHONPYCACHEPREFIX="$ROOT/target/pycache" python3 -m py_compile scripts/schedule/pophealth_monthly_dag.py
for script in scripts/*.sh scripts/pophealth; do
  bash -n "$script"
done
mvn -B -ntp verify
# The analysts' notebooks, executed end to end against the outputs RunJobSampleTest left in target/sample-run.
scripts/run-notebooks.sh "$ROOT/target/sample-run/exact"
