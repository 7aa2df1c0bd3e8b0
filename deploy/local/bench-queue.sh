#!/usr/bin/env bash
# Times the staff console's queue page with 100,000 tickets.
#
#   deploy/local/bench-queue.sh [requests-per-url]        (default 200)
#
# 1. creates a scratch database (zalobot_bench_queue) on the local PostgreSQL (deploy/local/services.sh),
#    migrates and seeds it with the service binary, adds an Office user;
# 2. bulk-inserts 100,000 tickets with generate_series (20,000 citizens, every category, ward and status,
#    due dates spread over a year, about a third still open);
# 3. starts the service (Release build) on a loopback port, signs in with curl (anti-forgery token + cookie);
# 4. requests each queue URL below N times after a warm-up and prints p50/p90/p99/max in milliseconds,
#    plus the PostgreSQL plans of the default queue query (they should use ix_tickets_due_date_id).
# The scratch database is dropped at the end unless ZALOBOT_BENCH_KEEP=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-200}"
PG_HOST=127.0.0.1
PG_PORT="${ZALOBOT_PG_PORT:-55433}"
PG_USER=zalobot
export PGPASSWORD="${ZALOBOT_PG_PASSWORD:-zalobot-dev}"
DB=zalobot_bench_queue
PORT="${ZALOBOT_BENCH_PORT:-5391}"
OUT="${ZALOBOT_BENCH_BUILD:-/tmp/zalobot-bench-queue}"
EMAIL=bench-office@q3.test
PASSWORD=bench-password-2026
JAR="$(mktemp)"
SERVER_PID=""

log() { printf '[bench-queue] %s\n' "$*" >&2; }
psql_db() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -v ON_ERROR_STOP=1 -q "${@:2}"; }

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -f "$JAR"
  if [ "${ZALOBOT_BENCH_KEEP:-0}" != 1 ]; then
    psql_db postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

export ConnectionStrings__Postgres="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Password=$PGPASSWORD;Database=$DB"
export ConnectionStrings__Redis="127.0.0.1:${ZALOBOT_REDIS_PORT:-56380}"
export Redis__KeyPrefix="bench-queue:"
# Development: cookies over plain HTTP on loopback (production requires HTTPS).
export ASPNETCORE_ENVIRONMENT=Development
export Logging__LogLevel__Default=Warning

log "publishing the service (Release) to $OUT"
dotnet publish "$ROOT/src/ZaloBot.Web" -c Release -o "$OUT" --nologo -v quiet >/dev/null
BIN=("dotnet" "$OUT/ZaloBot.Web.dll")

log "creating scratch database $DB"
psql_db postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql_db postgres -c "CREATE DATABASE $DB" >/dev/null
"${BIN[@]}" migrate >/dev/null
"${BIN[@]}" seed >/dev/null
ZALOBOT_USER_PASSWORD="$PASSWORD" "${BIN[@]}" user add --email "$EMAIL" --name "Bench Office" --role Office >/dev/null

log "inserting 100,000 tickets"
START=$(date +%s.%N)
psql_db "$DB" <<'SQL'
INSERT INTO citizens (zalo_user_id, first_seen_at, last_interaction_at, is_follower)
SELECT 'bench-' || g, now() - interval '400 days', now() - (g % 30) * interval '1 day', true
FROM generate_series(1, 20000) g;

WITH c AS (SELECT array_agg(id ORDER BY id) ids FROM feedback_categories WHERE route = 0),
     w AS (SELECT array_agg(id ORDER BY id) ids FROM org_units WHERE kind = 2),
     u AS (SELECT array_agg(id ORDER BY id) ids FROM org_units),
     z AS (SELECT array_agg(id ORDER BY id) ids FROM citizens)
INSERT INTO tickets (code, year, sequence, status, category_id, ward_id, unit_id, citizen_id, text,
                     created_at, updated_at, due_date, answered_at, closed_at, source_message_id, rating)
SELECT 'PA-2026-' || lpad(g::text, 6, '0'), 2026, g,
       -- about a third open (received 0, accepted 1, in progress 2), the rest answered 3 / closed 4 / rejected 5 / transferred 6
       (ARRAY[0,1,2,3,4,4,4,3,5,6,4,0,1,2,4])[1 + g % 15],
       c.ids[1 + g % array_length(c.ids, 1)],
       w.ids[1 + (g / 7) % array_length(w.ids, 1)],
       u.ids[1 + (g / 3) % array_length(u.ids, 1)],
       z.ids[1 + g % array_length(z.ids, 1)],
       'Phản ánh số ' || g || ': ' || (ARRAY['lấn chiếm vỉa hè', 'rác thải không đúng giờ', 'đèn đường hỏng', 'tiếng ồn công trình ban đêm', 'ngập nước sau mưa', 'thủ tục cấp phép chậm'])[1 + g % 6] || ' tại hẻm ' || (g % 400) || ' đường Nguyễn Đình Chiểu, Quận 3.',
       now() - (100000 - g) * interval '5 minutes',
       now() - (100000 - g) * interval '5 minutes',
       (now() - (100000 - g) * interval '5 minutes')::date + 10 + (g % 5),
       CASE WHEN (ARRAY[0,1,2,3,4,4,4,3,5,6,4,0,1,2,4])[1 + g % 15] IN (3, 4) THEN now() - (100000 - g) * interval '5 minutes' + interval '3 days' END,
       CASE WHEN (ARRAY[0,1,2,3,4,4,4,3,5,6,4,0,1,2,4])[1 + g % 15] IN (4, 5, 6) THEN now() - (100000 - g) * interval '5 minutes' + interval '4 days' END,
       'bench-msg-' || g,
       CASE WHEN g % 4 = 0 THEN 1 + g % 5 END
FROM generate_series(1, 100000) g, c, w, u, z;

INSERT INTO ticket_code_counters (year, last_value) VALUES (2026, 100000)
ON CONFLICT (year) DO UPDATE SET last_value = excluded.last_value;
SQL
# What autovacuum does soon after a bulk load in production: statistics and the visibility map (index-only scans).
psql_db "$DB" -c "VACUUM ANALYZE tickets" -c "VACUUM ANALYZE citizens"
log "inserted in $(echo "$(date +%s.%N) - $START" | bc) s; $(psql_db "$DB" -tAc 'SELECT count(*) FROM tickets') tickets, $(psql_db "$DB" -tAc 'SELECT count(*) FROM tickets WHERE status IN (0,1,2)') open"

log "starting the service on 127.0.0.1:$PORT"
ASPNETCORE_URLS="http://127.0.0.1:$PORT" "${BIN[@]}" serve >/tmp/zalobot-bench-queue.log 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break
  sleep 0.5
done

BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/console/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/console/sign-in")
[ "$STATUS" = 302 ] || { log "sign-in failed (HTTP $STATUS)"; exit 1; }

WARD=$(psql_db "$DB" -tAc "SELECT id FROM org_units WHERE code = 'phuong-5'")
# Page 200 of the default view (10,000 rows in): the keyset cursor of the 10,000th open ticket.
CURSOR=$(psql_db "$DB" -tAc "SELECT to_char(due_date, 'YYYY-MM-DD') || '_' || id FROM tickets WHERE status IN (0,1,2) ORDER BY due_date, id OFFSET 9999 LIMIT 1")
URLS=(
  "/console/tickets"
  "/console/tickets?status=all"
  "/console/tickets?after=$CURSOR"
  "/console/tickets?wardId=$WARD"
  "/console/tickets?due=overdue"
  "/console/tickets?q=PA-2026-054321"
  "/console/tickets?q=ng%E1%BA%ADp%20n%C6%B0%E1%BB%9Bc"
  "/console/tickets?status=all&q=karaoke"
)

printf '\n%-62s %7s %7s %7s %7s %7s\n' "URL ($N requests each, after 20 warm-up)" p50 p90 p99 max bytes
for url in "${URLS[@]}"; do
  for _ in $(seq 1 20); do curl -fsS -b "$JAR" -o /dev/null "$BASE$url" || log "warm-up request failed: $url"; done
  bytes=$(curl -fs -b "$JAR" "$BASE$url" | wc -c)
  for _ in $(seq 1 "$N"); do
    curl -fs -b "$JAR" -o /dev/null -w '%{time_total}\n' "$BASE$url"
  done | awk '{ print $1 * 1000 }' | sort -n | awk -v url="$url" -v bytes="$bytes" '
    { v[NR] = $1 }
    END {
      printf "%-62s %7.1f %7.1f %7.1f %7.1f %7d\n", substr(url, 1, 62), v[int(NR*0.50)], v[int(NR*0.90)], v[int(NR*0.99)], v[NR], bytes
    }'
done

echo
log "plan of the default queue query (open tickets by due date, first page):"
psql_db "$DB" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT t.id, t.code, t.status, t.due_date FROM tickets t
WHERE t.status IN (0, 1, 2) ORDER BY t.due_date, t.id LIMIT 51"
log "plan of a free-text search without matches over all tickets (worst case):"
psql_db "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF)
SELECT t.id FROM tickets t WHERE t.text ILIKE '%karaoke%' ORDER BY t.due_date, t.id LIMIT 51"
log "plan of a free-text search with many matches among open tickets:"
psql_db "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF)
SELECT t.id FROM tickets t WHERE t.status IN (0, 1, 2) AND t.text ILIKE '%ngập nước%' ORDER BY t.due_date, t.id LIMIT 51"
log "plan of the status counts (one pass for all counts):"
psql_db "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF)
SELECT status, count(*), count(*) FILTER (WHERE due_date < current_date), count(*) FILTER (WHERE due_date BETWEEN current_date AND current_date + 2)
FROM tickets GROUP BY status"
log "plan of a later page (keyset cursor $CURSOR):"
psql_db "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF)
SELECT t.id FROM tickets t
WHERE t.status IN (0, 1, 2) AND t.due_date >= '${CURSOR%_*}' AND (t.due_date > '${CURSOR%_*}' OR (t.due_date = '${CURSOR%_*}' AND t.id > ${CURSOR#*_}))
ORDER BY t.due_date, t.id LIMIT 51"
