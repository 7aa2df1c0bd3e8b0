#!/usr/bin/env bash
# Benchmarks (figures in docs/performance.md and docs/understanding.md).
#   ./zalobot bench ingest          signed webhook events over HTTP against the running service (wrk)
#   ./zalobot bench compare [REF]   end-to-end p99 at 50 events/s, REF's build vs this one, alternated in one run
#   ./zalobot bench understanding   recognizer latency, index memory and rebuild time on 2,000 FAQ entries
#   ./zalobot bench queue [N]       the console queue page with 100,000 tickets
#   ./zalobot bench faults [S…]     the fault suite: kill -9, Redis/PostgreSQL cut, Zalo faults, re-delivery, two instances
#   ./zalobot bench perf [P…]       turns/s, a 10,000-notification burst with chat latency while it drains, RSS soak
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
case "${1:-}" in
  ingest) shift; exec "$ROOT/deploy/local/bench-ingest.sh" "$@" ;;
  understanding) shift; exec dotnet run -c Release --project "$ROOT/tests/ZaloBot.Benchmarks" -- understanding --content "$ROOT/content" "$@" ;;
  queue) shift; exec "$ROOT/deploy/local/bench-queue.sh" "$@" ;;
  faults) shift; exec "$ROOT/deploy/local/bench-faults.sh" "$@" ;;
  perf) shift; exec "$ROOT/deploy/local/bench-faults.sh" --perf "$@" ;;
  compare) shift; exec "$ROOT/deploy/local/bench-compare.sh" "$@" ;;
  *) echo "usage: bench.sh ingest|understanding|queue|faults|perf|compare [REF]" >&2; exit 2 ;;
esac
