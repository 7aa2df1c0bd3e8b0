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

# A local three-node Redis Cluster (no replicas) for the test that proves every multi-key script and transaction
# stays in one hash slot (managed Redis offerings are often clusters). Ports: REDIS_PORT+100..102, bus ports +200..202.
CLUSTER_PORTS=("$((REDIS_PORT + 100))" "$((REDIS_PORT + 101))" "$((REDIS_PORT + 102))")
cluster_ready() { redis-cli -h 127.0.0.1 -p "${CLUSTER_PORTS[0]}" cluster info 2>/dev/null | grep -q 'cluster_state:ok'; }
start_cluster() {
  if cluster_ready; then log "Redis Cluster already running on 127.0.0.1:${CLUSTER_PORTS[*]}"; return; fi
  local nodes=()
  for port in "${CLUSTER_PORTS[@]}"; do
    mkdir -p "$DATA/redis-cluster/$port" "$DATA/log" "$DATA/run"
    if ! redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      redis-server --port "$port" --cluster-port "$((port + 100))" --bind 127.0.0.1 --protected-mode yes \
        --cluster-enabled yes --cluster-config-file "nodes-$port.conf" --cluster-node-timeout 5000 \
        --dir "$DATA/redis-cluster/$port" --appendonly no --save "" \
        --daemonize yes --pidfile "$DATA/run/redis-cluster-$port.pid" --logfile "$DATA/log/redis-cluster-$port.log" >/dev/null
    fi
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
    nodes+=("127.0.0.1:$port")
  done
  if ! redis-cli -h 127.0.0.1 -p "${CLUSTER_PORTS[0]}" cluster info 2>/dev/null | grep -q 'cluster_slots_assigned:16384'; then
    log "creating Redis Cluster ${nodes[*]}"
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
  fi
  for _ in $(seq 1 100); do cluster_ready && { log "Redis Cluster ready on 127.0.0.1:${CLUSTER_PORTS[*]}"; return; }; sleep 0.1; done
  log "Redis Cluster did not become ready; see $DATA/log/redis-cluster-*.log"; exit 1
}
stop_cluster() {
  for port in "${CLUSTER_PORTS[@]}"; do redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true; done
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
  install-wrk) command -v wrk >/dev/null 2>&1 || apt_install wrk ;;
  start) ensure_installed; start_pg; start_redis; ensure_database "${2:-zalobot}" ;;
  start-cluster) ensure_installed; start_cluster ;;
  stop) stop_cluster; stop_all ;;
  status) status ;;
  env)
    echo "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=${2:-zalobot}"
    echo "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT"
    ;;
  env-cluster) echo "127.0.0.1:${CLUSTER_PORTS[0]},127.0.0.1:${CLUSTER_PORTS[1]},127.0.0.1:${CLUSTER_PORTS[2]}" ;;
  *) echo "usage: services.sh install|install-chromium|install-nginx|install-wrk|start [db]|start-cluster|stop|status|env [db]|env-cluster" >&2; exit 2 ;;
esac
