#!/usr/bin/env bash
# Part 20, through a real pooler: Debian's pgbouncer in transaction mode between the app jar and PostgreSQL (as
# Neon's -pooler host runs it), the load of part 10 through it, then the truth chain verified, pgbouncer's own
# error count, and server connections left idle inside a transaction for more than 5 s. Prints ROW lines.
set -euo pipefail
PROOF_PART=20-pooler
source "$(dirname "$0")/../lib.sh"
trap proof_cleanup EXIT

pg_start pooler-pg
pgbouncer_start pooler-pgbouncer "$PG_PORT" "${PROOF_POOL_SIZE:-10}"
# Migrations need a session: they go straight to PostgreSQL (DATABASE_URL_UNPOOLED), the pool through pgbouncer.
app_start pooler-app "$(pooled_url "$PGB_PORT")" DATABASE_URL_UNPOOLED="$(direct_url "$PG_PORT")"
java "$PROOF_DIR/LoadDriver.java" --base "$APP_BASE" --label "through pgbouncer (transaction mode)" \
  --rate "${PROOF_RATE:-300}" --seconds "${PROOF_SECONDS:-60}" --warmup "${PROOF_WARMUP:-60}" \
  --why-short "why: under part 20 below, 'Why the load through pgbouncer can miss its targets'" \
  $([ -n "${PROOF_NO_RAMP:-}" ] || echo --ramp)

verify=$(curl -s "$APP_BASE/api/truth-chain/verify")
intact=$(sed -nE 's/.*"intact":(true|false).*/\1/p' <<<"$verify")
verified=$(sed -nE 's/.*"verified":([0-9]+).*/\1/p' <<<"$verify")
row "through pgbouncer: truth chain verified after the load (GET /api/truth-chain/verify)" \
  "intact=$intact, $verified records verified" "intact" "$([ "$intact" = true ] && echo PASS || echo FAIL)"

# Any statement that needed session state would fail through transaction pooling: pgbouncer logs it, the app
# answers 5xx (counted as errors above). Count pgbouncer's own error lines and the prepared statements left behind.
pgb_errors=$(grep -c -iE 'ERROR|WARNING' "$PROOF_WORK/pooler-pgbouncer/pgbouncer.log" || true)
row "through pgbouncer: errors and warnings in pgbouncer's log" "$pgb_errors" "0" \
  "$([ "$pgb_errors" -eq 0 ] && echo PASS || echo FAIL)"
# A transaction left open across requests would hold its server connection: none may be idle inside a transaction
# for more than 5 s (the app's own transactions last milliseconds, so a snapshot of a busy app does not count them).
open_tx=$(psql -qtA "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" -c \
  "SELECT count(*) FROM pg_stat_activity WHERE usename = 'agentanchor_app' AND state LIKE 'idle in transaction%'
     AND state_change < now() - interval '5 seconds'")
row "through pgbouncer: app-role server connections idle inside a transaction for more than 5 s after the load" \
  "$open_tx" "0" "$([ "$open_tx" -eq 0 ] && echo PASS || echo FAIL)"
