#!/usr/bin/env bash
# Demand forecast product benchmark (figures only, nothing asserted):
#  1. the real A&E attendances by ICB (../shared/refdata/nhs_timeseries/england_icb_accidents_emergency.csv,
#     42 ICBs x 40 months) converted to series_id,month,value and run through the `forecast` sub-command; prints
#     mean and median backtest MASE of the chosen models against seasonal naive, and 80% / 95% coverage;
#  2. the wall time to fit, forecast and backtest 200 places x 15 activities of synthetic monthly series (plus ICS
#     and total series) through the product's Spark fitting path.
# Options: PLACES, ACTIVITIES, MONTHS (default 200, 15, 48) size the timing run; PHS=/path/to/shared (default ../shared).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/scripts/java-opens.sh"
SHARED=${PHS:-../shared}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mvn -B -q -o -ntp -DskipTests package dependency:build-classpath -DincludeScope=compile \
  -Dmdep.outputFile=target/classpath.txt
mvn -B -q -o -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
BENCH_CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
LOG="-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties"

AE="$SHARED/refdata/nhs_timeseries/england_icb_accidents_emergency.csv"
if [ -f "$AE" ]; then
  # "E54000040",25706,...,"April 2022" -> E54000040,2022-04,25706
  awk -F, 'BEGIN { split("January February March April May June July August September October November December", n, " ");
                   for (i = 1; i <= 12; i++) m[n[i]] = sprintf("%02d", i); print "series_id,month,value" }
           NR > 1 { gsub(/"/, ""); split($NF, d, " "); print $1 "," d[2] "-" m[d[1]] "," $2 }' "$AE" > "$WORK/ae.csv"
  echo "A&E by ICB: $(($(wc -l < "$WORK/ae.csv") - 1)) rows -> forecast sub-command (horizon 12)"
  start=$(date +%s)
  "$ROOT/scripts/pophealth" forecast --series "$WORK/ae.csv" --out "$WORK/out" --horizon 12
  echo "forecast sub-command: $(( $(date +%s) - start )) s wall (JVM start included)"
  java -Xmx2g $SPARK_JAVA_OPENS $LOG -cp "$BENCH_CP" uk.pophealth.bench.ForecastProductBench accuracy "$WORK/out"
else
  echo "A&E accuracy skipped: $AE is absent"
fi
java -Xmx3g $SPARK_JAVA_OPENS $LOG -cp "$BENCH_CP" uk.pophealth.bench.ForecastProductBench timing \
  "${PLACES:-200}" "${ACTIVITIES:-15}" "${MONTHS:-48}"
