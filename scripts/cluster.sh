#!/usr/bin/env bash
# A real Spark standalone cluster on this machine (loopback only) for tests and demos: one master and two
# workers started from the Spark jars Maven resolved (target/classpath.txt from scripts/build.sh), and the
# project's jar submitted to it through Spark's own SparkSubmit (client mode).
#
#   scripts/cluster.sh start              start master + 2 workers; waits until both workers registered
#   scripts/cluster.sh status             print master URL, UIs and every process; exit 0 only if all are up
#   scripts/cluster.sh submit ARGS...     run the shaded jar on the cluster: ARGS are a pophealth command line,
#                                         e.g. submit run --config data/job.yaml --out out/cluster
#                                         (Spark settings: SPARK_SUBMIT_OPTS="--conf k=v ..." before ARGS)
#   scripts/cluster.sh stop               stop exactly what start/submit started (by process id), executors too
#
# Environment (all optional):
#   POPHEALTH_CLUSTER_DIR   run directory: pids/, logs/, spark-home/, work/, events/  (default target/cluster)
#   POPHEALTH_WORKERS       number of workers (default 2)
#   POPHEALTH_WORKER_CORES  cores per worker (default 1)       POPHEALTH_WORKER_MEMORY  per worker (default 2g)
#   POPHEALTH_DAEMON_MEMORY heap of master/worker JVMs (default 512m)
#   POPHEALTH_DRIVER_MEMORY driver heap for submit (default 2g)
#   POPHEALTH_JAR           jar to submit (default target/pophealth-spark-*.jar)
#   SPARK_SUBMIT_OPTS       extra SparkSubmit options for submit, e.g. "--conf spark.sql.shuffle.partitions=4"
#
# Every process started carries -Dpophealth.cluster.dir=<run dir> on its command line; stop and status only
# ever act on a recorded pid whose command line still carries that marker (no pkill, no pid reuse accidents).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/java-opens.sh"
export SPARK_LOCAL_IP=127.0.0.1
RUN=${POPHEALTH_CLUSTER_DIR:-$ROOT/target/cluster}
mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
PIDS=$RUN/pids
LOGS=$RUN/logs
HOME_DIR=$RUN/spark-home
STATE=$RUN/cluster.env
MARKER="-Dpophealth.cluster.dir=$RUN"
WORKERS=${POPHEALTH_WORKERS:-2}

die() { echo "cluster.sh: $*" >&2; exit 1; }

# A pid recorded in FILE that is alive and still one of ours (its command line carries the marker).
live_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$MARKER" || return 1
  echo "$pid"
}

# A free TCP port on loopback: nothing answers a connect and no socket is bound on it (bash only, no python).
free_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$((20000 + RANDOM % 40000))
    tries=$((tries + 1))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
        && ! ss -Htan 2>/dev/null | awk '{print $4}' | grep -q ":$port\$"; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found on 127.0.0.1"
}

# SPARK_HOME for workers: its jars/ links the Spark jars Maven resolved. The worker builds each executor's
# classpath from $SPARK_HOME/jars (and needs SPARK_SCALA_VERSION, as a Maven layout has no build dirs).
prepare_spark_home() {
  local cp=$ROOT/target/classpath.txt jar
  if [ ! -f "$cp" ] || [ -z "$(ls "$ROOT"/target/pophealth-spark-*.jar 2>/dev/null)" ]; then
    "$ROOT/scripts/build.sh"
  fi
  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR/jars" "$HOME_DIR/conf"
  # One jar per line, and a final newline so that read sees the last one too.
  { tr ':' '\n' < "$cp"; echo; } | while read -r jar; do
    if [ -n "$jar" ]; then
      ln -s "$jar" "$HOME_DIR/jars/$(basename "$jar")"
    fi
  done
  ls "$HOME_DIR"/jars/spark-core_2.12-*.jar >/dev/null 2>&1 || die "no spark-core jar in $cp"
}

daemon_env() {
  export SPARK_HOME=$HOME_DIR SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
  export SPARK_LOG_DIR=$LOGS SPARK_CONF_DIR=$HOME_DIR/conf
}

# Starts one daemon in its own session (so a terminal ^C does not reach it), records its pid.
launch() {
  local name=$1 && shift
  # setsid: own process group; stdout/stderr to the log; stdin closed.
  setsid java -Xmx"${POPHEALTH_DAEMON_MEMORY:-512m}" $SPARK_JAVA_OPENS "$MARKER" \
    -cp "$HOME_DIR/jars/*" "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

wait_for_log() {
  local log=$1 pattern=$2 what=$3 pidfile=$4 i
  for i in $(seq 1 120); do
    grep -qE -- "$pattern" "$log" 2>/dev/null && return 0
    live_pid "$pidfile" >/dev/null || die "$what died while starting; see $log"
    sleep 0.5
  done
  die "$what did not become ready in 60 s; see $log"
}

cmd_start() {
  if live_pid "$PIDS/master.pid" >/dev/null; then
    die "a cluster is already running from $RUN (scripts/cluster.sh stop first)"
  fi
  rm -rf "$PIDS" "$LOGS" "$RUN/work"
  mkdir -p "$PIDS" "$LOGS" "$RUN/work" "$RUN/events"
  trap 'echo "cluster.sh: start failed; stopping what was started" >&2; cmd_stop >&2' EXIT
  trap 'exit 130' INT TERM
  prepare_spark_home
  daemon_env
  local master_port ui_port n
  master_port=$(free_port)
  ui_port=$(free_port)
  [ "$master_port" != "$ui_port" ] || ui_port=$(free_port)
  launch master org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$master_port" --webui-port "$ui_port"
  wait_for_log "$LOGS/master.log" "I have been elected leader|Starting Spark master" master "$PIDS/master.pid"
  for n in $(seq 1 "$WORKERS"); do
    mkdir -p "$RUN/work/worker-$n"
    launch "worker-$n" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --port 0 --webui-port 0 \
      --cores "${POPHEALTH_WORKER_CORES:-1}" --memory "${POPHEALTH_WORKER_MEMORY:-2g}" \
      --work-dir "$RUN/work/worker-$n" "spark://127.0.0.1:$master_port"
  done
  for n in $(seq 1 "$WORKERS"); do
    wait_for_log "$LOGS/worker-$n.log" "Successfully registered with master" "worker-$n" "$PIDS/worker-$n.pid"
  done
  cat > "$STATE" <<EOF
MASTER_URL=spark://127.0.0.1:$master_port
MASTER_UI=http://127.0.0.1:$ui_port
EOF
  trap - EXIT INT TERM
  echo "Spark standalone cluster up: spark://127.0.0.1:$master_port (UI http://127.0.0.1:$ui_port), $WORKERS workers"
  echo "Run dir: $RUN (logs in $LOGS)"
}

# Executor JVMs are children of their worker's JVM.
children_of() {
  pgrep -P "$1" 2>/dev/null || true
}

# Stops one recorded process (children first), TERM then KILL after 10 s.
stop_one() {
  local file=$1 pid kids k i
  pid=$(live_pid "$file") || { rm -f "$file"; return 0; }
  kids=$(children_of "$pid")
  kill -TERM $kids "$pid" 2>/dev/null || true
  for i in $(seq 1 20); do
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  for k in $kids "$pid"; do
    if kill -0 "$k" 2>/dev/null; then
      echo "cluster.sh: killing $k (did not stop on TERM)" >&2
      kill -KILL "$k" 2>/dev/null || true
    fi
  done
  rm -f "$file"
}

cmd_stop() {
  local file
  [ -d "$PIDS" ] || { echo "No cluster recorded in $RUN"; return 0; }
  # Drivers submitted through this script first, then workers (with their executors), then the master.
  for file in "$PIDS"/driver-*.pid "$PIDS"/worker-*.pid "$PIDS"/master.pid; do
    [ -e "$file" ] && stop_one "$file"
  done
  rm -f "$STATE"
  echo "Stopped the cluster in $RUN"
}

cmd_status() {
  local file name pid up=0 down=0 alive
  if [ -f "$STATE" ]; then
    cat "$STATE"
  fi
  for file in "$PIDS"/master.pid "$PIDS"/worker-*.pid "$PIDS"/driver-*.pid; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .pid)
    if pid=$(live_pid "$file"); then
      echo "$name: running (pid $pid; children: $(children_of "$pid" | tr '\n' ' '))"
      [[ $name == driver-* ]] || up=$((up + 1))
    else
      echo "$name: not running"
      [[ $name == driver-* ]] || down=$((down + 1))
    fi
  done
  if [ -f "$STATE" ] && command -v curl >/dev/null; then
    . "$STATE"
    alive=$(curl -fsS "$MASTER_UI/json/" 2>/dev/null | grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$' || true)
    echo "alive workers (master's view): ${alive:-unknown}"
  fi
  [ $up -gt 0 ] && [ $down -eq 0 ]
}

cmd_submit() {
  [ -f "$STATE" ] || die "no cluster running from $RUN (scripts/cluster.sh start)"
  . "$STATE"
  local jar=${POPHEALTH_JAR:-$(ls "$ROOT"/target/pophealth-spark-*.jar 2>/dev/null | grep -v original | head -1)}
  [ -n "$jar" ] && [ -f "$jar" ] || die "no jar to submit (scripts/build.sh)"
  local file
  for file in "$PIDS"/driver-*.pid; do
    [ -e "$file" ] && { live_pid "$file" >/dev/null || rm -f "$file"; }
  done
  echo $$ > "$PIDS/driver-$$.pid"
  # Client mode: this JVM is the driver; SparkSubmit runs the jar's manifest main class in it. No launcher
  # script adds the Java 17 module flags, so they are given here. exec keeps the pid recorded above.
  # shellcheck disable=SC2086
  exec java -Xmx"${POPHEALTH_DRIVER_MEMORY:-2g}" $SPARK_JAVA_OPENS "$MARKER" \
    -Dlog4j2.configurationFile="${POPHEALTH_LOG4J:-$ROOT/conf/log4j2.properties}" \
    -cp "$HOME_DIR/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$MASTER_URL" --deploy-mode client \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$RUN/events" \
    --conf "spark.executor.extraJavaOptions=$SPARK_JIT_OPTS" \
    ${SPARK_SUBMIT_OPTS:-} "$jar" "$@"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  submit) shift; cmd_submit "$@" ;;
  *) echo "usage: scripts/cluster.sh start|stop|status|submit ARGS..." >&2; exit 2 ;;
esac
