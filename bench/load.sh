#!/usr/bin/env bash
# Issue 17's load run against the cluster of bench/cluster.sh (start it first; NODES=1 for the one-node run):
# N counter officers signed in through its load balancer, 80 % slot searches, 10 % bookings, 10 % reads and
# changes, a warm-up and then a fixed measured window; heap after a full GC on each node and /metrics deltas
# before and after. sg.linkup.bench.ClusterLoad (test sources) does the work and says what exactly.
#
#   bench/load.sh                       48 officers, 120 s warm-up, 600 s measured
#   LOAD_SECONDS=60 bench/load.sh       a short run while developing
#
# Environment: CLUSTER_STATE (as for cluster.sh), LOAD_COUNTERS=48, LOAD_SECONDS=600, LOAD_WARMUP=120,
# LOAD_THINK_MS=0 (closed loop), LOAD_OUT=target/bench/load-<N>node.txt. The first run on a fresh database writes
# the data set by JDBC (1–4 minutes); later runs reuse it, with the bookings earlier runs added.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${CLUSTER_STATE:-$ROOT/target/cluster}

cd "$ROOT"
[[ -f "$STATE/ports" ]] || { echo "no $STATE/ports: bench/cluster.sh start first" >&2; exit 1; }
NODES=$(sed -n 's/^NODES=//p' "$STATE/ports")
NODES=${NODES:-2}
MVN_ARGS=${MVN_ARGS:--o}
# The driver and the benchmark classes it reuses live in the test sources; their class path is Maven's.
mvn -B -q $MVN_ARGS test-compile
CLASSPATH_FILE=target/load-classpath.txt
if [[ ! -s $CLASSPATH_FILE || pom.xml -nt $CLASSPATH_FILE ]]; then
    mvn -B -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
fi

echo "uptime before: $(uptime)"
# The host name check is off for the nodes' self-signed certificates (their /metrics is on HTTPS, see cluster.sh).
java -Xmx512m -Duser.timezone=UTC -Djdk.internal.httpclient.disableHostnameVerification=true \
    -Dload.state="$STATE" \
    -Dload.counters="${LOAD_COUNTERS:-48}" \
    -Dload.seconds="${LOAD_SECONDS:-600}" \
    -Dload.warmup="${LOAD_WARMUP:-120}" \
    -Dload.think-ms="${LOAD_THINK_MS:-0}" \
    -Dload.out="${LOAD_OUT:-target/bench/load-${NODES}node.txt}" \
    -cp "target/test-classes:$(cat "$CLASSPATH_FILE")" sg.linkup.bench.ClusterLoad
echo "uptime after: $(uptime)"
