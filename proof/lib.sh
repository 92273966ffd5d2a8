# Shared by the proof's parts (source it): a throwaway PostgreSQL cluster (Debian's postgresql), Debian's pgbouncer
# in transaction mode, the app jar, on free ports, all stopped by proof_cleanup (each part traps EXIT with it).
# Expects PROOF_JAR and PROOF_WORK (proof/run.sh sets them). The released jar leaves the embedded PostgreSQL out, so
# the parts use the machine's own server, durable as a deployment's (fsync and synchronous commits on).

: "${PROOF_WORK:?run through proof/run.sh, or set PROOF_WORK and PROOF_JAR}"
: "${PROOF_JAR:?set PROOF_JAR to the app jar}"
PROOF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROOF_PIDS=()
PROOF_PG_DATA=()
AS_PG=()
[ "$(id -u)" -eq 0 ] && AS_PG=(runuser -u postgres --)   # PostgreSQL and pgbouncer refuse to run as root

plog() { printf '%s: %s\n' "${PROOF_PART:-proof}" "$*"; }

row() { printf 'ROW\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4"; }

source "$PROOF_DIR/lib/ports.sh"

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

# pg_start NAME -> sets PG_PORT; a new cluster in $PROOF_WORK/NAME, trust auth on loopback only.
pg_start() {
  local dir="$PROOF_WORK/$1" bin
  bin=$(pg_bin)
  PG_PORT=$(free_port)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  "${AS_PG[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$PROOF_WORK/$1-initdb.log"
  "${AS_PG[@]}" "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/postgres.log" \
    -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  PROOF_PG_DATA+=("$dir/data")
  plog "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$PG_PORT ($dir)"
}

# pgbouncer_start NAME PG_PORT POOL_SIZE -> sets PGB_PORT; transaction pooling as Neon's -pooler host runs it.
pgbouncer_start() {
  local dir="$PROOF_WORK/$1"
  PGB_PORT=$(free_port)
  mkdir -p "$dir"
  printf '"postgres" ""\n"agentanchor_app" ""\n' >"$dir/users.txt"
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$2
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = $3
max_client_conn = 500
; transaction pooling: a server connection goes back to the pool after every transaction, nothing is reset
server_reset_query =
admin_users = postgres
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
  "${AS_PG[@]}" pgbouncer "$dir/pgbouncer.ini" >/dev/null 2>&1 &
  PROOF_PIDS+=($!)
  for _ in $(seq 1 50); do
    ss -Hltn "sport = :$PGB_PORT" | grep -q . && break
    sleep 0.2
  done
  plog "$(pgbouncer --version | head -n 1) on 127.0.0.1:$PGB_PORT, pool_mode=transaction, default_pool_size=$3"
}

# app_start NAME DATABASE_URL [VAR=value ...] -> sets APP_BASE, APP_WS_PORT, APP_PID; waits for readiness.
app_start() {
  local name=$1 url=$2 port ws
  shift 2
  port=$(free_port)
  ws=$(free_port)
  env -u SPRING_DATASOURCE_URL -u DATABASE_URL_UNPOOLED \
    PORT="$port" AGENTANCHOR_REALTIME_WS_PORT="$ws" DATABASE_URL="$url" AGENTANCHOR_DB_APP_PASSWORD=proof \
    AGENTANCHOR_AUTH_DEV_TOKENS=true AGENTANCHOR_DATA_DIR="$PROOF_WORK/$name-data" "$@" \
    java -XX:-UseCodeCacheFlushing -XX:+UseTransparentHugePages -jar "$PROOF_JAR" >"$PROOF_WORK/$name.log" 2>&1 &
  APP_PID=$!
  PROOF_PIDS+=("$APP_PID")
  APP_BASE="http://127.0.0.1:$port"
  APP_WS_PORT=$ws
  for _ in $(seq 1 300); do
    kill -0 "$APP_PID" 2>/dev/null || { plog "$name exited before it was ready: see $PROOF_WORK/$name.log"; tail -n 40 "$PROOF_WORK/$name.log"; return 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP_BASE/actuator/health/readiness")" = 200 ] && {
      plog "$name ready at $APP_BASE (log $PROOF_WORK/$name.log)"; return 0; }
    sleep 1
  done
  plog "$name not ready within 300 s"
  return 1
}

# Stops what this part started, newest first: apps (SIGTERM, graceful), pgbouncer, then the clusters.
proof_cleanup() {
  local i pid
  for ((i = ${#PROOF_PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PROOF_PIDS[$i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  PROOF_PIDS=()
  for data in "${PROOF_PG_DATA[@]}"; do
    "${AS_PG[@]}" "$(pg_bin)/pg_ctl" -D "$data" -w -m fast stop >/dev/null 2>&1 || true
  done
  PROOF_PG_DATA=()
}

# The JDBC URL the app's pool uses through pgbouncer: prepareThreshold=0, as DatabaseUrl adds by itself for a
# Neon "-pooler." host (server-side prepared statements do not survive transaction pooling in pgbouncer 1.18).
pooled_url() { echo "jdbc:postgresql://127.0.0.1:$1/postgres?user=postgres&prepareThreshold=0"; }
direct_url() { echo "jdbc:postgresql://127.0.0.1:$1/postgres?user=postgres"; }
