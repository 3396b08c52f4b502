#!/usr/bin/env bash
# England-scale benchmark (issue 10): a script that prints figures, never a test.
#   scripts/bench.sh SCALE [generate options...]     SCALE: 1m | 10m | 60m | ics | a number of people
#   (generate options default to "--ics 42": England's 42 ICBs over the synthetic geography; SCALE ics is one ICS as
#   a data cell runs it: 1.5M people in 1 ICS of 5 places)
# 1. Generates clean Parquet inputs (--bad-rows 0 --format parquet) into bench-data/people-N (git-ignored), or
#    reuses them when bench-data/people-N/job.yaml exists (BENCH_DATA=DIR points at any other generated folder).
# 2. Runs the ACP core on Spark (DementiaRegister + footprint + groupBy) and the DuckDB peer (same Parquet, same
#    semantics), checks the two outputs are exactly equal and prints the Spark/DuckDB time ratio.
# 3. Runs the full job (`run`) on local[*] under GNU time with the Spark event log on (BENCH_SKIP_RUN=1 skips it).
# 4. Appends the figures and the machine details to docs/benchmarks.md (BENCH_NO_DOC=1 to skip).
# Driver heap: POPHEALTH_DRIVER_MEMORY (default here 8g, the run script's default on a machine of 16 GB or more:
# local[*] runs executors inside the driver JVM).
# Extra Spark settings: BENCH_SPARK_OPTS (e.g. "-Dspark.sql.shuffle.partitions=16").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/scripts/java-opens.sh"

SCALE=${1:?usage: scripts/bench.sh 1m|10m|60m|ics|PEOPLE [generate options...]}
shift
SHAPE=people
if [ "${SCALE,,}" = ics ]; then
  # one ICS of 5 places, as an ICS's data cell runs the job (issue 26)
  SCALE=1500000; SHAPE=ics1x5-people
  [ $# -gt 0 ] || set -- --ics 1 --places 5
fi
# England-like synthetic geography by default: 42 ICSs, 3 places each (practices and PCNs scale with people).
[ $# -gt 0 ] || set -- --ics 42
case "${SCALE,,}" in
  *m) PEOPLE=$(( ${SCALE%[mM]} * 1000000 )) ;;
  *k) PEOPLE=$(( ${SCALE%[kK]} * 1000 )) ;;
  *[!0-9]*|"") echo "Cannot run bench: scale is not 1m, 10m, 60m or a number ($SCALE)" >&2; exit 2 ;;
  *) PEOPLE=$SCALE ;;
esac
export POPHEALTH_DRIVER_MEMORY=${POPHEALTH_DRIVER_MEMORY:-8g}
DATA=${BENCH_DATA:-$ROOT/bench-data/$SHAPE-$PEOPLE}
WORK=$ROOT/bench-data/runs/$SHAPE-$PEOPLE-$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK/eventlog-run" "$WORK/eventlog-core"
say() { echo "$*" | tee -a "$WORK/summary.txt"; }

if [ ! -x /usr/bin/time ]; then
  (apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time) >/dev/null 2>&1) || true
fi
[ -x /usr/bin/time ] || { echo "Cannot run bench: GNU time (/usr/bin/time) is missing" >&2; exit 1; }

# Build the jar (scripts/pophealth) and the test classes + test classpath (the bench and the DuckDB peer).
if ! ls "$ROOT"/target/pophealth-spark-*.jar >/dev/null 2>&1 || [ ! -f "$ROOT/target/classpath.txt" ]; then
  "$ROOT/scripts/build.sh"
fi
if [ ! -f "$ROOT/target/test-classpath.txt" ] || [ ! -d "$ROOT/target/test-classes/uk/pophealth/bench" ]; then
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
fi
BENCH_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/test-classpath.txt")"
bench() { java -Xmx"$POPHEALTH_DRIVER_MEMORY" $SPARK_JAVA_OPENS ${BENCH_SPARK_OPTS:-} "$@"; }
BENCH_MAIN="-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties -cp $BENCH_CP uk.pophealth.bench.AcpCoreBench"
# GNU time report -> "wall_seconds peak_rss_mb cpu_seconds" (cpu = user + system: what the work cost the machine,
# independent of how many other processes shared its cores)
timed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]}
  /User time|System time/ {c+=$2} /Maximum resident set size/ {r=int($2/1024)} END {printf "%.1f %d %.1f\n", s, r, c}' "$1"; }
value() { grep -E "^$1=" "$2" | tail -1 | cut -d= -f2; }

say "# bench $PEOPLE people (generate $*), heap $POPHEALTH_DRIVER_MEMORY, $(nproc) cores, data $DATA"

# 1. Inputs.
GEN_WALL=reused; GEN_RSS=-
if [ ! -f "$DATA/job.yaml" ]; then
  /usr/bin/time -v -o "$WORK/time-generate.txt" "$ROOT/scripts/pophealth" generate --out "$DATA" \
    --people "$PEOPLE" --seed 1 --bad-rows 0 --format parquet "$@" 2>"$WORK/generate.log" | tee "$WORK/generate.out"
  read -r GEN_WALL GEN_RSS _ < <(timed "$WORK/time-generate.txt")
  say "generate: ${GEN_WALL} s, peak RSS ${GEN_RSS} MB"
fi
PERIOD_FROM=$(grep -E '^period_from:' "$DATA/job.yaml" | tr -dc '0-9-' || true)
PERIOD_TO=$(grep -E '^period_to:' "$DATA/job.yaml" | tr -dc '0-9-' || true)
PERIOD_FROM=${PERIOD_FROM:0:7}; PERIOD_TO=${PERIOD_TO:0:7}
PERIOD_FROM=${PERIOD_FROM:-2022-01}; PERIOD_TO=${PERIOD_TO:-2025-12}
bench $BENCH_MAIN inputs "$DATA" > "$WORK/inputs.txt" 2>/dev/null
PATIENT_ROWS=$(value rows_gp_patients "$WORK/inputs.txt"); EVENT_ROWS=$(value rows_gp_events "$WORK/inputs.txt")
INPUT_ROWS=$(awk -F= '{s+=$2} END {print s}' "$WORK/inputs.txt")
say "inputs: gp_patients $PATIENT_ROWS, gp_events $EVENT_ROWS, all person tables $INPUT_ROWS rows; months $PERIOD_FROM..$PERIOD_TO; $(du -sh "$DATA" | cut -f1)"

EVENTLOG_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false"

# 2. ACP core (first: the quickest figures, and the Spark/DuckDB ratio): Spark, then DuckDB, then the exact comparison.
/usr/bin/time -v -o "$WORK/time-spark.txt" java -Xmx"$POPHEALTH_DRIVER_MEMORY" $SPARK_JAVA_OPENS $EVENTLOG_OPTS \
  -Dspark.eventLog.dir="file://$WORK/eventlog-core" ${BENCH_SPARK_OPTS:-} $BENCH_MAIN \
  spark "$DATA" "$PERIOD_FROM" "$PERIOD_TO" "$WORK/core-spark.csv" > "$WORK/core-spark.txt" 2> "$WORK/core-spark.log"
read -r SPARK_WALL SPARK_RSS SPARK_CPU < <(timed "$WORK/time-spark.txt")
bench $BENCH_MAIN eventlog "$WORK/eventlog-core" > "$WORK/core-eventlog.txt" 2>/dev/null
/usr/bin/time -v -o "$WORK/time-duckdb.txt" java -Xmx1g $BENCH_MAIN \
  duckdb "$DATA" "$PERIOD_FROM" "$PERIOD_TO" "$WORK/core-duckdb.csv" > "$WORK/core-duckdb.txt" 2> "$WORK/core-duckdb.log"
read -r DUCK_WALL DUCK_RSS DUCK_CPU < <(timed "$WORK/time-duckdb.txt")
set +e
bench $BENCH_MAIN compare "$WORK/core-spark.csv" "$WORK/core-duckdb.csv" > "$WORK/compare.txt" 2>/dev/null
set -e
SPARK_CORE=$(value spark_core_seconds "$WORK/core-spark.txt"); DUCK_CORE=$(value duckdb_core_seconds "$WORK/core-duckdb.txt")
RATIO=$(awk -v a="$SPARK_CORE" -v b="$DUCK_CORE" 'BEGIN {printf "%.2f", a / b}')
PM=$(value spark_register_person_months "$WORK/core-spark.txt")
EVENTS_PER_S=$(awk -v r="$EVENT_ROWS" -v s="$SPARK_CORE" 'BEGIN {printf "%.0f", r / s}')
DUCK_EVENTS_PER_S=$(awk -v r="$EVENT_ROWS" -v s="$DUCK_CORE" 'BEGIN {printf "%.0f", r / s}')
MB() { awk -v b="$(value "$1" "$WORK/core-eventlog.txt")" 'BEGIN {printf "%.0f", b / 1048576}'; }
say "ACP core, Spark:  ${SPARK_CORE} s (JVM ${SPARK_WALL} s incl. start-up, CPU ${SPARK_CPU} s), peak RSS ${SPARK_RSS} MB, $EVENTS_PER_S gp_events rows/s"
say "  register person-months $PM, cells $(value spark_cells "$WORK/core-spark.txt"), shuffle partitions $(value spark_shuffle_partitions "$WORK/core-spark.txt")"
say "  shuffle write $(MB spark_shuffle_write_bytes) MB, spill memory $(MB spark_memory_spill_bytes) MB / disk $(MB spark_disk_spill_bytes) MB, input $(MB spark_input_bytes) MB, $(value spark_stages "$WORK/core-eventlog.txt") stages, $(value spark_tasks "$WORK/core-eventlog.txt") tasks, task time $(value spark_executor_run_seconds "$WORK/core-eventlog.txt") s of which CPU $(value spark_executor_cpu_seconds "$WORK/core-eventlog.txt") s"
say "ACP core, DuckDB: ${DUCK_CORE} s (JVM ${DUCK_WALL} s, CPU ${DUCK_CPU} s), peak RSS ${DUCK_RSS} MB, $DUCK_EVENTS_PER_S gp_events rows/s"
say "outputs equal: $(value compare_equal "$WORK/compare.txt") ($(value compare_cells "$WORK/compare.txt") cells, $(value compare_differing_cells "$WORK/compare.txt") differing)"
say "Spark/DuckDB ratio (ACP core): $RATIO wall, $(awk -v a="$SPARK_CPU" -v b="$DUCK_CPU" 'BEGIN {printf "%.2f", a / b}') CPU (whole JVMs)"

# 3. Full job, when the jar has it.
RUN_WALL=-; RUN_RSS=-; RUN_STATUS="not run"
if [ "${BENCH_SKIP_RUN:-0}" = 1 ]; then
  say "full run: skipped (BENCH_SKIP_RUN=1)"
elif "$ROOT/scripts/pophealth" run --help >/dev/null 2>&1; then
  # Synthetic data only: a benchmark key, never for real data (a real run takes its key from a secrets store).
  export POPHEALTH_PSEUDONYMISATION_KEY=${POPHEALTH_PSEUDONYMISATION_KEY:-bench-key-synthetic-data-only}
  set +e
  POPHEALTH_JAVA_OPTS="$EVENTLOG_OPTS -Dspark.eventLog.dir=file://$WORK/eventlog-run ${BENCH_SPARK_OPTS:-}" \
    /usr/bin/time -v -o "$WORK/time-run.txt" "$ROOT/scripts/pophealth" run --config "$DATA/job.yaml" \
    --out "$WORK/out" > "$WORK/run.out" 2> "$WORK/run.log"
  RC=$?
  set -e
  read -r RUN_WALL RUN_RSS RUN_CPU < <(timed "$WORK/time-run.txt")
  if [ $RC -eq 0 ]; then RUN_STATUS=ok; else RUN_STATUS="exit $RC: $(grep -m1 -E 'Cannot|ERROR' "$WORK/run.log" || true)"; fi
  say "full run: $RUN_STATUS, ${RUN_WALL} s (CPU ${RUN_CPU} s), peak RSS ${RUN_RSS} MB"
  grep -E "INFO (Stage|RunJob)" "$WORK/run.log" | sed 's/^[0-9-]* [0-9:]* INFO /  /' | tee -a "$WORK/summary.txt" || true
  if [ -f "$WORK/out/_run_manifest.json" ]; then
    bench $BENCH_MAIN manifest "$WORK/out/_run_manifest.json" 2>/dev/null | sed 's/^/  /' | tee -a "$WORK/summary.txt"
  fi
  bench $BENCH_MAIN eventlog "$WORK/eventlog-run" 2>/dev/null | sed 's/^/  run /' | tee -a "$WORK/summary.txt"
else
  say "full run: the jar has no run sub-command yet"
fi

# 4. docs/benchmarks.md
if [ "${BENCH_NO_DOC:-0}" != 1 ]; then
  DOC=$ROOT/docs/benchmarks.md
  SPARK_VERSION=$(grep -oE 'spark-core_2.12-[0-9.]+' "$ROOT/target/test-classpath.txt" | head -1 | sed 's/.*-//; s/\.$//')
  JAVA_VERSION=$(java -version 2>&1 | head -1 | tr -d '"')
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  {
    echo
    echo "### $PEOPLE people ($*) — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $JAVA_VERSION, Spark $SPARK_VERSION, DuckDB JDBC $(grep -oE 'duckdb_jdbc-[0-9.]+' "$ROOT/target/test-classpath.txt" | head -1 | sed 's/.*-//; s/\.$//'); driver heap $POPHEALTH_DRIVER_MEMORY; load average at the end $LOAD; ${BENCH_SPARK_OPTS:-default Spark settings}; commit $(git rev-parse --short HEAD)."
    echo
    echo '```'
    cat "$WORK/summary.txt"
    echo '```'
  } >> "$DOC"
  echo "appended to $DOC"
fi
echo "details: $WORK"
