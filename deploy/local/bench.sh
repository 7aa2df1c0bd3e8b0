#!/usr/bin/env bash
# Benchmarks (figures in docs/performance.md and docs/understanding.md).
#   ./zalobot bench ingest          signed webhook events over HTTP against the running service (wrk)
#   ./zalobot bench compare [REF]   end-to-end p99 at 50 events/s, REF's build vs this one, alternated in one run
#   ./zalobot bench understanding   recognizer latency, index memory and rebuild time on 2,000 FAQ entries
#   ./zalobot bench queue [N]       the console queue page with 100,000 tickets
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
case "${1:-}" in
  ingest) shift; exec "$ROOT/deploy/local/bench-ingest.sh" "$@" ;;
  understanding) shift; exec dotnet run -c Release --project "$ROOT/tests/ZaloBot.Benchmarks" -- understanding --content "$ROOT/content" "$@" ;;
  queue) shift; exec "$ROOT/deploy/local/bench-queue.sh" "$@" ;;
  compare) shift; exec "$ROOT/deploy/local/bench-compare.sh" "$@" ;;
  *) echo "usage: bench.sh ingest|understanding|queue|compare [REF]" >&2; exit 2 ;;
esac
