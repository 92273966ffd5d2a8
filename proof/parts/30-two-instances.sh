#!/usr/bin/env bash
# Part 30, two instances: two app jars on one database through pgbouncer, this part's third process running the
# project's Pusher-protocol server (both instances reach it through PUSHER_HOST) and a pusher-js client on it.
# proof/TwoInstances.java does the work and prints ROW lines; this script starts and always stops the rest.
set -euo pipefail
PROOF_PART=30-two-instances
source "$(dirname "$0")/../lib.sh"
trap proof_cleanup EXIT

# The pusher-js client, exactly as locked.
(cd "$PROOF_DIR/realtime" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# The third process runs the pusher-server module as the app ships it: its classes from the jar.
LIB="$PROOF_WORK/pusher-lib"
mkdir -p "$LIB"
unzip -q -j -o "$PROOF_JAR" 'BOOT-INF/lib/pusher-server-*' 'BOOT-INF/lib/Java-WebSocket-*' \
  'BOOT-INF/lib/jackson-core-3*' 'BOOT-INF/lib/jackson-databind-3*' 'BOOT-INF/lib/jackson-annotations-*' \
  'BOOT-INF/lib/slf4j-api-*' -d "$LIB"

pg_start two-pg
pgbouncer_start two-pgbouncer "$PG_PORT" 10
WS_PORT=$(free_port)
HTTP_PORT=$(free_port)
RELAY_PORT=$(free_port)
SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
PUSHER_SECRET_VALUE=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
shared=(
  DATABASE_URL_UNPOOLED="$(direct_url "$PG_PORT")"
  AGENTANCHOR_AUTH_HS256_SECRET="$SECRET" AGENTANCHOR_ADMIN_SUBJECTS=proof-admin AGENTANCHOR_AUTH_DEV_TOKENS=false
  PUSHER_APP_ID=proof PUSHER_KEY=proof-key PUSHER_SECRET="$PUSHER_SECRET_VALUE"
  PUSHER_HOST="127.0.0.1:$RELAY_PORT" PUSHER_TLS=false
  AGENTANCHOR_TRUTHCHAIN_KEY_FILE="$PROOF_WORK/two-signing-key.pem"
  AGENTANCHOR_EVENTS_RETRY_INTERVAL=2s AGENTANCHOR_COUNCIL_DECISION_TTL=4s AGENTANCHOR_COUNCIL_EXPIRY_SWEEP=1s
)
app_start instance-a "$(pooled_url "$PGB_PORT")" "${shared[@]}"
A_BASE=$APP_BASE
A_PID=$APP_PID
app_start instance-b "$(pooled_url "$PGB_PORT")" "${shared[@]}"
B_BASE=$APP_BASE

java -cp "$LIB/*" "$PROOF_DIR/TwoInstances.java" --a "$A_BASE" --b "$B_BASE" --a-pid "$A_PID" \
  --secret "$SECRET" --admin proof-admin --psql "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" \
  --pusher-app-id proof --pusher-key proof-key --pusher-secret "$PUSHER_SECRET_VALUE" \
  --ws-port "$WS_PORT" --http-port "$HTTP_PORT" --relay-port "$RELAY_PORT" --listener "$PROOF_DIR/realtime/listen.mjs"
