#!/usr/bin/env bash
# Ingest benchmark, bounded in time (~2 min including builds):
#  1. our service, role "web" (ingest only, as deployed behind the load balancer), vs a bare endpoint process doing
#     only verify + SET NX + XADD: wrk replays pre-signed requests (unique msg_id each) for $DURATION s;
#  2. our service, role "all" (ingest + workers + outbox + in-process fake Zalo): first-request latency, then
#     end-to-end latency (event posted -> reply at the fake Zalo API) at $RATE events/s for $E2E_SECONDS s.
# Everything is loopback; a separate database (zalobot_bench) and Redis key prefixes keep it away from dev data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${DURATION:-10}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"
LOW_CONNECTIONS="${LOW_CONNECTIONS:-4}"; RATE="${RATE:-50}"; E2E_SECONDS="${E2E_SECONDS:-10}"; COUNT="${COUNT:-300000}"
PORT=18080; BARE_PORT=18081
APP_ID="bench-app"; SECRET="bench-secret"; OA_ID="2000000000000000002"
WORK="$(mktemp -d)"; PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || "$ROOT/deploy/local/services.sh" install-wrk
"$ROOT/deploy/local/services.sh" start zalobot_bench >/dev/null
# Values contain ";": quote them before eval.
eval "$("$ROOT/deploy/local/services.sh" env zalobot_bench | sed "s/^\([^=]*\)=\(.*\)$/export \1='\2'/")"
echo "building (Release)…" >&2
dotnet build "$ROOT/src/ZaloBot.Web" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/deploy/local/bench/ZaloBot.Bench" -c Release -v quiet -nologo >/dev/null
WEB="$ROOT/src/ZaloBot.Web/bin/Release/net10.0/ZaloBot.Web.dll"
BENCH="$ROOT/deploy/local/bench/ZaloBot.Bench/bin/Release/net10.0/ZaloBot.Bench.dll"

export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
export Zalo__Webhook__AppId="$APP_ID" Zalo__Webhook__OaSecretKey="$SECRET" Webhook__OaId="$OA_ID"
export Zalo__Tokens__AppId="$APP_ID" Zalo__Fake__AppId="$APP_ID"
export Zalo__Api__OpenApiBaseUrl="http://127.0.0.1:$PORT/fake-zalo/" Zalo__Api__OAuthBaseUrl="http://127.0.0.1:$PORT/fake-zalo/"
dotnet "$WEB" migrate >/dev/null

wait_ready() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "not ready: $1" >&2; return 1; }
start_service() { # role prefix
  Service__Role="$1" Redis__KeyPrefix="$2" ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$WEB" serve >"$WORK/service-$1.log" 2>&1 &
  PIDS+=($!); wait_ready "http://127.0.0.1:$PORT/health/live"
}
stop_last() { local p="${PIDS[-1]}"; kill "$p"; wait "$p" 2>/dev/null || true; unset 'PIDS[-1]'; }
run_wrk() { wrk -t"$THREADS" -c"${3:-$CONNECTIONS}" -d"${DURATION}s" --timeout 2s -s "$ROOT/deploy/local/bench/ingest.lua" "$1" -- "$2" "$THREADS" | grep '^RESULT' | sed 's/^RESULT //'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

echo "generating $COUNT pre-signed requests…" >&2
dotnet "$BENCH" gen "$COUNT" "$WORK/ours.txt" "$APP_ID" "$SECRET" "$OA_ID"
dotnet "$BENCH" gen "$COUNT" "$WORK/bare.txt" "$APP_ID" "$SECRET" "$OA_ID"
dotnet "$BENCH" gen "$COUNT" "$WORK/ours-low.txt" "$APP_ID" "$SECRET" "$OA_ID"
dotnet "$BENCH" gen "$COUNT" "$WORK/bare-low.txt" "$APP_ID" "$SECRET" "$OA_ID"

RUN="bench:$(date +%s)"
echo "ingest: our service (role web), ${DURATION}s, $CONNECTIONS connections…" >&2
start_service Web "$RUN:web:"
OURS=$(run_wrk "http://127.0.0.1:$PORT" "$WORK/ours.txt")
echo "ingest: our service (role web), ${DURATION}s, $LOW_CONNECTIONS connections (latency below saturation)…" >&2
OURS_LOW=$(run_wrk "http://127.0.0.1:$PORT" "$WORK/ours-low.txt" "$LOW_CONNECTIONS")
stop_last

echo "ingest: bare endpoint, ${DURATION}s, $CONNECTIONS connections…" >&2
dotnet "$BENCH" bare "http://127.0.0.1:$BARE_PORT" "${ConnectionStrings__Redis}" "$RUN:bare:" "$APP_ID" "$SECRET" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break; sleep 0.2; done
BARE=$(run_wrk "http://127.0.0.1:$BARE_PORT" "$WORK/bare.txt")
BARE_LOW=$(run_wrk "http://127.0.0.1:$BARE_PORT" "$WORK/bare-low.txt" "$LOW_CONNECTIONS")
stop_last

echo "end to end: our service (role all), $RATE events/s for ${E2E_SECONDS}s…" >&2
start_service All "$RUN:all:"
wait_ready "http://127.0.0.1:$PORT/health/ready"
E2E=$(dotnet "$BENCH" e2e "http://127.0.0.1:$PORT" "$APP_ID" "$SECRET" "$OA_ID" "$RATE" "$E2E_SECONDS" 2>&1 | grep -v '^   at ' || true)
if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then
  echo "the service stopped during the end-to-end run; its log:" >&2
  tail -n 60 "$WORK/service-All.log" >&2
fi
stop_last

# Leave no benchmark keys behind (prefix scan on the benchmark's own prefix only).
redis-cli -p "${ConnectionStrings__Redis##*:}" --scan --pattern "$RUN:*" 2>/dev/null | xargs -r -n 500 redis-cli -p "${ConnectionStrings__Redis##*:}" del >/dev/null 2>&1 || true

RATIO=$(awk -v a="$(field rps "$OURS")" -v b="$(field rps "$BARE")" 'BEGIN { printf "%.2f", a / b }')
cat <<REPORT
== ingest (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, unique signed events) ==
ours (role web): $OURS
bare endpoint:   $BARE
ratio ours/bare: $RATIO   (target >= 0.60)
== ingest below saturation (wrk -t$THREADS -c$LOW_CONNECTIONS -d${DURATION}s) ==
ours (role web): $OURS_LOW
bare endpoint:   $BARE_LOW
(target: ours p99 < 10 ms)
load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores
== end to end (role all, $RATE events/s, ${E2E_SECONDS}s) ==
$E2E
(target: e2e p99 < 100 ms; first request not slow)
REPORT
