#!/usr/bin/env bash
# Forecast benchmark (figures only, nothing asserted): on the real A&E type-1 series in ../shared/refdata
# (130 organisations, fit on 24 months, forecast 12) the mean/median MASE and 80%/95% coverage of the
# AUTO-chosen ETS model (seasonality pre-test, then AICc), seasonal naive, Theta and drift, and whether the issue's
# two criteria (MASE below seasonal naive; 95% coverage in [0.90, 0.98]) are met; the same 24/12 design on the
# trust A&E series of 2021-2025 (healthyr; other trusts and years) at five origins; then the CPU time to fit one
# 48-month series on one thread. Works offline from a fresh clone once Maven's cache holds the dependencies (drop -o otherwise).
# Options: --with-backtest-choice adds AUTO with backtest-based model choice; --timing-only skips the table;
# --empirical-intervals prints only the study of intervals from empirical in-sample multi-step errors;
# --diffuse-intervals only the study of intervals with diffuse initial states.
# Set PHS=/path/to/shared to point at another shared folder (default ../shared).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -ntp test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt
java -Xmx1g -XX:ActiveProcessorCount=1 -Dpophealth.shared="${PHS:-../shared}" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  uk.pophealth.bench.ForecastBench "$@"
