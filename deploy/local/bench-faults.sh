#!/usr/bin/env bash
# Fault suite (docs/performance.md, "Fault suite"), bounded in time (~10–15 min on 2 shared cores, builds included):
# the service binary and the fake Zalo (src/ZaloBot.FakeZalo) run as separate processes; the driver
# (deploy/local/bench/ZaloBot.Bench, Faults/) posts signed webhooks, cuts PostgreSQL and Redis through its own TCP
# proxies, kills with SIGKILL and counts replies at the fake. Data: a separate database (zalobot_faults) on the
# private PostgreSQL and a per-run Redis key prefix (removed at the end). Scenarios: all, or the ones named:
#   crash redis-down pg-down pg-down-backlog both-down zalo-faults redelivery-x10 two-instances
# With --perf (./zalobot bench perf [turns] [burst] [soak]): the performance runs on the same set-up (SOAK_SECONDS, 600;
# ZALO_LATENCY_MS, 0: the fake answers every Zalo call that much later during the burst).
set -euo pipefail
MODE=faults
if [ "${1:-}" = "--perf" ]; then MODE=perf; shift; fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="${FAULTS_WORK:-$(mktemp -d)}"

"$ROOT/deploy/local/services.sh" start zalobot_faults >/dev/null
eval "$("$ROOT/deploy/local/services.sh" env zalobot_faults | sed "s/^\([^=]*\)=\(.*\)$/\1='\2'/")"
PG="$ConnectionStrings__Postgres"; REDIS="$ConnectionStrings__Redis"
PG_PORT="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PG")"; REDIS_PORT="${REDIS##*:}"
# Every run starts from an empty database: a previous run's unsent replies (a 12,000-turn run queues 12,000) would
# otherwise sit ahead of this run's in the outbox.
# FAULTS_KEEP_DB=1 keeps it (to compare with a run on a database that has history).
if [ "${FAULTS_KEEP_DB:-0}" != 1 ]; then
  PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$PG")" psql -h 127.0.0.1 -p "$PG_PORT" \
    -U "$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$PG")" -d postgres -q \
    -c 'DROP DATABASE IF EXISTS zalobot_faults WITH (FORCE)' -c 'CREATE DATABASE zalobot_faults' >/dev/null
fi
echo "building (Release)…" >&2
dotnet build "$ROOT/src/ZaloBot.Web" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/src/ZaloBot.FakeZalo" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/deploy/local/bench/ZaloBot.Bench" -c Release -v quiet -nologo >/dev/null
# BENCH_WEB_DLL: another build of the service (e.g. a base commit's, for a same-run comparison; docs/performance.md).
WEB="${BENCH_WEB_DLL:-$ROOT/src/ZaloBot.Web/bin/Release/net10.0/ZaloBot.Web.dll}"
FAKE="$ROOT/src/ZaloBot.FakeZalo/bin/Release/net10.0/ZaloBot.FakeZalo.dll"
BENCH="$ROOT/deploy/local/bench/ZaloBot.Bench/bin/Release/net10.0/ZaloBot.Bench.dll"

set +e
dotnet "$BENCH" "$MODE" "$WEB" "$FAKE" "$PG" "$PG_PORT" "$REDIS_PORT" "$WORK" "$@"
rc=$?
set -e
# The run's own Redis keys only (prefix faults:<run>:).
redis-cli -p "$REDIS_PORT" --scan --pattern 'faults:*' 2>/dev/null | xargs -r -n 500 redis-cli -p "$REDIS_PORT" del >/dev/null 2>&1 || true
echo "logs of the processes: $WORK" >&2
exit $rc
