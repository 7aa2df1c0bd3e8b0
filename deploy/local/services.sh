#!/usr/bin/env bash
# Private PostgreSQL and Redis instances for development and tests.
# Debian's packages install here, but their system services do not start, so we run our own
# instances on project-specific loopback ports with data under the git-ignored .data/ folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${ZALOBOT_DATA_DIR:-$ROOT/.data}"
PG_PORT="${ZALOBOT_PG_PORT:-55433}"
REDIS_PORT="${ZALOBOT_REDIS_PORT:-56380}"
PG_USER="zalobot"
# Local development password only; production passwords come from the environment (see README).
PG_PASSWORD="${ZALOBOT_PG_PASSWORD:-zalobot-dev}"

log() { printf '[services] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

ensure_installed() {
  local missing=()
  [ -n "$(pg_bin || true)" ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  # The build restores the console's chart library from npm (src/ZaloBot.Web/package-lock.json).
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# PostgreSQL refuses to run as root: when we are root, the cluster belongs to the postgres user.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; }

start_pg() {
  local bin; bin="$(pg_bin)"
  if pg_ready; then log "PostgreSQL already running on 127.0.0.1:$PG_PORT"; return; fi
  mkdir -p "$DATA/pg" "$DATA/run" "$DATA/log"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$DATA/pg" "$DATA/run" "$DATA/log"; chmod 755 "$DATA"; fi
  if [ ! -f "$DATA/pg/PG_VERSION" ]; then
    log "initdb $DATA/pg"
    local pwfile; pwfile="$(mktemp)"; printf '%s\n' "$PG_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
    run_pg "$bin/initdb" -D "$DATA/pg" -U "$PG_USER" --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  run_pg "$bin/pg_ctl" -D "$DATA/pg" -l "$DATA/log/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA/run -c max_connections=300" start >/dev/null
}

ensure_database() {
  local db="$1"
  PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || {
    log "creating database $db"
    PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null
  }
}

redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

start_redis() {
  if redis_ready; then log "Redis already running on 127.0.0.1:$REDIS_PORT"; return; fi
  mkdir -p "$DATA/redis" "$DATA/log"
  log "starting Redis on 127.0.0.1:$REDIS_PORT (AOF on)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes \
    --dir "$DATA/redis" --appendonly yes --appendfsync everysec --save "" \
    --daemonize yes --pidfile "$DATA/run/redis.pid" --logfile "$DATA/log/redis.log" >/dev/null
  for _ in $(seq 1 50); do redis_ready && return; sleep 0.1; done
  log "Redis did not start; see $DATA/log/redis.log"; exit 1
}

stop_all() {
  if redis_ready; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true; log "Redis stopped"; fi
  if [ -n "$(pg_bin || true)" ] && [ -f "$DATA/pg/PG_VERSION" ] && pg_ready; then
    run_pg "$(pg_bin)/pg_ctl" -D "$DATA/pg" -m fast -w stop >/dev/null; log "PostgreSQL stopped"
  fi
}

status() {
  if [ -n "$(pg_bin || true)" ] && pg_ready; then echo "postgresql: running on 127.0.0.1:$PG_PORT"; else echo "postgresql: stopped"; fi
  if command -v redis-cli >/dev/null 2>&1 && redis_ready; then echo "redis: running on 127.0.0.1:$REDIS_PORT"; else echo "redis: stopped"; fi
}

case "${1:-}" in
  install) ensure_installed ;;
  install-chromium) command -v chromium >/dev/null 2>&1 || apt_install chromium ;;
  # The production-topology test: Debian's nginx terminates TLS with a certificate openssl makes at test time.
  install-nginx)
    missing=()
    [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
    ;;
  start) ensure_installed; start_pg; start_redis; ensure_database "${2:-zalobot}" ;;
  stop) stop_all ;;
  status) status ;;
  env)
    echo "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=${2:-zalobot}"
    echo "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT"
    ;;
  *) echo "usage: services.sh install|install-chromium|install-nginx|start [db]|stop|status|env [db]" >&2; exit 2 ;;
esac
