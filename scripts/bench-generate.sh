#!/usr/bin/env bash
# Benchmark of the generator (a script that prints figures, not a test):
#   scripts/bench-generate.sh [PEOPLE] [extra generate options...]     (default 1,000,000 people)
# Generates synthetic inputs into bench-data/people-PEOPLE (git-ignored) on embedded local[*] Spark and prints
# rows written per second and the peak resident memory of the whole JVM (driver + local executors), measured with
# GNU time (/usr/bin/time -v; installed with apt-get if missing, else read from /proc while it runs).
# Driver heap: POPHEALTH_DRIVER_MEMORY (default as scripts/pophealth: half the memory, at most 8g).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PEOPLE=${1:-1000000}
shift || true
OUT=${BENCH_OUT:-$ROOT/bench-data/people-$PEOPLE}
LOG=$(mktemp -d)
if ! ls "$ROOT"/target/pophealth-spark-*.jar >/dev/null 2>&1 || [ ! -f "$ROOT/target/classpath.txt" ]; then
  "$ROOT/scripts/build.sh"
fi
if [ ! -x /usr/bin/time ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get install -y -qq time >/dev/null 2>&1 || true)
fi
# No console progress bars in the figures.
export POPHEALTH_JAVA_OPTS="${POPHEALTH_JAVA_OPTS:-} -Dspark.ui.showConsoleProgress=false"
echo "Generating $PEOPLE people into $OUT (heap ${POPHEALTH_DRIVER_MEMORY:-scripts/pophealth default}, $(nproc) cores)"
START=$(date +%s)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v -o "$LOG/time.txt" "$ROOT/scripts/pophealth" generate --out "$OUT" --people "$PEOPLE" --seed 1 "$@" \
    2> >(grep -v -E "^\s*$|WARN" >&2) | tee "$LOG/summary.txt"
  PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$LOG/time.txt")
else
  "$ROOT/scripts/pophealth" generate --out "$OUT" --people "$PEOPLE" --seed 1 "$@" > "$LOG/summary.txt" &
  PID=$!
  PEAK_KB=0
  while kill -0 "$PID" 2>/dev/null; do
    for p in $(pgrep -P "$PID") "$PID"; do
      HWM=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
      [ "${HWM:-0}" -gt "$PEAK_KB" ] && PEAK_KB=$HWM
    done
    sleep 1
  done
  wait "$PID"
  cat "$LOG/summary.txt"
fi
END=$(date +%s)
ROWS=$(grep -oE "Wrote [0-9,]+ rows" "$LOG/summary.txt" | tr -dc '0-9')
WALL=$((END - START))
echo "---"
echo "people:            $PEOPLE"
echo "rows written:      $ROWS"
echo "wall time:         ${WALL} s (JVM start to exit)"
echo "rows/second:       $((ROWS / (WALL > 0 ? WALL : 1)))"
echo "peak memory (RSS): $((PEAK_KB / 1024)) MB"
[ -f "$LOG/time.txt" ] && grep -E "User time|System time|Percent of CPU" "$LOG/time.txt" | sed "s/^\s*/cpu: /"
echo "output size:       $(du -sh "$OUT" | cut -f1)"
rm -rf "$LOG"
