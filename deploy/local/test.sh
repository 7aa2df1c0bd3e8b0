#!/usr/bin/env bash
# The whole test suite against real PostgreSQL and Redis (started here), Debian's Chromium for the browser
# tests and Debian's nginx for the production-topology test. Prints a one-line summary and exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$ROOT/deploy/local/services.sh" start zalobot
if ! command -v chromium >/dev/null 2>&1; then
  "$ROOT/deploy/local/services.sh" install-chromium
fi
"$ROOT/deploy/local/services.sh" install-nginx
# Tests create their own uniquely named databases on this server and drop them afterwards.
export ZALOBOT_TEST_POSTGRES="$("$ROOT/deploy/local/services.sh" env postgres | sed -n 's/^ConnectionStrings__Postgres=//p')"
export ZALOBOT_TEST_REDIS="$("$ROOT/deploy/local/services.sh" env | sed -n 's/^ConnectionStrings__Redis=//p')"
export ZALOBOT_CHROMIUM="$(command -v chromium || true)"
# A three-node Redis Cluster for the hash-slot test (RedisClusterTests).
"$ROOT/deploy/local/services.sh" start-cluster
export ZALOBOT_TEST_REDIS_CLUSTER="$("$ROOT/deploy/local/services.sh" env-cluster)"

dotnet build ZaloBot.sln -c Release -v quiet -nologo

log="$(mktemp)"
set +e
dotnet test ZaloBot.sln -c Release --no-build -v quiet -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" | grep -vE '^\s+Passed |^\s*$|^A total of|^Test run for' 
status=${PIPESTATUS[0]}
set -e

count() { { grep -Eo "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
# A failure's message can be long (a child process's log tail); CI shows only the end of the output, so the names of
# the failed tests are repeated last, right above the summary.
if [ "$failed" -ne 0 ]; then
  echo "Failed tests:"
  { grep -E '^\s+Failed [A-Za-z_]' "$log" || true; } | sed -E 's/^\s+/  /' | cut -c1-200
fi
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
