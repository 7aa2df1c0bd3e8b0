#!/usr/bin/env bash
# The whole test suite against real PostgreSQL and Redis (started here) and, for browser tests,
# Debian's Chromium. Prints a one-line summary and exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$ROOT/deploy/local/services.sh" start zalobot
if ! command -v chromium >/dev/null 2>&1; then
  "$ROOT/deploy/local/services.sh" install-chromium
fi
# Tests create their own uniquely named databases on this server and drop them afterwards.
export ZALOBOT_TEST_POSTGRES="$("$ROOT/deploy/local/services.sh" env postgres | sed -n 's/^ConnectionStrings__Postgres=//p')"
export ZALOBOT_TEST_REDIS="$("$ROOT/deploy/local/services.sh" env | sed -n 's/^ConnectionStrings__Redis=//p')"
export ZALOBOT_CHROMIUM="$(command -v chromium || true)"

dotnet build ZaloBot.sln -c Release -v quiet -nologo

log="$(mktemp)"
set +e
dotnet test ZaloBot.sln -c Release --no-build -v quiet -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" | grep -E '^\s*(Failed|Passed!|Failed!|Skipped|  Error Message|Total tests|     [A-Za-z])' 
status=${PIPESTATUS[0]}
set -e

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
