#!/usr/bin/env bash
# Executes every analyst notebook in notebooks/ end to end against one run's output directory, and fails if
# any cell fails. Usage:
#   scripts/run-notebooks.sh OUTDIR [NOTEBOOK.ipynb ...]
# OUTDIR is a run's --out directory (acp_uptake/, ..., _run_manifest.json); the notebooks read it from the
# POPHEALTH_OUT environment variable. Executed copies (with outputs) go to target/notebooks-executed/.
#
# Installs what is missing: Debian's jupyter-nbconvert, python3-nbclient, python3-jupyter-client and
# fonts-dejavu-core (apt-get, as root), and the Java kernel io.github.padreati:rapaio-jupyter-kernel from
# Maven Central (its kernelspec "rapaio-jupyter-kernel" goes to ~/.local/share/jupyter/kernels). The
# notebooks themselves fetch DuckDB JDBC and XChart from Maven Central with %dependency.
#
# About one kernel start in six hangs ("Kernel didn't respond"): that case alone is retried, up to
# NOTEBOOK_TRIES times (default 4); any other failure fails at once.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT_ARG=${1:?usage: scripts/run-notebooks.sh OUTDIR [NOTEBOOK.ipynb ...]}
shift
[ -d "$OUT_ARG" ] || { echo "ERROR: Cannot run the notebooks: not a directory ($OUT_ARG)" >&2; exit 2; }
OUT=$(cd "$OUT_ARG" && pwd)
RJK_VERSION=${RJK_VERSION:-3.0.1}
TRIES=${NOTEBOOK_TRIES:-4}
EXECUTED="$ROOT/target/notebooks-executed"
LOGS="$ROOT/target/notebooks-logs"
cd "$ROOT"

# 1. Jupyter (Debian's packages use the system Python, so call /usr/bin/jupyter, not whatever python3 is first on PATH).
missing=()
for package in jupyter-nbconvert python3-nbclient python3-jupyter-client fonts-dejavu-core; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  apt-get update -q && apt-get install -y -q "${missing[@]}"
fi
JUPYTER=/usr/bin/jupyter

# 2. The Java kernel, at the pinned version.
kernel_json=$(/usr/bin/python3 -c '
from jupyter_client.kernelspec import KernelSpecManager
import os
specs = KernelSpecManager().find_kernel_specs()
path = specs.get("rapaio-jupyter-kernel")
print(os.path.join(path, "kernel.json") if path else "")')
if [ -z "$kernel_json" ] || ! grep -q "rapaio-jupyter-kernel-$RJK_VERSION.jar" "$kernel_json"; then
  echo "Installing the Java kernel rapaio-jupyter-kernel $RJK_VERSION"
  mvn -B -q -ntp dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION" \
    -DoutputDirectory="$ROOT/target/notebook-kernel"
  java -jar "$ROOT/target/notebook-kernel/rapaio-jupyter-kernel-$RJK_VERSION.jar" -i -auto >/dev/null
fi

# 3. Execute each notebook, retrying only a kernel that never answered.
mkdir -p "$EXECUTED" "$LOGS"
if [ $# -gt 0 ]; then notebooks=("$@"); else notebooks=("$ROOT"/notebooks/*.ipynb); fi
passed=0
failed=0
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook" .ipynb)
  log="$LOGS/$name.log"
  attempt=1
  while true; do
    echo "== $name (attempt $attempt)"
    # Own process group, so a hung kernel left behind by this attempt can be ended by its group id.
    set +e
    POPHEALTH_OUT="$OUT" setsid timeout 1200 "$JUPYTER" nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.startup_timeout=90 \
      --output-dir "$EXECUTED" "$notebook" >"$log" 2>&1 &
    pid=$!
    wait "$pid"
    rc=$?
    set -e
    kill -- "-$pid" 2>/dev/null || true
    if [ "$rc" -eq 0 ]; then
      echo "   ok"
      passed=$((passed + 1))
      break
    fi
    if grep -q "Kernel didn't respond" "$log" && ! grep -q "CellExecutionError" "$log" && [ "$attempt" -lt "$TRIES" ]; then
      echo "   the kernel did not start (a known intermittent hang): retrying"
      attempt=$((attempt + 1))
      continue
    fi
    echo "   FAILED (exit $rc); the end of $log:"
    grep -v '^\[20[0-9-]* ' "$log" | tail -40 | sed 's/^/   | /'
    failed=$((failed + 1))
    break
  done
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
