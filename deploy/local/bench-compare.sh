#!/usr/bin/env bash
# End-to-end latency of two builds in ONE run, alternating them, so that the shared machine's load falls on both:
#   ./zalobot bench compare [BASE_REF]    (default 5449658: main just before issue 14's "one turn, one commit")
# Each round starts one build's service (role all: ingest + workers + outbox + in-process fake Zalo, the dialog engine
# answering), drives $RATE events/s for $E2E_SECONDS s with the same driver (ZaloBot.Bench e2e, from this tree), stops it,
# then does the same with the other build; the order flips every round (base-now, now-base, …). Each build has its own
# database (its own migrations) and Redis key prefix. Prints p99 per run, the now/base ratio per round, the median
# ratio, and the load average before each run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE_REF="${1:-5449658}"
ROUNDS="${ROUNDS:-4}"; RATE="${RATE:-50}"; E2E_SECONDS="${E2E_SECONDS:-10}"
PORT=18090
APP_ID="bench-app"; SECRET="bench-secret"; OA_ID="2000000000000000002"
NOW_REF="$(git -C "$ROOT" rev-parse --short HEAD)"
WORK="$(mktemp -d)"; BASE_TREE="$WORK/base"; NOW_TREE="$WORK/now"; PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true
  git -C "$ROOT" worktree remove --force "$NOW_TREE" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$ROOT/deploy/local/services.sh" start zalobot_bench_base >/dev/null
"$ROOT/deploy/local/services.sh" start zalobot_bench_now >/dev/null
REDIS="$("$ROOT/deploy/local/services.sh" env | sed -n 's/^ConnectionStrings__Redis=//p')"
postgres() { "$ROOT/deploy/local/services.sh" env "zalobot_bench_$1" | sed -n 's/^ConnectionStrings__Postgres=//p'; }

# Both builds come from clean checkouts of their commits (committed work only; this tree's bin/ is left alone).
echo "building now ($NOW_REF) and base ($BASE_REF) in Release…" >&2
git -C "$ROOT" worktree add --detach "$BASE_TREE" "$BASE_REF" >/dev/null 2>&1
git -C "$ROOT" worktree add --detach "$NOW_TREE" "$NOW_REF" >/dev/null 2>&1
dotnet build "$NOW_TREE/src/ZaloBot.Web" -c Release -v quiet -nologo >/dev/null
dotnet build "$BASE_TREE/src/ZaloBot.Web" -c Release -v quiet -nologo >/dev/null
dotnet build "$NOW_TREE/deploy/local/bench/ZaloBot.Bench" -c Release -v quiet -nologo >/dev/null
declare -A WEB=(
  [now]="$NOW_TREE/src/ZaloBot.Web/bin/Release/net10.0/ZaloBot.Web.dll"
  [base]="$BASE_TREE/src/ZaloBot.Web/bin/Release/net10.0/ZaloBot.Web.dll"
)
BENCH="$NOW_TREE/deploy/local/bench/ZaloBot.Bench/bin/Release/net10.0/ZaloBot.Bench.dll"

export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
export Zalo__Webhook__AppId="$APP_ID" Zalo__Webhook__OaSecretKey="$SECRET" Webhook__OaId="$OA_ID"
export Zalo__Tokens__AppId="$APP_ID" Zalo__Fake__AppId="$APP_ID" ConnectionStrings__Redis="$REDIS"
export Zalo__Api__OpenApiBaseUrl="http://127.0.0.1:$PORT/fake-zalo/" Zalo__Api__OAuthBaseUrl="http://127.0.0.1:$PORT/fake-zalo/"
for build in base now; do
  ConnectionStrings__Postgres="$(postgres "$build")" dotnet "${WEB[$build]}" migrate >/dev/null
done

wait_ready() { for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "not ready: $1" >&2; return 1; }
# One run: start the build's service, drive it, stop it; prints the driver's p99 (ms).
run() { # build round
  local build="$1" prefix="bench-compare:$(date +%s):$1:$2:"
  ConnectionStrings__Postgres="$(postgres "$build")" Service__Role=All Redis__KeyPrefix="$prefix" \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "${WEB[$build]}" serve >"$WORK/service-$build-$2.log" 2>&1 &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$PORT/health/ready"
  local out
  out="$(dotnet "$BENCH" e2e "http://127.0.0.1:$PORT" "$APP_ID" "$SECRET" "$OA_ID" "$RATE" "$E2E_SECONDS" 2>&1 | grep -v '^   at ' || true)"
  echo "$out" >"$WORK/e2e-$build-$2.txt"
  local p="${PIDS[-1]}"; kill "$p"; wait "$p" 2>/dev/null || true; unset 'PIDS[-1]'
  redis-cli -p "${REDIS##*:}" --scan --pattern "$prefix*" 2>/dev/null | xargs -r -n 500 redis-cli -p "${REDIS##*:}" del >/dev/null 2>&1 || true
  sed -n 's/.*e2e_p99_ms=\([0-9.]*\).*/\1/p' <<<"$out" | head -n1
}

echo "| round | order | load avg (1 min) before base / now | base p99 ms | now p99 ms | now / base |"
echo "|---|---|---|---|---|---|"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then order=(base now); else order=(now base); fi
  declare -A p99=() load=()
  for build in "${order[@]}"; do
    load[$build]="$(cut -d' ' -f1 /proc/loadavg)"
    p99[$build]="$(run "$build" "$round")"
  done
  ratio="$(awk -v n="${p99[now]:-0}" -v b="${p99[base]:-0}" 'BEGIN { if (b > 0) printf "%.2f", n / b; else print "n/a" }')"
  ratios+=("$ratio")
  echo "| $round | ${order[0]} → ${order[1]} | ${load[base]} / ${load[now]} | ${p99[base]:-failed} | ${p99[now]:-failed} | $ratio |"
done
median="$(printf '%s\n' "${ratios[@]}" | grep -v n/a | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
echo
echo "median now / base: $median over $ROUNDS rounds ($RATE events/s × ${E2E_SECONDS}s each; base $BASE_REF, now $NOW_REF); $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
