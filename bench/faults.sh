#!/usr/bin/env bash
# Faults against the two-node cluster of bench/cluster.sh (start it first). Each step prints what it saw and
# exits non-zero when the system did not hold.
#
#   bench/faults.sh double-booking   issue 17, fault 1: 32 concurrent bookings of one slot, 16 straight to each
#                                    node -> exactly one 201, and SQL finds no overlap in occupancy
#   bench/faults.sh sessions         sign in through the load balancer, 20 requests spread over both nodes
#                                    (X-Linkup-Node), CSRF still refused without its token, kill -9 one node,
#                                    and the same session keeps working on the other; the idle limit still
#                                    signs out (checked when the nodes run with IDLE_MINUTES<=2)
#   bench/faults.sh db-restart       issue 17, fault 4: steady traffic (slot searches, bookings, reads) while
#                                    MariaDB is stopped (kill -9; DB_STOP_SIGNAL=TERM for a clean shutdown) for
#                                    DB_DOWN_SECONDS (15) and started again -> only 503 problem+json meanwhile,
#                                    no answer slower than DB_ANSWER_SECONDS (15), /health/ready DOWN then UP on
#                                    both nodes, the pools reconnect, every booking answered 201 is in the database
#   bench/faults.sh reminders        issue 17, fault 2: 1,000 bookings through the API, their 24-hour reminders
#                                    made due at once (SQL), kill -9 node1 mid-stream; node2 sends the rest and
#                                    takes node1's over after the lease; counted at the fake Twilio: due, sent,
#                                    sent twice, never sent, time to drain; node1 restarted at the end
#   bench/faults.sh bookings         issue 17, fault 3: 400 bookings (a quarter as hold + book) through the LB
#                                    and straight to each node, kill -9 one node mid-burst (VICTIM=1|2, default 1),
#                                    clients retry with the same Idempotency-Key; then by SQL: every 2xx booking
#                                    exists, no orphan client/ledger row, holds left only as lapsing ones; the
#                                    node restarts, rejoins the data grid and serves
#   bench/faults.sh sweeps           issue 17, fault 5: both nodes' reminder, no-show and waitlist sweeps over
#                                    600 due reminders, 600 past sessions (SWEEP_BOOKINGS) and 30 waitlist
#                                    entries for 24 freed slots; each booking reminded / marked / offered exactly
#                                    once (SQL, audit, the fake Twilio)
#
# reminders and sweeps need the cluster started with FAKE_PROVIDERS=1; sweeps wants short sweep intervals:
#   FAKE_PROVIDERS=1 NODE_OPTS="-Dlinkup.booking.no-show-sweep-seconds=2 -Dlinkup.waitlist.sweep-seconds=2" \
#       bench/cluster.sh start
#
# Needs curl and jq. Reads ports and the bench admin's password from target/cluster/ (cluster.sh's state).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${CLUSTER_STATE:-$ROOT/target/cluster}
[[ -f "$STATE/ports" ]] || { echo "no $STATE/ports: bench/cluster.sh start first" >&2; exit 1; }
# shellcheck source=/dev/null
source "$STATE/ports"
ADMIN="bench-admin:$(cat "$STATE/admin-password")"
LB=http://127.0.0.1:$LB_PORT
WORK=$(mktemp -d -t linkup-faults.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

# POST as the bench admin (Basic: no session, no CSRF token needed); prints the new id.
create() {
    local base=$1 path=$2 body=$3 reply status
    reply=$(curl -s -w '\n%{http_code}' -u "$ADMIN" -H 'Content-Type: application/json' -d "$body" "$base/$path")
    status=${reply##*$'\n'}
    [[ $status == 201 ]] || fail "POST $path answered $status: ${reply%$'\n'*}"
    jq -r .id <<<"${reply%$'\n'*}"
}

sql() {
    "$STATE/mariadb/base/bin/mariadb" --no-defaults --skip-ssl -h 127.0.0.1 -P "$DB_PORT" -u root -N -B linkup -e "$1"
}

# A weekday 8+ days ahead (Asia/Singapore) that is no public holiday.
working_day() {
    local day holidays
    day=$(TZ=Asia/Singapore date -d '+8 days' +%F)
    holidays=$(curl -s -u "$ADMIN" "$LB/api/holidays?year=${day:0:4}")$(curl -s -u "$ADMIN" "$LB/api/holidays?year=$((${day:0:4} + 1))")
    while [[ $(date -d "$day" +%u) -gt 5 || $holidays == *"$day"* ]]; do
        day=$(date -d "$day +1 day" +%F)
    done
    echo "$day"
}

double_booking() {
    local code day office room agency service advisor start
    code=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
    day=$(working_day)
    echo "== fault 1: 32 concurrent bookings of one slot on $day 09:00 SGT, 16 to node1 ($NODE1_PORT), 16 to node2 ($NODE2_PORT)"
    office=$(create "$LB" api/offices "$(jq -nc --arg code "F1-$code" '{code:$code,name:"SSO@Fault1",
        address:"1 Tampines Walk",postalCode:"528523",latitude:1.3521,longitude:103.9448,
        openingHours:[("MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY")|{day:.,opens:"08:30",closes:"17:30"}]}')")
    room=$(create "$LB" api/rooms "{\"officeId\":$office,\"name\":\"Interview 1\",\"kind\":\"INTERVIEW_ROOM\"}")
    agency=$(create "$LB" api/agencies "{\"code\":\"AG-$code\",\"name\":\"Agency $code\",\"domain\":\"EMPLOYMENT\",
        \"baseAddress\":\"1 Agency Road\",\"baseLatitude\":1.2966,\"baseLongitude\":103.8520}")
    service=$(create "$LB" api/services "{\"agencyId\":$agency,\"code\":\"SVC-$code\",
        \"name\":{\"en\":\"Career coaching\",\"zh\":\"职业辅导\",\"ms\":\"Bimbingan kerjaya\",\"ta\":\"தொழில் வழிகாட்டல்\"},
        \"durationMinutes\":45,\"allowedModes\":[\"IN_PERSON\"],\"bufferBeforeMinutes\":0,\"bufferAfterMinutes\":15,
        \"minNoticeMinutes\":120,\"horizonDays\":60}")
    advisor=$(create "$LB" api/advisors "{\"agencyId\":$agency,\"displayName\":\"Advisor\",
        \"email\":\"f1-${code,,}@example.org\",\"languages\":[\"EN\"],\"serviceIds\":[$service]}")
    local byday
    byday=$(LC_ALL=C date -d "$day" +%a | cut -c1-2 | tr a-z A-Z)
    create "$LB" "api/advisors/$advisor/rules" "{\"rrule\":\"FREQ=WEEKLY;BYDAY=$byday\",\"startTime\":\"09:00\",
        \"endTime\":\"12:00\",\"validFrom\":\"$(TZ=Asia/Singapore date +%F)\",\"officeId\":$office,
        \"modes\":[\"IN_PERSON\"]}" >/dev/null
    for i in $(seq 0 31); do
        create "$LB" api/clients "{\"name\":\"Client $i\",\"mobile\":\"9$((RANDOM % 9))$(printf '%06d' $((RANDOM * 30 % 1000000)))\",
            \"preferredLanguage\":\"EN\",\"smsConsent\":false,\"officeId\":$office}" >"$WORK/client.$i"
    done
    start="${day}T09:00+08:00"

    # Every request waits for the same start signal (a file appearing) so that all 32 leave together.
    for i in $(seq 0 31); do
        local port=$NODE1_PORT
        ((i % 2)) && port=$NODE2_PORT
        (
            until [[ -f $WORK/go ]]; do sleep 0.02; done
            curl -s -o "$WORK/body.$i" -w '%{http_code}' -u "$ADMIN" -H 'Content-Type: application/json' \
                -d "{\"serviceId\":$service,\"officeId\":$office,\"mode\":\"IN_PERSON\",\"start\":\"$start\",
                     \"advisorId\":$advisor,\"roomId\":$room,\"clientId\":$(cat "$WORK/client.$i")}" \
                "http://127.0.0.1:$port/api/bookings" >"$WORK/status.$i"
            echo "node$((i % 2 + 1))" >"$WORK/node.$i"
        ) &
    done
    sleep 1
    touch "$WORK/go"
    wait

    local created=0 conflicts=0 other=0
    for i in $(seq 0 31); do
        case $(cat "$WORK/status.$i") in
            201) created=$((created + 1)); echo "  201 from $(cat "$WORK/node.$i"): booking $(jq -r .id "$WORK/body.$i")" ;;
            409) conflicts=$((conflicts + 1)) ;;
            *) other=$((other + 1)); echo "  $(cat "$WORK/status.$i") from $(cat "$WORK/node.$i"): $(head -c 300 "$WORK/body.$i")" ;;
        esac
    done
    local per_node
    per_node=$(for i in $(seq 0 31); do echo "$(cat "$WORK/node.$i") $(cat "$WORK/status.$i")"; done | sort | uniq -c |
        awk '{printf "%s%s:%s×%s", sep, $2, $3, $1; sep=", "}')
    echo "  answers: $created × 201, $conflicts × 409, $other other   (per node: $per_node)"
    echo "  a 409 says: $(for i in $(seq 0 31); do [[ $(cat "$WORK/status.$i") == 409 ]] && { jq -c '{title,detail}' "$WORK/body.$i"; break; }; done)"
    local overlaps rows
    overlaps=$(sql "SELECT COUNT(*) FROM occupancy a JOIN occupancy b
          ON a.resource_kind = b.resource_kind AND a.resource_id = b.resource_id AND a.id < b.id
         AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
        WHERE (a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP(6))
          AND (b.expires_at IS NULL OR b.expires_at > UTC_TIMESTAMP(6))")
    rows=$(sql "SELECT CONCAT(COUNT(*), ' rows: ', GROUP_CONCAT(DISTINCT resource_kind ORDER BY resource_kind))
        FROM occupancy o JOIN booking b ON b.id = o.booking_id WHERE b.advisor_id = $advisor")
    echo "  SQL: overlapping live occupancy pairs in the whole ledger: $overlaps; this advisor's slot holds $rows"
    [[ $created == 1 && $other == 0 && $overlaps == 0 ]] || fail "expected exactly one 201, the rest 409, no overlap"
    echo "  held: exactly one booking, no overlap"
}

sessions() {
    local jar=$WORK/cookies csrf status node
    echo "== sessions survive the node: sign in through the load balancer ($LB)"
    csrf=$(curl -s -c "$jar" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench-admin\",\"password\":\"$(cat "$STATE/admin-password")\"}" "$LB/api/session" | jq -r .csrfToken)
    [[ -n "$csrf" && "$csrf" != null ]] || fail "sign-in gave no CSRF token"
    local office
    office=$(curl -s -u "$ADMIN" "$LB/api/offices" | jq -r 'if type == "array" then .[0].id else .items[0].id end')

    # One request through the LB with the session cookie; prints "status node".
    call() {
        local method=$1 path=$2 token=${3:-} body=${4:-}
        local args=(-s -o "$WORK/last" -D "$WORK/headers" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method")
        [[ -n "$token" ]] && args+=(-H "X-CSRF-Token: $token")
        [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' -d "$body")
        status=$(curl "${args[@]}" "$LB/$path")
        node=$(tr -d '\r' <"$WORK/headers" | sed -n 's/^[Xx]-[Ll]inkup-[Nn]ode: //p')
        echo "$status $node"
    }
    local seen="" line
    for i in $(seq 1 20); do
        if ((i % 3 == 0)); then
            # A state-changing request: the session's CSRF token must be accepted on whichever node answers.
            line=$(call POST api/clients "$csrf" "{\"name\":\"Session $i\",\"mobile\":\"9$((RANDOM % 9))$(printf '%06d' $((RANDOM * 30 % 1000000)))\",\"preferredLanguage\":\"EN\",\"smsConsent\":false,\"officeId\":$office}")
            [[ ${line%% *} == 201 ]] || fail "request $i (POST with CSRF) answered ${line}: $(head -c 300 "$WORK/last")"
        else
            line=$(call GET api/session)
            [[ ${line%% *} == 200 ]] || fail "request $i (GET /api/session) answered ${line}"
            [[ $(jq -r .username "$WORK/last") == bench-admin ]] || fail "request $i: not signed in as bench-admin"
        fi
        seen+="${line#* } "
        printf '  request %2d  %-4s -> %s\n' "$i" "$( ((i % 3 == 0)) && echo POST || echo GET)" "$line"
    done
    echo "  answered by: $(tr ' ' '\n' <<<"$seen" | grep . | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
    [[ $seen == *node1* && $seen == *node2* ]] || fail "the 20 requests did not land on both nodes"
    line=$(call POST api/clients "" '{}')
    echo "  POST without the CSRF token -> $line ($(jq -r .title "$WORK/last"))"
    [[ ${line%% *} == 403 ]] || fail "a POST without the CSRF token was not refused"

    local victim=node1
    local pid
    pid=$(cat "$STATE/$victim.pid")
    echo "== kill -9 $victim (pid $pid)"
    kill -9 "$pid"
    # Until the kernel has torn the process down its socket still accepts, and a request sent then gets a 502:
    # that is the request in flight at the kill, not the session. The step is about the session.
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$STATE/$victim.pid"
    for i in $(seq 1 10); do
        if ((i % 2 == 0)); then
            line=$(call POST api/clients "$csrf" "{\"name\":\"After $i\",\"mobile\":\"9$((RANDOM % 9))$(printf '%06d' $((RANDOM * 30 % 1000000)))\",\"preferredLanguage\":\"EN\",\"smsConsent\":false,\"officeId\":$office}")
            [[ ${line%% *} == 201 ]] || fail "after the kill, request $i (POST with CSRF) answered ${line}: $(head -c 300 "$WORK/last")"
        else
            line=$(call GET api/session)
            [[ ${line%% *} == 200 ]] || fail "after the kill, request $i answered ${line}: $(head -c 300 "$WORK/last")"
        fi
        printf '  after kill %2d -> %s\n' "$i" "$line"
    done
    echo "  held: still signed in, CSRF token still accepted, on node2 alone"

    local idle
    idle=$(curl -s "$LB/api/ui-settings" | jq -r .idleMinutes)
    if ((idle <= 2)); then
        echo "== idle limit ($idle min): no request for $((idle * 60 + 10)) s, then the session must be gone"
        sleep $((idle * 60 + 10))
        line=$(call GET api/session)
        echo "  after the idle limit -> $line"
        [[ ${line%% *} == 401 ]] || fail "the session outlived its idle limit"
    else
        echo "== idle limit is $idle min: start the cluster with IDLE_MINUTES=1 to check it here"
    fi
    echo "  node1 is down now: bench/cluster.sh start-node 1 brings it back"
}

# Issue 17, fault 4: the database restarts under traffic. Self-contained: its own catalogue, its own traffic loops,
# its own report. The stated bound on any answer: DB_ANSWER_SECONDS (15 s = the pool's 10 s max-wait for a free
# connection plus margin; with the database down a request fails at once, so most answers take milliseconds).
db_restart() {
    local down=${DB_DOWN_SECONDS:-15} signal=${DB_STOP_SIGNAL:-KILL} bound=${DB_ANSWER_SECONDS:-15}
    local max_time=30 code agency k
    code=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
    echo "== fault 4: database restart under traffic (SIG$signal, down ${down} s; stated bound on any answer: ${bound} s, curl gives up at ${max_time} s)"
    agency=$(create "$LB" api/agencies "{\"code\":\"F4-$code\",\"name\":\"Agency F4 $code\",\"domain\":\"EMPLOYMENT\",
        \"baseAddress\":\"1 Agency Road\",\"baseLatitude\":1.2966,\"baseLongitude\":103.8520}")
    # Two booking streams, each with its own office, room, service and advisor, so that they never compete for a
    # slot: every 409 would then be a fault, not the other stream's win.
    for k in 1 2; do
        local office room service advisor client
        office=$(create "$LB" api/offices "$(jq -nc --arg code "F4$k-$code" '{code:$code,name:("SSO@Fault4-" + $code),
            address:"1 Tampines Walk",postalCode:"528523",latitude:1.3521,longitude:103.9448,
            openingHours:[("MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY")|{day:.,opens:"08:30",closes:"17:30"}]}')")
        room=$(create "$LB" api/rooms "{\"officeId\":$office,\"name\":\"Interview 1\",\"kind\":\"INTERVIEW_ROOM\"}")
        service=$(create "$LB" api/services "{\"agencyId\":$agency,\"code\":\"F4$k-$code\",
            \"name\":{\"en\":\"Career coaching\",\"zh\":\"职业辅导\",\"ms\":\"Bimbingan kerjaya\",\"ta\":\"தொழில் வழிகாட்டல்\"},
            \"durationMinutes\":30,\"allowedModes\":[\"IN_PERSON\"],\"bufferBeforeMinutes\":0,\"bufferAfterMinutes\":0,
            \"minNoticeMinutes\":60,\"horizonDays\":90}")
        advisor=$(create "$LB" api/advisors "{\"agencyId\":$agency,\"displayName\":\"Advisor F4-$k\",
            \"email\":\"f4-$k-${code,,}@example.org\",\"languages\":[\"EN\"],\"serviceIds\":[$service]}")
        create "$LB" "api/advisors/$advisor/rules" "{\"rrule\":\"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\",\"startTime\":\"08:30\",
            \"endTime\":\"17:30\",\"validFrom\":\"$(TZ=Asia/Singapore date +%F)\",\"officeId\":$office,
            \"modes\":[\"IN_PERSON\"]}" >/dev/null
        client=$(create "$LB" api/clients "{\"name\":\"Fault Four $k\",\"mobile\":\"9$((RANDOM % 9))$(printf '%06d' $((RANDOM * 30 % 1000000)))\",
            \"preferredLanguage\":\"EN\",\"smsConsent\":false,\"officeId\":$office}")
        echo "$office $room $service $advisor $client" >"$WORK/stream.$k"
    done
    local advisors
    advisors=$(awk '{print $4}' "$WORK"/stream.* | paste -sd,)

    # One request, one line in $WORK/log: start time, stream, status, seconds, who answered (node1/node2 through
    # the LB's X-Linkup-Node, "lb" for HAProxy itself, or the node asked directly), and for every answer that is
    # not 2xx whether it is problem+json whose status matches (problem / NOT-problem) and its Retry-After.
    # The body is left in $WORK/body.<stream>.
    request() {
        local stream=$1 via=$2 url=$3 t0 out status seconds who ctype shape retry auth=(-u "$ADMIN")
        shift 3
        # The sign-in and the calendar feed go without Basic credentials: they would be checked (and fail) first.
        [[ $stream == signin || $stream == calendar ]] && auth=()
        : >"$WORK/body.$stream"
        : >"$WORK/headers.$stream"
        t0=$(date +%s.%N)
        out=$(curl -s -o "$WORK/body.$stream" -D "$WORK/headers.$stream" -w '%{http_code} %{time_total}' \
            --max-time "$max_time" "${auth[@]}" "$@" "$url") || true
        status=${out% *} seconds=${out#* }
        who=$(tr -d '\r' <"$WORK/headers.$stream" | sed -n 's/^[Xx]-[Ll]inkup-[Nn]ode: //p')
        [[ $via == lb ]] && who=${who:-lb} || who=$via
        ctype=$(tr -d '\r' <"$WORK/headers.$stream" | sed -n 's/^[Cc]ontent-[Tt]ype: //p' | cut -d';' -f1)
        retry=$(tr -d '\r' <"$WORK/headers.$stream" | sed -n 's/^[Rr]etry-[Aa]fter: //p')
        shape=-
        if [[ $status != 2* ]]; then
            shape=NOT-problem
            [[ $ctype == application/problem+json ]] && jq -e --argjson s "${status:-0}" \
                '(.type | startswith("urn:linkup:problem:")) and .status == $s' "$WORK/body.$stream" >/dev/null 2>&1 &&
                shape=problem
        fi
        echo "$t0 $stream $status $seconds $who $shape ${retry:--}" >>"$WORK/log"
        [[ $status == 2* ]]
    }
    # Steady traffic until $WORK/stop: per stream a slot search and the booking of what it found, reads, and a
    # read straight to each node (past the LB, which stops sending once both nodes say DOWN).
    book_stream() {
        local k=$1 office room service advisor client start id key body
        read -r office room service advisor client <"$WORK/stream.$k"
        while [[ ! -f $WORK/stop ]]; do
            if request "search$k" lb "$LB/api/slots?service=$service&office=$office&mode=IN_PERSON&limit=1"; then
                start=$(jq -r '.slots[0].start // empty' "$WORK/body.search$k")
                key=f4-$code-$k-$RANDOM$RANDOM
                body="{\"serviceId\":$service,\"officeId\":$office,\"mode\":\"IN_PERSON\",\"start\":\"$start\",\"clientId\":$client}"
                if [[ -n $start ]]; then
                    if request "book$k" lb "$LB/api/bookings" -H 'Content-Type: application/json' \
                            -H "Idempotency-Key: $key" -d "$body"; then
                        id=$(jq -r .id "$WORK/body.book$k")
                        echo "$id" >>"$WORK/booked"
                    else
                        # Not booked, as far as the caller knows: repeated with its key once the database is back.
                        echo "$key $body" >>"$WORK/unanswered"
                    fi
                fi
            fi
            sleep 0.2
        done
    }
    read_stream() {
        local office
        read -r office _ <"$WORK/stream.1"
        while [[ ! -f $WORK/stop ]]; do
            request read lb "$LB/api/bookings?advisor=${advisors%%,*}&size=5" || true
            sleep 0.2
            request read lb "$LB/api/offices/$office" || true
            sleep 0.2
        done
    }
    node_stream() {
        local n=$1 port_var=NODE${1}_PORT office
        read -r office _ <"$WORK/stream.1"
        while [[ ! -f $WORK/stop ]]; do
            request "direct$n" "node$n" "http://127.0.0.1:${!port_var}/api/offices/$office" || true
            sleep 0.3
        done
    }
    # /health/ready of each node every 0.5 s: "time node status".
    health_watch() {
        while [[ ! -f $WORK/stop ]]; do
            for n in 1 2; do
                local port_var=NODE${n}_PORT
                echo "$(date +%s.%N) node$n $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
                    "http://127.0.0.1:${!port_var}/health/ready")" >>"$WORK/health"
            done
            sleep 0.5
        done
    }
    ready_both() {
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$NODE1_PORT/health/ready") == 200 &&
            $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$NODE2_PORT/health/ready") == 200 ]]
    }

    : >"$WORK/log"
    : >"$WORK/health"
    : >"$WORK/booked"
    : >"$WORK/unanswered"
    local pids=()
    health_watch & pids+=($!)
    book_stream 1 & pids+=($!)
    book_stream 2 & pids+=($!)
    read_stream & pids+=($!)
    node_stream 1 & pids+=($!)
    node_stream 2 & pids+=($!)
    sleep "${DB_WARMUP_SECONDS:-15}"

    local t_stop t_gone t_start t_up t_ready deadline
    t_stop=$(date +%s.%N)
    CLUSTER_STATE=$STATE "$ROOT/bench/cluster.sh" stop-db "$signal" | sed 's/^/  /'
    t_gone=$(date +%s.%N)
    sleep "$((down / 2))"
    # Midway, the two ways in that do not pass JAX-RS's mapper first: a sign-in, and the calendar feed servlet.
    request signin node1 "http://127.0.0.1:$NODE1_PORT/api/session" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench-admin\",\"password\":\"$(cat "$STATE/admin-password")\"}" || true
    request calendar node2 "http://127.0.0.1:$NODE2_PORT/calendar/f4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics" || true
    sleep "$((down - down / 2))"
    t_start=$(date +%s.%N)
    CLUSTER_STATE=$STATE "$ROOT/bench/cluster.sh" start-db | sed 's/^/  /'
    t_up=$(date +%s.%N)
    deadline=$((SECONDS + 180))
    until ready_both; do
        ((SECONDS < deadline)) || { touch "$WORK/stop"; wait "${pids[@]}"; fail "the nodes were not both ready 180 s after the database came back"; }
        sleep 0.2
    done
    t_ready=$(date +%s.%N)
    sleep "${DB_AFTER_SECONDS:-15}"
    touch "$WORK/stop"
    wait "${pids[@]}"

    awk -v stop="$t_stop" -v gone="$t_gone" -v start="$t_start" -v up="$t_up" -v ready="$t_ready" 'BEGIN {
        printf "  t=0 signal sent, t=%.1f s process gone; t=%.1f s started again, t=%.1f s its port open; t=%.1f s both nodes ready\n",
            gone - stop, start - stop, up - stop, ready - stop }'
    echo "  answers by phase, stream and who answered (status, body, Retry-After × count):"
    # By when a request started. One that started before the process was gone may still have been answered by
    # it ("stopping"); "starting" runs from the launch until this script saw the port open (polled every second),
    # so the database may already answer late in it.
    awk -v stop="$t_stop" -v gone="$t_gone" -v start="$t_start" -v up="$t_up" -v ready="$t_ready" '
        { phase = $1 < stop ? "before" : $1 < gone ? "stopping" : $1 < start ? "database down" : $1 < up ? "starting" : $1 < ready ? "database back, a node not ready yet" : "after"
          order = $1 < stop ? 1 : $1 < gone ? 2 : $1 < start ? 3 : $1 < up ? 4 : $1 < ready ? 5 : 6
          stream = $2; sub(/[0-9]$/, "", stream)
          n[order " " phase "|" stream " via " $5 "|" $3 ($6 == "-" ? "" : " " $6) ($7 == "-" ? "" : " Retry-After: " $7)]++ }
        END { for (k in n) print k "|" n[k] }' "$WORK/log" | sort |
        awk -F'|' '{ if ($1 != last) { p = $1; sub(/^[0-9] /, "", p); print "    " p ":"; last = $1 }
                     printf "      %-18s %s × %s\n", $2, $3, $4 }'

    local total fivehundreds notproblem hung longest_line longest_outage
    total=$(wc -l <"$WORK/log")
    fivehundreds=$(awk '$3 == 500' "$WORK/log" | wc -l)
    notproblem=$(awk '$6 == "NOT-problem" && $3 != "000"' "$WORK/log" | wc -l)
    hung=$(awk '$3 == "000"' "$WORK/log" | wc -l)
    longest_line=$(sort -k4,4 -g "$WORK/log" | tail -1)
    echo "  $total requests: $fivehundreds × 500, $notproblem non-2xx without a problem+json body, $hung without an answer (none in ${max_time} s, or no connection)"
    awk -v stop="$t_stop" '{ printf "  longest: %.2f s (%s via %s answered %s at t=%.1f s)\n", $4, $2, $5, $3, $1 - stop }' <<<"$longest_line"
    awk -v gone="$t_gone" -v start="$t_start" '$1 >= gone && $1 < start { if ($4 > m) m = $4 } END { printf "  longest while the database was down: %.3f s\n", m }' "$WORK/log"
    # The bound is about the fault: from the signal until both nodes are ready again (before it, the machine's load
    # alone decides).
    longest_outage=$(awk -v stop="$t_stop" -v ready="$t_ready" '$1 >= stop && $1 < ready && $4 > m { m = $4 } END { print m + 0 }' "$WORK/log")
    echo "  longest from the signal until both nodes were ready: ${longest_outage} s (stated bound ${bound} s)"

    echo "  /health/ready per node (t relative to the stop):"
    local n verdict=ok
    for n in 1 2; do
        awk -v stop="$t_stop" -v up="$t_up" -v node="node$n" '
            $2 == node && $1 >= stop && down == "" && $3 != 200 { down = $1 - stop; dstatus = $3 }
            $2 == node && down != "" && $1 >= up && back == "" && $3 == 200 { back = $1 - stop }
            END { printf "    %s: DOWN (%s) at t=%s s, UP again at t=%s s\n", node, dstatus == "" ? "-" : dstatus,
                      down == "" ? "never" : sprintf("%.1f", down), back == "" ? "never" : sprintf("%.1f", back)
                  if (down == "" || back == "") exit 1 }' "$WORK/health" || verdict=health
    done
    echo "  recovery after the database's port opened (first 2xx per stream):"
    awk -v up="$t_up" '$1 >= up && $3 ~ /^2/ { s = $2; sub(/[0-9]$/, "", s); if (!(s in first)) first[s] = $1 - up }
        END { for (s in first) printf "    %-8s %.1f s\n", s, first[s] }' "$WORK/log" | sort

    # What a careful client does with a booking that got no 201: repeat it with the same Idempotency-Key. 200 says
    # the first attempt had been saved after all (its answer was cut off), 201 that it had not and is booked now.
    local key body reply replies=""
    while read -r key body; do
        reply=$(curl -s -o "$WORK/replay" -w '%{http_code}' --max-time "$max_time" -u "$ADMIN" \
            -H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body" "$LB/api/bookings") || true
        replies+="$reply "
        [[ $reply == 20[01] ]] && jq -r .id "$WORK/replay" >>"$WORK/booked"
    done <"$WORK/unanswered"
    echo "  bookings without a 201, repeated with their Idempotency-Key: $(wc -l <"$WORK/unanswered")$( [[ -n $replies ]] &&
        echo " -> $(tr ' ' '\n' <<<"$replies" | grep . | sort | uniq -c | awk '{printf "%s%s × %s", sep, $2, $1; sep=", "}')") (200: it had been saved; 201: booked now; 409: slot taken since)"

    local booked missing extra in_db
    booked=$(sort -n "$WORK/booked" | paste -sd,)
    [[ -n $booked ]] || fail "no booking got a 201"
    in_db=$(sql "SELECT id FROM booking WHERE advisor_id IN ($advisors) AND status = 'BOOKED' ORDER BY id" | paste -sd,)
    missing=$(comm -23 <(tr , '\n' <<<"$booked" | sort -u) <(tr , '\n' <<<"$in_db" | sort -u) | paste -sd,)
    extra=$(comm -13 <(tr , '\n' <<<"$booked" | sort -u) <(tr , '\n' <<<"$in_db" | sort -u) | paste -sd,)
    echo "  bookings: $(tr , '\n' <<<"$booked" | sort -u | wc -l) answered 201 (or 200 to a repeat); all of them in the database: $([[ -z $missing ]] && echo yes || echo "NO, missing $missing")"
    echo "  booked in the database with no 201 or 200 for it: ${extra:-none}"

    # Kept for a closer look: one line per request (start, stream, status, seconds, who, body, Retry-After).
    cp "$WORK/log" "$STATE/db-restart.requests"
    cp "$WORK/health" "$STATE/db-restart.health"
    [[ $fivehundreds == 0 ]] || fail "$fivehundreds answers were 500"
    [[ $notproblem == 0 ]] || fail "$notproblem error answers were not problem+json"
    [[ $hung == 0 ]] || fail "$hung requests got no answer"
    awk -v l="$longest_outage" -v b="$bound" 'BEGIN { exit !(l <= b) }' || fail "an answer took ${longest_outage} s, over the stated ${bound} s"
    [[ $verdict == ok ]] || fail "a node's /health/ready did not go DOWN and then UP"
    [[ -z $missing ]] || fail "bookings answered 201 are missing: $missing"
    echo "  held: only 503 problem+json while it was down, readiness DOWN then UP, the pools reconnected, no 201 lost"
}

# ---- faults 2, 3 and 5 (issue 17). Helpers are prefixed fk_; each fault is one function.

fk_need_fakes() {
    [[ -n ${FAKE_CONTROL_PORT:-} ]] && curl -sf "http://127.0.0.1:$FAKE_CONTROL_PORT/stats" >/dev/null ||
        fail "no fake Twilio: start the cluster with FAKE_PROVIDERS=1 (bench/cluster.sh)"
}

fk_stat() {
    curl -sf "http://127.0.0.1:$FAKE_CONTROL_PORT/stats" | jq -r ".$1"
}

# The texts the fake took from the $1-th on, one JSON object a line ({i, sid, to, body, created}).
fk_accepted_since() {
    curl -sf "http://127.0.0.1:$FAKE_CONTROL_PORT/accepted?from=$1"
}

fk_seconds_since() {
    awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}

fk_code() {
    head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F
}

# $1 working days (Mon-Fri, no public holiday) from 8 days ahead on (Asia/Singapore), after skipping $2 of them.
fk_working_days() {
    local want=$1 skip=${2:-0} day holidays found=()
    day=$(TZ=Asia/Singapore date -d '+8 days' +%F)
    holidays=$(curl -s -u "$ADMIN" "$LB/api/holidays?year=${day:0:4}")$(curl -s -u "$ADMIN" "$LB/api/holidays?year=$((${day:0:4} + 1))")
    while ((${#found[@]} < want + skip)); do
        if [[ $(date -d "$day" +%u) -le 5 && $holidays != *"$day"* ]]; then
            found+=("$day")
        fi
        day=$(date -d "$day +1 day" +%F)
    done
    echo "${found[@]:$skip}"
}

# An office, an agency, a 30-minute in-person service and $2 advisors, each with a room of their own and
# availability from 09:00 to $6 (default 17:00) by the rule $3 (default every weekday), $4/$5 its first and last
# day. Sets FK_OFFICE, FK_SERVICE, FK_ADVISORS and FK_ROOMS (arrays, advisor i uses room i) and FK_ADVISOR_LIST.
fk_catalogue() {
    local tag=$1 count=$2 rrule=${3:-FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR} from=${4:-$(TZ=Asia/Singapore date +%F)} until=${5:-}
    local ends=${6:-17:00}
    local agency advisor room i
    FK_OFFICE=$(create "$LB" api/offices "$(jq -nc --arg code "$tag" '{code:$code,name:("SSO@" + $code),
        address:"1 Tampines Walk",postalCode:"528523",latitude:1.3521,longitude:103.9448,
        openingHours:[("MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY")|{day:.,opens:"08:30",closes:"17:30"}]}')")
    agency=$(create "$LB" api/agencies "{\"code\":\"AG-$tag\",\"name\":\"Agency $tag\",\"domain\":\"EMPLOYMENT\",
        \"baseAddress\":\"1 Agency Road\",\"baseLatitude\":1.2966,\"baseLongitude\":103.8520}")
    FK_SERVICE=$(create "$LB" api/services "{\"agencyId\":$agency,\"code\":\"SVC-$tag\",
        \"name\":{\"en\":\"Career coaching\",\"zh\":\"职业辅导\",\"ms\":\"Bimbingan kerjaya\",\"ta\":\"தொழில் வழிகாட்டல்\"},
        \"durationMinutes\":30,\"allowedModes\":[\"IN_PERSON\"],\"bufferBeforeMinutes\":0,\"bufferAfterMinutes\":0,
        \"minNoticeMinutes\":120,\"horizonDays\":60}")
    FK_ADVISORS=()
    FK_ROOMS=()
    for i in $(seq 1 "$count"); do
        room=$(create "$LB" api/rooms "{\"officeId\":$FK_OFFICE,\"name\":\"Interview $i\",\"kind\":\"INTERVIEW_ROOM\"}")
        advisor=$(create "$LB" api/advisors "{\"agencyId\":$agency,\"displayName\":\"Advisor $i\",
            \"email\":\"${tag,,}-$i@example.org\",\"languages\":[\"EN\"],\"serviceIds\":[$FK_SERVICE]}")
        create "$LB" "api/advisors/$advisor/rules" "$(jq -nc --arg rrule "$rrule" --arg from "$from" \
            --arg until "$until" --arg ends "$ends" --argjson office "$FK_OFFICE" '{rrule:$rrule,startTime:"09:00",endTime:$ends,
            validFrom:$from,officeId:$office,modes:["IN_PERSON"]} + (if $until == "" then {} else {validUntil:$until} end)')" \
            >/dev/null
        FK_ADVISORS+=("$advisor")
        FK_ROOMS+=("$room")
    done
    FK_ADVISOR_LIST=$(IFS=,; echo "${FK_ADVISORS[*]}")
}

# Writes request $2 into directory $1: a booking of advisor/room index $3 at $4 (e.g. 2027-01-05T09:00+08:00)
# for a new client (name $5, mobile $6, SMS consent $7), sent first to $8 (a base URL) with an Idempotency-Key;
# "hold" as $9 makes it a hold and then a booking of that hold.
fk_request() {
    local dir=$1 n=$2 index=$3 start=$4 name=$5 mobile=$6 consent=$7 base=$8 kind=${9:-book} client=null
    if [[ $kind == hold ]]; then
        # A hold is for a registered client (no inline registration): registered now, before the burst.
        client=$(create "$LB" api/clients "$(jq -nc --arg name "${name/client/holder}" --arg mobile "$mobile" \
            --argjson consent "$consent" --argjson office "$FK_OFFICE" \
            '{name:$name,mobile:$mobile,preferredLanguage:"EN",smsConsent:$consent,officeId:$office}')")
    fi
    # Built with printf, not jq: a thousand of these on a busy machine, and every value here is plain text.
    local who
    if [[ $client == null ]]; then
        printf -v who '"client":{"name":"%s","mobile":"%s","preferredLanguage":"EN","smsConsent":%s,"officeId":%s}' \
            "$name" "$mobile" "$consent" "$FK_OFFICE"
    else
        who="\"clientId\":$client"
    fi
    printf '{"serviceId":%s,"officeId":%s,"mode":"IN_PERSON","start":"%s","advisorId":%s,"roomId":%s,%s}\n' \
        "$FK_SERVICE" "$FK_OFFICE" "$start" "${FK_ADVISORS[$index]}" "${FK_ROOMS[$index]}" "$who" >"$dir/$n.json"
    echo "$base" >"$dir/$n.base"
    echo "$kind" >"$dir/$n.kind"
    local key
    read -r key </proc/sys/kernel/random/uuid
    echo "$key" >"$dir/$n.key"
}

# Sends every request prepared in $1 (fk_request), $2 at a time, and waits for them. Each answer goes to N.out:
# "first-status final-status retries booking-id answered-by hold-id" (the statuses of the booking request; the
# retries of the hold's and the booking's requests together). A request that got no answer (000) or a
# 502/503/504 is sent again through the load balancer with the same Idempotency-Key, as a client would (up to 5
# attempts, 1 s apart).
fk_send_all() {
    local dir=$1 parallel=$2
    cat >"$dir/send.sh" <<'EOF'
#!/usr/bin/env bash
dir=$1 n=$2 admin=$3 lb=$4 node1=$5 node2=$6
base=$(cat "$dir/$n.base")
key=$(cat "$dir/$n.key")
retries=0
# call PATH BODY KEY: sets first, status, id, by
call() {
    local path=$1 body=$2 key=$3 attempts=0
    first=""
    while :; do
        attempts=$((attempts + 1))
        status=$(curl -s --max-time 60 -o "$dir/$n.body" -D "$dir/$n.headers" -w '%{http_code}' -u "$admin" \
            -H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body" "$base/$path")
        [[ -z $first ]] && first=$status
        case $status in
            000 | 502 | 503 | 504) ((attempts < 5)) || break; retries=$((retries + 1)); sleep 1; base=$lb ;;
            *) break ;;
        esac
    done
    id=$(jq -r '.id // empty' "$dir/$n.body" 2>/dev/null)
    case $base in
        "$lb") by=$(tr -d '\r' <"$dir/$n.headers" | sed -n 's/^[Xx]-[Ll]inkup-[Nn]ode: //p') ;;
        "$node1") by=node1 ;;
        "$node2") by=node2 ;;
    esac
}
hold=-
if [[ $(cat "$dir/$n.kind") == hold ]]; then
    call api/holds "$(cat "$dir/$n.json")" "$key"
    if [[ $status == 20[01] ]]; then
        hold=$id
        call api/bookings "{\"holdId\":$hold}" "$key-book"
    fi
else
    call api/bookings "$(cat "$dir/$n.json")" "$key"
fi
echo "$first $status $retries ${id:--} ${by:--} $hold" >"$dir/$n.out"
EOF
    find "$dir" -name '*.json' -printf '%f\n' | sed 's/\.json$//' | sort -n |
        xargs -P "$parallel" -I{} bash "$dir/send.sh" "$dir" {} "$ADMIN" "$LB" \
            "http://127.0.0.1:$NODE1_PORT" "http://127.0.0.1:$NODE2_PORT"
}

# "count×status …" of the final answers in $1.
fk_answers() {
    cat "$1"/*.out | awk '{print $2}' | sort | uniq -c | awk '{printf "%s%s×%s", sep, $1, $2; sep=", "}'
}

# A Singapore mobile number unique to run $1 (8 characters of hex) and request $2.
fk_mobile() {
    printf '+659%d%02d%04d' $((0x${1:0:2} % 8 + 1)) $((0x${1:2:2} % 100)) "$2"
}

# Waits (at most $2 s) until the SQL count $1 is 0, printing it every 15 s; returns 1 on time-out.
fk_wait_zero() {
    local query=$1 limit=$2 started=$SECONDS left last=0
    while :; do
        left=$(sql "$query")
        [[ $left == 0 ]] && return 0
        ((SECONDS - started > limit)) && return 1
        if ((SECONDS - last >= 15)); then
            echo "    … $left left after $((SECONDS - started)) s"
            last=$SECONDS
        fi
        sleep 1
    done
}

# The dispatcher name (the outbox's claimed_by) of node $1, from its log.
fk_dispatcher() {
    grep -a -o 'Notification dispatcher [^:]*' "$STATE/node$1.log" | tail -1 | awk '{print $3}'
}

# Books $2 slots of the last fk_catalogue (requests and answers in directory $1), in day/time/advisor order over the
# days $6…, each for a new client (SMS consent $3, numbers of run $4, names "$5 client N"), all through the load
# balancer; fails unless every one is a 201.
fk_book_slots() {
    local dir=$1 count=$2 consent=$3 code=$4 tag=$5 days=("${@:6}") n=0 day minutes index
    mkdir -p "$dir"
    for day in "${days[@]}"; do
        for minutes in $(seq 540 30 990); do
            for index in "${!FK_ADVISORS[@]}"; do
                ((n < count)) || break 3
                fk_request "$dir" "$n" "$index" "${day}T$(printf '%02d:%02d' $((minutes / 60)) $((minutes % 60)))+08:00" \
                    "$tag client $n" "$(fk_mobile "$code" "$n")" "$consent" "$LB"
                n=$((n + 1))
            done
        done
    done
    ((n == count)) || fail "only $n slots for $count bookings"
    fk_send_all "$dir" 6
    local created
    created=$(cat "$dir"/*.out | awk '$2 == 201' | wc -l)
    [[ $created == "$count" ]] || fail "$count bookings asked, answers: $(fk_answers "$dir"); e.g. $(grep -L '^201 201' "$dir"/*.out | head -1 | xargs cat)"
}

reminders() {
    fk_need_fakes
    local code tag days started
    code=$(fk_code)
    tag=F2-$code
    read -ra days <<<"$(fk_working_days 4)"
    echo "== fault 2: 1,000 due reminders, kill -9 node1 mid-stream (run $tag)"
    fk_catalogue "$tag" 20
    echo "  catalogue: office $FK_OFFICE, service $FK_SERVICE, 20 advisors with rooms, bookings on ${days[*]}"
    started=$(date +%s.%N)
    fk_book_slots "$WORK/book" 1000 true "$code" "$tag" "${days[@]}"
    local runs="b.advisor_id IN ($FK_ADVISOR_LIST)"
    echo "  1,000 bookings through the API (each a new client with SMS consent) in $(fk_seconds_since "$started") s;" \
        "waiting for their 1,000 confirmations to go out first"
    fk_wait_zero "SELECT COUNT(*) FROM notification n JOIN booking b ON b.id = n.booking_id WHERE $runs
        AND n.kind = 'CONFIRMATION' AND n.status IN ('PENDING', 'SENDING')" 600 ||
        fail "the confirmations did not go out within 600 s"

    local node1 node2 before lookups_before found_before
    node1=$(fk_dispatcher 1)
    node2=$(fk_dispatcher 2)
    before=$(fk_stat accepted)
    lookups_before=$(fk_stat lookups)
    found_before=$(grep -a -c 'recorded, not sent again' "$STATE/node2.log" || true)
    # The app wrote two reminders per booking (24 h and 2 h before); the earlier one of each booking is made due
    # now, all in one transaction, so both dispatchers see the whole burst at once. Nothing else is changed.
    local due ids
    ids=$(sql "SELECT GROUP_CONCAT(n.id) FROM notification n JOIN booking b ON b.id = n.booking_id
        WHERE $runs AND n.kind = 'REMINDER' AND n.status = 'PENDING' AND n.due_at < b.starts_at - INTERVAL 3 HOUR")
    # The rows of the burst, by id: a row put back for a retry gets a later due_at, so no time filter finds them all.
    local reminders="SELECT COUNT(*) FROM notification n WHERE n.id IN ($ids)"
    due=$(sql "UPDATE notification SET due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id IN ($ids);
        SELECT ROW_COUNT()")
    started=$(date +%s.%N)
    echo "  $due reminders (the 24-hour one of each booking) made due at once by SQL; fake Twilio answers after" \
        "${FAKE_TWILIO_DELAY_MS:-?} ms"
    while (($(fk_stat accepted) - before < due / 4)); do sleep 0.1; done
    local pid at_kill
    pid=$(cat "$STATE/node1.pid")
    kill -9 "$pid"
    at_kill=$(fk_seconds_since "$started")
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$STATE/node1.pid"
    local accepted_at_kill
    accepted_at_kill=$(($(fk_stat accepted) - before))
    echo "  kill -9 node1 after $at_kill s: the fake had taken $accepted_at_kill; rows then:" \
        "$(sql "SELECT GROUP_CONCAT(CONCAT(c, ' ', s) SEPARATOR ', ') FROM (SELECT CONCAT(n.status,
            CASE WHEN n.status = 'SENDING' THEN CONCAT(' by ', IF(n.claimed_by = '$node1', 'node1', 'node2')) ELSE '' END) s,
            COUNT(*) c FROM notification n WHERE n.id IN ($ids) GROUP BY s) t")"
    fk_wait_zero "$reminders AND n.status IN ('PENDING', 'SENDING')" 900 ||
        echo "  NOT drained within 900 s"
    local drained
    drained=$(fk_seconds_since "$started")
    sleep 2  # answers of the last sends may still be on their way to the fake's list

    local texts twice sent_db by_node never unrecorded lookups found
    texts=$(fk_accepted_since "$before")
    local sent_at_fake distinct
    sent_at_fake=$(jq -s 'length' <<<"$texts")
    distinct=$(jq -s 'map(.to + "|" + .body) | unique | length' <<<"$texts")
    twice=$(jq -s 'group_by(.to + "|" + .body) | map(select(length > 1)) | length' <<<"$texts")
    sent_db=$(sql "$reminders AND n.status = 'SENT'")
    by_node=$(sql "SELECT GROUP_CONCAT(CONCAT(IF(claimed_by = '$node1', 'node1', IF(claimed_by = '$node2', 'node2',
        claimed_by)), ' ', c) SEPARATOR ', ') FROM (SELECT n.claimed_by, COUNT(*) c FROM notification n
        WHERE n.id IN ($ids) AND n.status = 'SENT' GROUP BY n.claimed_by) t")
    never=$(sql "$reminders AND n.status <> 'SENT'")
    # A text the fake took whose SID no row recorded went unrecorded (it would be a duplicate or a lost outcome).
    local recorded
    recorded=$(sql "SELECT n.provider_id FROM notification n WHERE n.id IN ($ids) AND n.status = 'SENT'" | sort)
    unrecorded=$(comm -23 <(jq -r '.sid' <<<"$texts" | sort) <(echo "$recorded") | grep -c . || true)
    lookups=$(($(fk_stat lookups) - lookups_before))
    found=$(($(grep -a -c 'recorded, not sent again' "$STATE/node2.log" || true) - found_before))
    echo "  due $due; sent (rows SENT) $sent_db — by $by_node; never sent $never"
    echo "  the fake took $sent_at_fake texts, $distinct different (number+text); sent twice: $twice;" \
        "SIDs no row recorded: $unrecorded"
    echo "  taken over from node1 after the lease: $lookups list calls, $found found already sent and recorded" \
        "(not sent again), the rest sent now"
    echo "  time: kill at $at_kill s, all $due drained after $drained s (lease: $(grep -o 'lease-seconds=[0-9]*' \
        "$STATE/node-opts" || echo 'the default, 120 s'))"
    echo "== restarting node1"
    "$ROOT/bench/cluster.sh" start-node 1 | grep -E 'node1|size' || true
    [[ $twice == 0 && $never == 0 && $sent_db == "$due" && $unrecorded == 0 ]] ||
        fail "expected every reminder sent exactly once"
    echo "  held: every reminder sent, none twice"
}

bookings() {
    local victim=${VICTIM:-1} code tag days
    [[ $victim == [12] ]] || fail "VICTIM must be 1 or 2"
    local other=$((3 - victim))
    code=$(fk_code)
    tag=F3-$code
    read -ra days <<<"$(fk_working_days 3)"
    echo "== fault 3: kill -9 node$victim during a burst of 400 bookings (run $tag)"
    fk_catalogue "$tag" 10
    local dir=$WORK/burst n=0 day minutes index base kind
    mkdir -p "$dir"
    # A third straight to each node and a third through the load balancer; every fourth a hold, then its booking.
    for day in "${days[@]}"; do
        for minutes in $(seq 540 30 990); do
            for index in "${!FK_ADVISORS[@]}"; do
                ((n < 400)) || break 3
                case $((n % 3)) in
                    0) base=$LB ;;
                    1) base=http://127.0.0.1:$NODE1_PORT ;;
                    2) base=http://127.0.0.1:$NODE2_PORT ;;
                esac
                kind=book
                ((n % 4 == 3)) && kind=hold
                fk_request "$dir" "$n" "$index" "${day}T$(printf '%02d:%02d' $((minutes / 60)) $((minutes % 60)))+08:00" \
                    "$tag client $n" "$(fk_mobile "$code" "$n")" false "$base" "$kind"
                n=$((n + 1))
            done
        done
    done
    echo "  400 requests (300 bookings, 100 holds then booked), 8 at a time, each a new client; a request without an" \
        "answer or with a 502/503/504 is retried through the LB with the same Idempotency-Key"
    local started
    started=$(date +%s.%N)
    fk_send_all "$dir" 8 &
    local burst=$!
    while (($(find "$dir" -name '*.out' | wc -l) < 130)); do sleep 0.1; done
    local pid at_kill grid_log
    grid_log=$(fk_log_size "$other")
    pid=$(cat "$STATE/node$victim.pid")
    kill -9 "$pid"
    at_kill=$(fk_seconds_since "$started")
    local answered_at_kill
    answered_at_kill=$(find "$dir" -name '*.out' | wc -l)
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$STATE/node$victim.pid"
    echo "  kill -9 node$victim after $at_kill s ($answered_at_kill of 400 answered)"
    wait "$burst"
    echo "  burst done after $(fk_seconds_since "$started") s; final answers: $(fk_answers "$dir")"
    echo "  first answers (before any retry): $(cat "$dir"/*.out | awk '{print $1}' | sort | uniq -c |
        awk '{printf "%s%s×%s", sep, $1, $2; sep=", "}'); requests retried: $(cat "$dir"/*.out | awk '$3 > 0' | wc -l)" \
        "($(cat "$dir"/*.out | awk '$3 > 0 && $2 == 200' | wc -l) then answered 200: their first attempt had committed)"

    # Every booking a client was told about (201, or 200 for a retry that found its first attempt's booking).
    local told ok_ids held
    told=$(cat "$dir"/*.out | awk '$2 == 201 || $2 == 200 {print $4}' | sort -n)
    ok_ids=$(paste -sd, <<<"$told")
    local told_count exist_count distinct_count
    told_count=$(grep -c . <<<"$told" || true)
    distinct_count=$(sort -u <<<"$told" | grep -c . || true)
    exist_count=$(sql "SELECT COUNT(*) FROM booking WHERE id IN (${ok_ids:-0}) AND status = 'BOOKED'")
    echo "  SQL: $told_count bookings answered 2xx ($distinct_count different ids), $exist_count of them exist as BOOKED"
    # Requests that never got a 2xx: did their booking commit anyway (an answer lost with the node)?
    local keys lost_but_there
    keys=$(for out in "$dir"/*.out; do
        read -r _ final _ <"$out"
        [[ $final == 20[01] ]] || { k=$(cat "${out%.out}.key"); printf "'bench-admin:%s','bench-admin:hold:%s'," "$k" "$k"; }
    done)
    lost_but_there=$(sql "SELECT COUNT(*) FROM booking WHERE idempotency_key IN (${keys}'')")
    echo "  requests without a 2xx in the end: $(cat "$dir"/*.out | awk '$2 != 201 && $2 != 200' | wc -l);" \
        "bookings or holds of theirs that exist anyway: $lost_but_there"
    local runs="advisor_id IN ($FK_ADVISOR_LIST)"
    local per_key
    per_key=$(sql "SELECT COUNT(*) FROM (SELECT idempotency_key FROM booking WHERE $runs AND idempotency_key IS NOT NULL
        GROUP BY idempotency_key HAVING COUNT(*) > 1) t")
    echo "  this run's bookings by status: $(sql "SELECT GROUP_CONCAT(CONCAT(c, ' ', status) SEPARATOR ', ') FROM
        (SELECT status, COUNT(*) c FROM booking WHERE $runs GROUP BY status) t"); keys used twice: $per_key"
    held=$(sql "SELECT CONCAT(COUNT(*), IF(COUNT(*) = 0, '', CONCAT(', lapsing ', DATE_FORMAT(MIN(hold_expires_at), '%H:%i:%s'),
        '–', DATE_FORMAT(MAX(hold_expires_at), '%H:%i:%s'), ' UTC (', TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), MAX(hold_expires_at)),
        ' s from now)'))) FROM booking WHERE $runs AND status = 'HELD'")
    echo "  holds never booked (their client got no booking 2xx): $held"
    local orphans ledger_dead ledger_holds clients_alone overlaps
    orphans=$(sql "SELECT COUNT(*) FROM occupancy o LEFT JOIN booking b ON b.id = o.booking_id WHERE b.id IS NULL")
    ledger_dead=$(sql "SELECT COUNT(*) FROM occupancy o JOIN booking b ON b.id = o.booking_id
        WHERE b.$runs AND b.status NOT IN ('HELD', 'BOOKED')")
    ledger_holds=$(sql "SELECT COUNT(*) FROM occupancy o JOIN booking b ON b.id = o.booking_id
        WHERE b.$runs AND b.status = 'HELD' AND (o.expires_at IS NULL OR o.expires_at <> b.hold_expires_at)")
    clients_alone=$(sql "SELECT COUNT(*) FROM client c WHERE c.name LIKE '$tag client %'
        AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.client_id = c.id)")
    overlaps=$(sql "SELECT COUNT(*) FROM occupancy a JOIN occupancy b
          ON a.resource_kind = b.resource_kind AND a.resource_id = b.resource_id AND a.id < b.id
         AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
        WHERE (a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP(6))
          AND (b.expires_at IS NULL OR b.expires_at > UTC_TIMESTAMP(6))")
    echo "  ledger: rows without a booking $orphans; rows of bookings neither held nor booked $ledger_dead;" \
        "hold rows not lapsing with their hold $ledger_holds; live overlaps $overlaps"
    echo "  clients registered in a booking request that has no booking: $clients_alone"

    echo "== restarting node$victim"
    local restart_started
    restart_started=$(date +%s.%N)
    "$ROOT/bench/cluster.sh" start-node "$victim" >/dev/null
    echo "  node$victim ready after $(fk_seconds_since "$restart_started") s; its data grid:" \
        "$(grep -a -o 'DG Size: [0-9]*' "$STATE/node$victim.log" | tail -1);" \
        "node$other's data grid since the kill: $(tail -c +"$((grid_log + 1))" "$STATE/node$other.log" |
            grep -a -o 'DG Size: [0-9]*' | grep -o '[0-9]*$' | paste -sd' ' | sed 's/ / → /g')"
    local port_var=NODE${victim}_PORT serves=0 i
    for i in $(seq 1 10); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN" "http://127.0.0.1:${!port_var}/api/bookings/${told%%$'\n'*}") == 200 ]] &&
            serves=$((serves + 1))
    done
    local spread
    spread=$(for i in $(seq 1 10); do
        curl -s -o /dev/null -D - -u "$ADMIN" "$LB/api/offices" | tr -d '\r' | sed -n 's/^[Xx]-[Ll]inkup-[Nn]ode: //p'
    done | sort | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=" "}')
    echo "  node$victim answers 10 of 10 reads itself: $serves/10; through the LB: $spread"
    [[ $exist_count == "$told_count" && $told_count == "$distinct_count" && $per_key == 0 && $orphans == 0 &&
        $ledger_dead == 0 && $ledger_holds == 0 && $clients_alone == 0 && $overlaps == 0 && $serves == 10 ]] ||
        fail "expected every 2xx booking to exist once, no orphan, and node$victim back"
    echo "  held: every booking a client was told about exists; nothing orphaned but holds that lapse; node$victim rejoined"
}

# The lines node $1's log gained since it had $2 bytes, matching $3: "node1 ×N (a+b+…)".
fk_log_since() {
    local node=$1 from=$2 pattern=$3
    tail -c +"$((from + 1))" "$STATE/node$node.log" | grep -a -o "$pattern" | grep -o '[0-9]*' |
        awk -v node="node$node" '{ sum += $1; list = list sep $1; sep = "+" } END { printf "%s %d (%s)", node, sum, list }'
}

fk_log_size() {
    stat -c %s "$STATE/node$1.log"
}

sweeps() {
    fk_need_fakes
    local code tag days wday count=${SWEEP_BOOKINGS:-600}
    code=$(fk_code)
    tag=F5-$code
    # 10 advisors, 16 sessions a day each.
    read -ra days <<<"$(fk_working_days $(((count + 159) / 160)))"
    wday=$(fk_working_days 1 ${#days[@]})
    echo "== fault 5: reminder, no-show and waitlist sweeps on both nodes (run $tag)"
    grep -q 'sweep-seconds' "$STATE/node-opts" 2>/dev/null ||
        echo "  (the nodes sweep at their default intervals, 60 s: NODE_OPTS in bench/cluster.sh makes them shorter)"
    echo "  sweep intervals: $(grep -o 'linkup[a-z.-]*sweep-seconds=[0-9]*' "$STATE/node-opts" | tr '\n' ' ')"
    fk_catalogue "$tag" 10
    fk_book_slots "$WORK/s5" "$count" true "$code" "$tag" "${days[@]}"
    local ids
    ids=$(cat "$WORK"/s5/*.out | awk '{print $4}' | paste -sd,)
    echo "  $count bookings (clients with SMS consent) on ${days[*]}"

    # The waitlist's service: 3 advisors on one day only, 09:00-13:00, every slot booked by clients without texts.
    local wcode
    wcode=$(fk_code)
    fk_catalogue "$tag-W" 3 "FREQ=WEEKLY;BYDAY=$(LC_ALL=C date -d "$wday" +%a | cut -c1-2 | tr a-z A-Z)" "$wday" "$wday" 13:00
    fk_book_slots "$WORK/s5w" 24 false "$wcode" "$tag-W filler" "$wday"
    local waiting=() i client entry
    for i in $(seq 1 30); do
        client=$(create "$LB" api/clients "{\"name\":\"$tag waiting $i\",\"mobile\":\"$(fk_mobile "$wcode" $((1000 + i)))\",
            \"preferredLanguage\":\"EN\",\"smsConsent\":true,\"officeId\":$FK_OFFICE}")
        entry=$(create "$LB" api/waitlist "{\"clientId\":$client,\"serviceId\":$FK_SERVICE,\"officeIds\":[$FK_OFFICE],
            \"firstDay\":\"$wday\",\"lastDay\":\"$wday\",\"urgent\":false}")
        waiting+=("$entry")
    done
    local entries
    entries=$(IFS=,; echo "${waiting[*]}")
    echo "  waitlist: 24 slots on $wday all booked, 30 clients waiting for them (entries ${waiting[0]}–${waiting[29]})"
    fk_wait_zero "SELECT COUNT(*) FROM notification WHERE booking_id IN ($ids) AND kind = 'CONFIRMATION'
        AND status IN ('PENDING', 'SENDING')" 600 || fail "the confirmations did not go out within 600 s"

    local node1 node2 before started due log1 log2
    node1=$(fk_dispatcher 1)
    node2=$(fk_dispatcher 2)
    echo "-- reminders: the 24-hour reminder of each of the $count bookings made due at once (SQL)"
    local reminder_ids
    reminder_ids=$(sql "SELECT GROUP_CONCAT(n.id) FROM notification n JOIN booking b ON b.id = n.booking_id
        WHERE b.id IN ($ids) AND n.kind = 'REMINDER' AND n.status = 'PENDING' AND n.due_at < b.starts_at - INTERVAL 3 HOUR")
    before=$(fk_stat accepted)
    due=$(sql "UPDATE notification SET due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id IN ($reminder_ids);
        SELECT ROW_COUNT()")
    started=$(date +%s.%N)
    fk_wait_zero "SELECT COUNT(*) FROM notification WHERE id IN ($reminder_ids) AND status IN ('PENDING', 'SENDING')" 600 ||
        fail "the reminders did not drain within 600 s"
    local drained texts twice reminded sent_db by_node
    drained=$(fk_seconds_since "$started")
    sleep 2
    texts=$(fk_accepted_since "$before")
    twice=$(jq -s 'group_by(.to + "|" + .body) | map(select(length > 1)) | length' <<<"$texts")
    reminded=$(jq -s 'map(.to) | unique | length' <<<"$texts")
    sent_db=$(sql "SELECT COUNT(*) FROM notification WHERE id IN ($reminder_ids) AND status = 'SENT'")
    by_node=$(sql "SELECT GROUP_CONCAT(CONCAT(IF(claimed_by = '$node1', 'node1', IF(claimed_by = '$node2', 'node2',
        claimed_by)), ' ', c) SEPARATOR ', ') FROM (SELECT claimed_by, COUNT(*) c FROM notification
        WHERE id IN ($reminder_ids) AND status = 'SENT' GROUP BY claimed_by) t")
    echo "  due $due; rows SENT $sent_db (by $by_node) in $drained s; the fake took $(jq -s length <<<"$texts")" \
        "texts to $reminded different clients; sent twice: $twice"
    local reminders_ok=0
    [[ $due == "$count" && $sent_db == "$count" && $reminded == "$count" && $twice == 0 &&
        $(jq -s length <<<"$texts") == "$count" ]] &&
        reminders_ok=1

    echo "-- no-shows: the $count sessions moved into the past (SQL, one transaction: bookings and their ledger rows)"
    log1=$(fk_log_size 1)
    log2=$(fk_log_size 2)
    sql "START TRANSACTION;
        SET @shift = (SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, MAX(starts_at))
            FROM booking WHERE id IN ($ids));
        UPDATE occupancy SET starts_at = starts_at - INTERVAL @shift MICROSECOND,
            ends_at = ends_at - INTERVAL @shift MICROSECOND WHERE booking_id IN ($ids);
        UPDATE booking SET starts_at = starts_at - INTERVAL @shift MICROSECOND,
            ends_at = ends_at - INTERVAL @shift MICROSECOND WHERE id IN ($ids);
        COMMIT"
    started=$(date +%s.%N)
    fk_wait_zero "SELECT COUNT(*) FROM booking WHERE id IN ($ids) AND status = 'BOOKED'" 300 ||
        fail "the no-show sweeps did not mark all $count within 300 s"
    drained=$(fk_seconds_since "$started")
    sleep 6  # a few more sweeps of each node: nothing more may be marked
    local marked audits not_once
    marked=$(sql "SELECT COUNT(*) FROM booking WHERE id IN ($ids) AND status = 'NO_SHOW'")
    audits=$(sql "SELECT COUNT(*) FROM audit_event WHERE action = 'BOOKING_NO_SHOW' AND subject_type = 'Booking'
        AND subject_id IN ($ids)")
    not_once=$(sql "SELECT COUNT(*) FROM (SELECT b.id FROM booking b LEFT JOIN audit_event a ON a.subject_id = b.id
        AND a.subject_type = 'Booking' AND a.action = 'BOOKING_NO_SHOW' WHERE b.id IN ($ids)
        GROUP BY b.id HAVING COUNT(a.id) <> 1) t")
    echo "  NO_SHOW $marked of $count after $drained s; audit lines $audits; bookings not marked exactly once: $not_once"
    echo "  marked by: $(fk_log_since 1 "$log1" 'No-show sweep marked [0-9]*'), $(fk_log_since 2 "$log2" 'No-show sweep marked [0-9]*')"
    local noshows_ok=0
    [[ $marked == "$count" && $audits == "$count" && $not_once == 0 ]] && noshows_ok=1

    echo "-- waitlist: the 24 booked slots cancelled at once through the load balancer (spread over both nodes)"
    log1=$(fk_log_size 1)
    log2=$(fk_log_size 2)
    before=$(fk_stat accepted)
    started=$(date +%s.%N)
    cat "$WORK"/s5w/*.out | awk '{print $4}' | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -u "$ADMIN" \
        -H 'Content-Type: application/json' -d '{"reason":"fault 5: freed for the waitlist"}' \
        "$LB/api/bookings/{}/cancel" | sort | uniq -c | awk '{printf "  cancel answers: %s×%s\n", $1, $2}'
    fk_wait_zero "SELECT 24 - COUNT(*) FROM waitlist_entry WHERE id IN ($entries) AND status = 'OFFERED'" 300 ||
        echo "  NOT all 24 slots offered within 300 s"
    drained=$(fk_seconds_since "$started")
    sleep 10  # five more sweeps of each node: nobody may get a second offer
    fk_wait_zero "SELECT COUNT(*) FROM notification n JOIN waitlist_entry e ON e.offer_booking_id = n.booking_id
        WHERE e.id IN ($entries) AND n.kind = 'WAITLIST_OFFER' AND n.status IN ('PENDING', 'SENDING')" 300 || true
    sleep 2
    local offered waiting_now offers offered_twice holds offer_texts offer_twice
    offered=$(sql "SELECT COUNT(*) FROM waitlist_entry WHERE id IN ($entries) AND status = 'OFFERED'")
    waiting_now=$(sql "SELECT COUNT(*) FROM waitlist_entry WHERE id IN ($entries) AND status = 'WAITING'")
    offers=$(sql "SELECT COUNT(*) FROM audit_event WHERE action = 'WAITLIST_OFFERED' AND subject_id IN ($entries)")
    offered_twice=$(sql "SELECT COUNT(*) FROM (SELECT subject_id FROM audit_event WHERE action = 'WAITLIST_OFFERED'
        AND subject_id IN ($entries) GROUP BY subject_id HAVING COUNT(*) > 1) t")
    holds=$(sql "SELECT COUNT(DISTINCT CONCAT(b.advisor_id, '@', b.starts_at)) FROM waitlist_entry e
        JOIN booking b ON b.id = e.offer_booking_id WHERE e.id IN ($entries) AND b.status = 'HELD'")
    texts=$(fk_accepted_since "$before")
    offer_texts=$(jq -s 'length' <<<"$texts")
    offer_twice=$(jq -s 'group_by(.to) | map(select(length > 1)) | length' <<<"$texts")
    echo "  after $drained s: $offered entries OFFERED, $waiting_now still WAITING; WAITLIST_OFFERED audit lines $offers," \
        "entries offered more than once $offered_twice; the offers hold $holds different slots"
    echo "  offers made by: $(fk_log_since 1 "$log1" 'Waitlist: [0-9]*'), $(fk_log_since 2 "$log2" 'Waitlist: [0-9]*')"
    echo "  offer texts at the fake: $offer_texts, to a number more than once: $offer_twice"
    local waitlist_ok=0
    [[ $offered == 24 && $waiting_now == 6 && $offers == 24 && $offered_twice == 0 && $holds == 24 &&
        $offer_texts == 24 && $offer_twice == 0 ]] && waitlist_ok=1
    ((reminders_ok && noshows_ok && waitlist_ok)) ||
        fail "expected every booking reminded, marked and offered exactly once (reminders $reminders_ok, no-shows $noshows_ok, waitlist $waitlist_ok)"
    echo "  held: each booking reminded once, marked once, each slot offered once"
}

case "${1:-}" in
    double-booking) double_booking ;;
    sessions) sessions ;;
    db-restart) db_restart ;;
    reminders) reminders ;;
    bookings) bookings ;;
    sweeps) sweeps ;;
    *) echo "usage: $0 double-booking|sessions|db-restart|reminders|bookings|sweeps" >&2; exit 64 ;;
esac
