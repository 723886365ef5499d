#!/usr/bin/env bash
# Local PostgreSQL and Redis for Shotcraft, without Docker.
#
#   deployment/local/services.sh [up]   make PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer,
#                                       installing them with apt-get where missing, then create the role and
#                                       the databases the application uses (idempotent)
#   deployment/local/services.sh status say what answers and whether the role and databases exist (exit 1 if a
#                                       service does not answer)
#   deployment/local/services.sh down   stop only what `up` started (as recorded in the state dir)
#   deployment/local/services.sh env    print the export lines the application reads
#
# Services that already answer are left alone. The state dir records what this script started.
#
# Overrides: SHOTCRAFT_DB_USER, SHOTCRAFT_DB_PASSWORD, SHOTCRAFT_DB_NAME, SHOTCRAFT_TEST_DB_NAME,
#   SHOTCRAFT_PG_PORT, SHOTCRAFT_REDIS_PORT, SHOTCRAFT_STATE_DIR, SHOTCRAFT_WAIT_SECONDS,
#   SHOTCRAFT_PG_ADMIN_USER / SHOTCRAFT_PG_ADMIN_PASSWORD (used over TCP when the local postgres account can't be used).
set -euo pipefail

HOST=127.0.0.1
PG_PORT="${SHOTCRAFT_PG_PORT:-5432}"
REDIS_PORT="${SHOTCRAFT_REDIS_PORT:-6379}"
DB_USER="${SHOTCRAFT_DB_USER:-shotcraft}"
DB_PASSWORD="${SHOTCRAFT_DB_PASSWORD:-shotcraft}"
DB_NAME="${SHOTCRAFT_DB_NAME:-shotcraft}"
TEST_DB_NAME="${SHOTCRAFT_TEST_DB_NAME:-shotcraft_test}"
STATE_DIR="${SHOTCRAFT_STATE_DIR:-/tmp/shotcraft-local}"
WAIT_SECONDS="${SHOTCRAFT_WAIT_SECONDS:-30}"
PG_ADMIN_USER="${SHOTCRAFT_PG_ADMIN_USER:-postgres}"

PG_STATE="$STATE_DIR/postgresql.started"   # "<version> <cluster> <port>" of a cluster this script started
REDIS_STATE="$STATE_DIR/redis.started"     # "<pid> <port>" of a redis-server this script started

export PGCONNECT_TIMEOUT=5

log() { echo "[services] $*"; }
warn() { echo "[services] WARNING: $*" >&2; }
die() { echo "[services] ERROR: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------- privileges and packages

run_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif have sudo; then
    sudo "$@"
  else
    die "need root for: $* (not root and no sudo)"
  fi
}

APT_UPDATED=0
apt_install() {
  have apt-get || die "apt-get not found: install $* yourself, or use deployment/local/compose.yaml with Docker"
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    run_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  log "installing: $*"
  run_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}

# ---------------------------------------------------------------- probes

pg_answers() { have pg_isready && pg_isready -q -h "$HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1; }
redis_answers() { have redis-cli && [ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }
pg_server_installed() {
  have pg_lsclusters && have pg_ctlcluster && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

wait_for() { # name port check-function
  local name="$1" port="$2" check="$3" waited=0
  while ! "$check"; do
    if [ "$waited" -ge $((WAIT_SECONDS * 2)) ]; then
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  log "$name: answers on $HOST:$port"
}

ensure_clients() {
  local pkgs=()
  { have psql && have pg_isready; } || pkgs+=(postgresql-client)
  have redis-cli || pkgs+=(redis-tools)
  if [ "${#pkgs[@]}" -gt 0 ]; then apt_install "${pkgs[@]}"; fi
}

# ---------------------------------------------------------------- PostgreSQL

pg_ctl_cluster() { # version cluster action
  run_root pg_ctlcluster --skip-systemctl-redirect "$1" "$2" "$3" 2>/dev/null \
    || run_root pg_ctlcluster "$1" "$2" "$3"
}

# Makes sure the cluster listens on 127.0.0.1 (Debian's default 'localhost' does).
pg_ensure_listen() { # version cluster
  local la
  la=$(pg_conftool -s "$1" "$2" show listen_addresses 2>/dev/null || echo localhost)
  la="${la//\'/}"
  case ",${la// /}," in
    *,localhost,* | *,127.0.0.1,* | *,\*,* | *,0.0.0.0,*) return 0 ;;
  esac
  # (pg_conftool leaves a plain word unquoted and quotes a list; a bare 127.0.0.1 would be a syntax error)
  local new="localhost"
  [ -n "$la" ] && new="$la,127.0.0.1"
  log "postgres: cluster $1/$2 had listen_addresses='$la', setting '$new'"
  run_root pg_conftool "$1" "$2" set listen_addresses "$new"
}

start_postgres() {
  local ver="" name="" status="" logfile="" v n p s _o _d l
  while read -r v n p s _o _d l; do
    if [ "$p" = "$PG_PORT" ]; then ver="$v" name="$n" status="$s" logfile="$l"; break; fi
  done < <(pg_lsclusters -h 2>/dev/null || true)

  if [ -z "$ver" ]; then
    ver=$(for d in /usr/lib/postgresql/*/bin/postgres; do basename "$(dirname "$(dirname "$d")")"; done | sort -V | tail -n 1)
    name=main
    [ -e "/etc/postgresql/$ver/main" ] && name=shotcraft
    local locale_opt=()
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale_opt=(--locale=C.UTF-8); fi
    log "postgres: no cluster on port $PG_PORT, creating $ver/$name"
    run_root pg_createcluster "${locale_opt[@]}" -p "$PG_PORT" "$ver" "$name" >/dev/null \
      || die "pg_createcluster $ver $name failed"
    status=down
    logfile=$(pg_lsclusters -h "$ver" "$name" 2>/dev/null | awk '{print $7}')
  fi

  pg_ensure_listen "$ver" "$name"
  case "$status" in
    online*)
      log "postgres: cluster $ver/$name is online but does not answer on $HOST:$PG_PORT yet, waiting"
      return 0 ;;
  esac

  log "postgres: starting cluster $ver/$name"
  if ! pg_ctl_cluster "$ver" "$name" start; then
    [ -n "$logfile" ] && [ -r "$logfile" ] && tail -n 20 "$logfile" >&2
    die "could not start PostgreSQL cluster $ver/$name"
  fi
  mkdir -p "$STATE_DIR"
  echo "$ver $name $PG_PORT" >"$PG_STATE"
}

# ---------------------------------------------------------------- Redis

start_redis() {
  mkdir -p "$STATE_DIR/redis"
  rm -f "$STATE_DIR/redis.pid"
  log "redis: starting redis-server on $HOST:$REDIS_PORT (no persistence, log $STATE_DIR/redis.log)"
  redis-server --daemonize yes --bind "$HOST" --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STATE_DIR/redis" --logfile "$STATE_DIR/redis.log" --pidfile "$STATE_DIR/redis.pid" \
    || die "redis-server failed to start (see $STATE_DIR/redis.log)"
}

record_redis() {
  local pid=""
  for _ in $(seq 1 20); do
    pid=$(cat "$STATE_DIR/redis.pid" 2>/dev/null || true)
    [ -n "$pid" ] && break
    sleep 0.25
  done
  [ -n "$pid" ] || die "redis-server answers but wrote no pid file ($STATE_DIR/redis.pid)"
  echo "$pid $REDIS_PORT" >"$REDIS_STATE"
}

# ---------------------------------------------------------------- SQL helpers

sql_lit() { local s="${1//\'/\'\'}"; printf "'%s'" "$s"; }
sql_ident() { local s="${1//\"/\"\"}"; printf '"%s"' "$s"; }

# Runs psql as the application role over TCP: app_psql DB ARGS...
app_psql() {
  local db="$1"; shift
  (cd / && PGPASSWORD="$DB_PASSWORD" psql -X -q -w -h "$HOST" -p "$PG_PORT" -U "$DB_USER" -d "$db" "$@")
}

ADMIN=()
admin_psql() { (cd / && "${ADMIN[@]}" -X -q -w -v ON_ERROR_STOP=1 -d postgres "$@"); }

# Finds a way to run psql as a superuser: the postgres account over the local socket, else TCP.
try_admin() {
  ADMIN=("$@")
  [ "$(admin_psql -tAc 'select rolsuper from pg_roles where rolname = current_user' 2>/dev/null)" = t ]
}
find_admin() { # interactive(0/1)
  local interactive="$1"
  if id postgres >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      if have runuser; then try_admin runuser -u postgres -- psql -p "$PG_PORT" && return 0; fi
    elif [ "$(id -un)" = postgres ]; then
      try_admin psql -p "$PG_PORT" && return 0
    elif have sudo; then
      try_admin sudo -n -u postgres psql -p "$PG_PORT" && return 0
      if [ "$interactive" -eq 1 ] && [ -t 0 ]; then
        try_admin sudo -u postgres psql -p "$PG_PORT" && return 0
      fi
    fi
  fi
  if [ -n "${SHOTCRAFT_PG_ADMIN_PASSWORD:-}" ]; then
    try_admin env PGPASSWORD="$SHOTCRAFT_PG_ADMIN_PASSWORD" psql -h "$HOST" -p "$PG_PORT" -U "$PG_ADMIN_USER" && return 0
  else
    try_admin psql -h "$HOST" -p "$PG_PORT" -U "$PG_ADMIN_USER" && return 0
  fi
  ADMIN=()
  return 1
}

STATE_QUERY="SELECT 'role', rolname, CASE WHEN rolcanlogin THEN 't' ELSE 'f' END FROM pg_roles WHERE rolname = $(sql_lit "$DB_USER")
UNION ALL
SELECT 'db', datname, pg_get_userbyid(datdba) FROM pg_database
 WHERE datname IN ($(sql_lit "$DB_NAME"), $(sql_lit "$TEST_DB_NAME"))"

# Fills ROLE_EXISTS, ROLE_LOGIN, DB_OWNER[name] from "kind|name|value" lines.
declare -A DB_OWNER=()
ROLE_EXISTS=0 ROLE_LOGIN=f
parse_state() {
  local kind name value
  ROLE_EXISTS=0 ROLE_LOGIN=f
  DB_OWNER=()
  while IFS='|' read -r kind name value; do
    case "$kind" in
      role) ROLE_EXISTS=1 ROLE_LOGIN="$value" ;;
      db) DB_OWNER["$name"]="$value" ;;
    esac
  done <<<"$1"
}

# Prints the state lines as the application role (tries its databases, then "postgres").
app_state() {
  local db
  for db in "$DB_NAME" "$TEST_DB_NAME" postgres; do
    if app_psql "$db" -tA -F '|' -c "$STATE_QUERY" 2>/dev/null; then return 0; fi
  done
  return 1
}

app_login_ok() { # db
  [ "$(app_psql "$1" -tAc 'select 1' 2>/dev/null)" = 1 ]
}

setup_db() {
  local state db changed=0
  if state=$(app_state); then
    parse_state "$state"
    if [ -n "${DB_OWNER[$DB_NAME]:-}" ] && [ "${DB_OWNER[$DB_NAME]}" = "$DB_USER" ] \
      && [ "${DB_OWNER[$TEST_DB_NAME]:-}" = "$DB_USER" ] \
      && app_login_ok "$DB_NAME" && app_login_ok "$TEST_DB_NAME"; then
      log "postgres: role $DB_USER and databases $DB_NAME, $TEST_DB_NAME already present"
      return 0
    fi
    APP_LOGIN=1
  else
    APP_LOGIN=0
  fi

  find_admin 1 || die "cannot connect to PostgreSQL as a superuser (tried the postgres account and $PG_ADMIN_USER@$HOST:$PG_PORT); create them by hand:
  CREATE ROLE $DB_USER LOGIN PASSWORD '...'; CREATE DATABASE $DB_NAME OWNER $DB_USER; CREATE DATABASE $TEST_DB_NAME OWNER $DB_USER;"
  state=$(admin_psql -tA -F '|' -c "$STATE_QUERY") || die "could not read roles and databases"
  parse_state "$state"

  if [ "$ROLE_EXISTS" -eq 0 ]; then
    admin_psql -c "CREATE ROLE $(sql_ident "$DB_USER") LOGIN PASSWORD $(sql_lit "$DB_PASSWORD")" >/dev/null
    log "postgres: created role $DB_USER"
    changed=1
  elif [ "$APP_LOGIN" -eq 0 ] || [ "$ROLE_LOGIN" != t ]; then
    admin_psql -c "ALTER ROLE $(sql_ident "$DB_USER") WITH LOGIN PASSWORD $(sql_lit "$DB_PASSWORD")" >/dev/null
    log "postgres: role $DB_USER could not log in, set LOGIN and its password"
    changed=1
  fi
  for db in "$DB_NAME" "$TEST_DB_NAME"; do
    if [ -z "${DB_OWNER[$db]:-}" ]; then
      admin_psql -c "CREATE DATABASE $(sql_ident "$db") OWNER $(sql_ident "$DB_USER")" >/dev/null
      log "postgres: created database $db owned by $DB_USER"
      changed=1
    elif [ "${DB_OWNER[$db]}" != "$DB_USER" ]; then
      admin_psql -c "ALTER DATABASE $(sql_ident "$db") OWNER TO $(sql_ident "$DB_USER")" >/dev/null
      log "postgres: database $db was owned by ${DB_OWNER[$db]}, now owned by $DB_USER"
      changed=1
    fi
  done
  [ "$changed" -eq 1 ] || log "postgres: role $DB_USER and databases $DB_NAME, $TEST_DB_NAME already present"

  for db in "$DB_NAME" "$TEST_DB_NAME"; do
    app_login_ok "$db" \
      || die "role $DB_USER cannot log in to $db on $HOST:$PG_PORT with its password (check pg_hba.conf)"
  done
}

# ---------------------------------------------------------------- commands

cmd_up() {
  ensure_clients

  local pg_ok=0 redis_ok=0 pkgs=()
  if pg_answers; then pg_ok=1; log "postgres: already answers on $HOST:$PG_PORT, leaving it alone"; fi
  if redis_answers; then redis_ok=1; log "redis: already answers on $HOST:$REDIS_PORT, leaving it alone"; fi

  [ "$pg_ok" -eq 1 ] || pg_server_installed || pkgs+=(postgresql postgresql-client)
  [ "$redis_ok" -eq 1 ] || have redis-server || pkgs+=(redis-server)
  if [ "${#pkgs[@]}" -gt 0 ]; then
    apt_install "${pkgs[@]}"
    # A package's install script may have started the service already.
    if [ "$pg_ok" -eq 0 ] && pg_answers; then pg_ok=1; log "postgres: answers after installation"; fi
    if [ "$redis_ok" -eq 0 ] && redis_answers; then redis_ok=1; log "redis: answers after installation"; fi
  fi

  [ "$pg_ok" -eq 1 ] || start_postgres
  [ "$redis_ok" -eq 1 ] || start_redis

  if [ "$pg_ok" -eq 0 ]; then
    wait_for postgres "$PG_PORT" pg_answers || die "PostgreSQL does not answer on $HOST:$PG_PORT after ${WAIT_SECONDS}s"
  fi
  if [ "$redis_ok" -eq 0 ]; then
    wait_for redis "$REDIS_PORT" redis_answers || die "Redis does not answer on $HOST:$REDIS_PORT after ${WAIT_SECONDS}s (see $STATE_DIR/redis.log)"
    record_redis
  fi

  setup_db
  log "ready: postgresql://$HOST:$PG_PORT/$DB_NAME (tests: $TEST_DB_NAME), redis://$HOST:$REDIS_PORT"
}

cmd_status() {
  local rc=0 state db started
  if pg_answers; then
    started=no; [ -f "$PG_STATE" ] && started="yes ($(cut -d' ' -f1,2 "$PG_STATE" | tr ' ' /))"
    log "postgres: answers on $HOST:$PG_PORT (started by this script: $started)"
    if state=$(app_state) || { find_admin 0 && state=$(admin_psql -tA -F '|' -c "$STATE_QUERY"); }; then
      parse_state "$state"
      if [ "$ROLE_EXISTS" -eq 1 ]; then
        if app_login_ok postgres || app_login_ok "$DB_NAME" || app_login_ok "$TEST_DB_NAME"; then
          log "postgres: role $DB_USER exists and logs in with its password"
        else
          log "postgres: role $DB_USER exists but cannot log in with its password"
        fi
      else
        log "postgres: role $DB_USER missing"
      fi
      for db in "$DB_NAME" "$TEST_DB_NAME"; do
        if [ -n "${DB_OWNER[$db]:-}" ]; then
          log "postgres: database $db exists (owner ${DB_OWNER[$db]})"
        else
          log "postgres: database $db missing"
        fi
      done
    else
      log "postgres: cannot tell whether role $DB_USER and databases exist (no login as $DB_USER or a superuser)"
    fi
  else
    log "postgres: does NOT answer on $HOST:$PG_PORT"
    rc=1
  fi
  if redis_answers; then
    started=no; [ -f "$REDIS_STATE" ] && started="yes (pid $(cut -d' ' -f1 "$REDIS_STATE"))"
    log "redis: answers on $HOST:$REDIS_PORT (started by this script: $started)"
  else
    log "redis: does NOT answer on $HOST:$REDIS_PORT"
    rc=1
  fi
  return "$rc"
}

cmd_down() {
  local stopped=0 ver name port pid rport
  if [ -f "$PG_STATE" ]; then
    read -r ver name port <"$PG_STATE"
    if pg_lsclusters -h "$ver" "$name" 2>/dev/null | awk '{print $4}' | grep -q '^online'; then
      log "postgres: stopping cluster $ver/$name (started by this script)"
      pg_ctl_cluster "$ver" "$name" stop || die "could not stop PostgreSQL cluster $ver/$name"
    else
      log "postgres: cluster $ver/$name started by this script is no longer running"
    fi
    rm -f "$PG_STATE"
    stopped=1
  fi
  if [ -f "$REDIS_STATE" ]; then
    read -r pid rport <"$REDIS_STATE"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null; then
      log "redis: stopping redis-server pid $pid on port $rport (started by this script)"
      kill -TERM "$pid"
      for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
      done
      ! kill -0 "$pid" 2>/dev/null || die "redis-server pid $pid did not stop"
    else
      log "redis: redis-server pid ${pid:-?} started by this script is no longer running"
    fi
    rm -f "$REDIS_STATE" "$STATE_DIR/redis.pid"
    stopped=1
  fi
  [ "$stopped" -eq 1 ] || log "nothing to stop: this script started no service (state dir $STATE_DIR)"
}

cmd_env() {
  printf 'export %s=%q\n' \
    QUARKUS_DATASOURCE_REACTIVE_URL "postgresql://$HOST:$PG_PORT/$DB_NAME" \
    QUARKUS_DATASOURCE_JDBC_URL "jdbc:postgresql://$HOST:$PG_PORT/$DB_NAME" \
    QUARKUS_DATASOURCE_USERNAME "$DB_USER" \
    QUARKUS_DATASOURCE_PASSWORD "$DB_PASSWORD" \
    QUARKUS_REDIS_HOSTS "redis://$HOST:$REDIS_PORT"
}

case "${1:-up}" in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  env) cmd_env ;;
  -h | --help | help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (use: up | status | down | env)" ;;
esac
