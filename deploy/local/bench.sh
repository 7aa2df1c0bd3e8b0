#!/usr/bin/env bash
# Benchmarks. `./zalobot bench ingest` measures the Zalo webhook ingest (see docs/performance.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
case "${1:-}" in
  ingest) shift; exec "$ROOT/deploy/local/bench-ingest.sh" "$@" ;;
  understanding)
    shift
    if [ -x "$ROOT/deploy/local/bench-understanding.sh" ]; then exec "$ROOT/deploy/local/bench-understanding.sh" "$@"; fi
    echo "bench understanding: not available in this build" >&2; exit 2 ;;
  *) echo "usage: bench.sh ingest|understanding" >&2; exit 2 ;;
esac
