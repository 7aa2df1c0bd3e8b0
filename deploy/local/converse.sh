#!/usr/bin/env bash
# The conversation scenario suite (tests/conversations/README.md): signed webhooks → worker → turn → committer →
# outbox → fake Zalo, against the real PostgreSQL and Redis started here.
#   ./zalobot converse                 every tests/conversations/*.yaml (passes when at least the recorded number pass)
#   ./zalobot converse FILE...         only these files (passes only when every scenario passes)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$ROOT/deploy/local/services.sh" start zalobot
export ZALOBOT_TEST_POSTGRES="$("$ROOT/deploy/local/services.sh" env postgres | sed -n 's/^ConnectionStrings__Postgres=//p')"
export ZALOBOT_TEST_REDIS="$("$ROOT/deploy/local/services.sh" env | sed -n 's/^ConnectionStrings__Redis=//p')"
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
ZALOBOT_CONVERSE_FILES="$(IFS=:; echo "${files[*]:-}")"
export ZALOBOT_CONVERSE_FILES
report="$(mktemp)"
export ZALOBOT_CONVERSE_REPORT="$report"

set +e
dotnet test tests/ZaloBot.Web.Tests -c Release -v quiet -nologo \
  --filter "FullyQualifiedName~ConversationScenarioTests.ShippedScenarios" >/dev/null 2>&1
status=$?
set -e
if [ -s "$report" ]; then cat "$report"; else echo "converse: the scenario run did not finish (dotnet test exit $status)" >&2; fi
rm -f "$report"
exit "$status"
