#!/usr/bin/env bash
# Part 10, load: the app jar on a PostgreSQL of its own, a steady 300 req/s for 60 s of the three requests (real
# tokens, RLS on), then the highest rate each sustains alone with p99 < 50 ms. Prints ROW lines (proof/run.sh).
set -euo pipefail
PROOF_PART=10-load
source "$(dirname "$0")/../lib.sh"
trap proof_cleanup EXIT

pg_start load-pg
app_start load-app "$(direct_url "$PG_PORT")"
java "$PROOF_DIR/LoadDriver.java" --base "$APP_BASE" --label "direct to PostgreSQL" \
  --rate "${PROOF_RATE:-300}" --seconds "${PROOF_SECONDS:-60}" --warmup "${PROOF_WARMUP:-60}" \
  $([ -n "${PROOF_NO_RAMP:-}" ] || echo --ramp)
