#!/usr/bin/env bash
# The README's first command: builds the jar, runs the whole job on the bundled synthetic sample in data/
# with embedded local[*] Spark, and prints where the outputs are.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${1:-$ROOT/out/sample}
"$ROOT/scripts/build.sh"
# DEMO KEY, FOR THE SYNTHETIC SAMPLE ONLY. A real run must set its own secret key in this variable
# (from a secrets store), never in a file; a run without it refuses to start.
export POPHEALTH_PSEUDONYMISATION_KEY=${POPHEALTH_PSEUDONYMISATION_KEY:-demo-key-synthetic-sample-only}
echo "Using the DEMO pseudonymisation key for the synthetic sample (never use it on real data)."
"$ROOT/scripts/pophealth" run --config "$ROOT/data/job.yaml" --out "$OUT"
echo
echo "Outputs are in: $OUT"
ls -1 "$OUT"
