#!/usr/bin/env bash
# Checks the Twilio adapter and its test fake against Twilio's own OpenAPI description of the 2010-04-01 API.
# Not run by CI: it needs the npm registry. What it found last time is in docs/twilio-contract.md.
#
#   bench/twilio-contract.sh            # from the repository root or anywhere
#   MVN_ARGS=-o bench/twilio-contract.sh   # offline Maven
#
# 1. installs @twilio/cli-core (which ships src/services/twilio-api/twilio_api_v2010.json) and
#    @stoplight/prism-cli with npm into a temporary directory;
# 2. starts `prism mock --errors` on the spec (refuses requests the spec does not allow) and
#    `prism proxy --errors` on the spec in front of FakeTwilio (checks requests and FakeTwilio's answers);
# 3. runs sg.linkup.notification.sms.twilio.TwilioContractCheck (test tree): the real SDK as TwilioSms
#    configures it against both (sending, and listing messages by To), and FakeTwilio's 201, error and list
#    bodies compared key by key with the schema.
# Exit status 0 when every check passed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI_CORE_VERSION=${CLI_CORE_VERSION:-8.3.2}
PRISM_VERSION=${PRISM_VERSION:-5.14.2}
MOCK_PORT=${MOCK_PORT:-4010}
PROXY_PORT=${PROXY_PORT:-4011}
FAKE_PORT=${FAKE_PORT:-4012}
MVN_ARGS=${MVN_ARGS:-}
WORK=$(mktemp -d -t twilio-contract.XXXXXX)
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

for port in "$MOCK_PORT" "$PROXY_PORT" "$FAKE_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is taken; set MOCK_PORT, PROXY_PORT or FAKE_PORT" >&2
        exit 2
    fi
done

echo "== npm: @twilio/cli-core@$CLI_CORE_VERSION @stoplight/prism-cli@$PRISM_VERSION into $WORK"
npm install --prefix "$WORK" --no-audit --no-fund --loglevel=error \
    "@twilio/cli-core@$CLI_CORE_VERSION" "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null
SPEC="$WORK/node_modules/@twilio/cli-core/src/services/twilio-api/twilio_api_v2010.json"
PRISM="$WORK/node_modules/.bin/prism"
[[ -f "$SPEC" ]] || { echo "no spec at $SPEC" >&2; exit 1; }

echo "== maven: test classes and class path"
(cd "$ROOT" && mvn -q $MVN_ARGS test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test)

echo "== prism mock on $MOCK_PORT, prism proxy on $PROXY_PORT -> FakeTwilio on $FAKE_PORT"
"$PRISM" mock --errors -p "$MOCK_PORT" "$SPEC" >"$WORK/prism-mock.log" 2>&1 &
PIDS+=($!)
"$PRISM" proxy --errors -p "$PROXY_PORT" "$SPEC" "http://127.0.0.1:$FAKE_PORT" >"$WORK/prism-proxy.log" 2>&1 &
PIDS+=($!)
for port in "$MOCK_PORT" "$PROXY_PORT"; do
    for _ in $(seq 1 120); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "prism did not start on $port:" >&2
        tail -20 "$WORK"/prism-*.log >&2
        exit 1
    fi
done

echo "== checks"
status=0
java -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")" \
    -Djava.util.logging.config.file=/dev/null \
    sg.linkup.notification.sms.twilio.TwilioContractCheck \
    "$SPEC" "http://127.0.0.1:$MOCK_PORT" "http://127.0.0.1:$PROXY_PORT" "$FAKE_PORT" || status=$?
if [[ $status -ne 0 ]]; then
    echo "== prism's view of the failing requests"
    grep -h -E "error|warning|Violation" "$WORK"/prism-*.log | grep -v "NO_PATH_MATCHED" | tail -40 || true
fi
exit $status
