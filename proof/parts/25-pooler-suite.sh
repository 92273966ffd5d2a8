#!/usr/bin/env bash
# Part 25, the RLS matrix and the cross-module flows through a real pooler: the app module's integration tests that
# hold them run with their database behind Debian's pgbouncer in transaction mode (DATABASE_URL; migrations
# straight to PostgreSQL through DATABASE_URL_UNPOOLED, they need a session), with one server connection per
# database and user, so every test's transactions interleave on it. Prints one ROW line per test class.
set -euo pipefail
PROOF_PART=25-pooler-suite
source "$(dirname "$0")/../lib.sh"
trap proof_cleanup EXIT
cd "$PROOF_DIR/.."

SUITE=RlsMatrixTests,RowLevelSecurityTests,ColumnWallsTests,CrossModuleFlowTests,AgentHistoryAndRetirementFlowTests
pg_start suite-pg
pgbouncer_start suite-pgbouncer "$PG_PORT" 1
LOG="$PROOF_WORK/$PROOF_PART-maven.log"
set +e
env DATABASE_URL="$(pooled_url "$PGB_PORT")" DATABASE_URL_UNPOOLED="$(direct_url "$PG_PORT")" AGENTANCHOR_DB_APP_PASSWORD=proof \
  AGENTANCHOR_AUTH_DEV_TOKENS=true \
  ./mvnw -B -ntp -pl app -am -Dtest="$SUITE" -Dsurefire.failIfNoSpecifiedTests=false test >"$LOG" 2>&1
BUILD=$?
set -e
for class in ${SUITE//,/ }; do
  line=$(grep -E "Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+.* in com\.agentanchor\.$class\$" \
    "$LOG" | tail -n 1 || true)
  if [ -z "$line" ]; then
    row "through pgbouncer (pool of 1): $class" "did not run (build exit $BUILD, log $LOG)" "all pass" FAIL
    continue
  fi
  run=$(sed -E 's/.*Tests run: ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*Failures: ([0-9]+), Errors: ([0-9]+).*/\1 \2/' <<<"$line" | awk '{ print $1 + $2 }')
  took=$(sed -nE 's/.*Time elapsed: ([0-9.]+) s.*/\1/p' <<<"$line")
  row "through pgbouncer (pool of 1): $class" "$((run - bad))/$run pass (${took} s)" "all pass" \
    "$([ "$bad" -eq 0 ] && [ "$run" -gt 0 ] && echo PASS || echo FAIL)"
done
# Not counted: a test dropping its own database (DROP DATABASE ... WITH (FORCE)) ends pgbouncer's idle server
# connection to it, which pgbouncer notes as a packet "from server when not linked".
pgb_errors=$(grep -iE 'ERROR|WARNING' "$PROOF_WORK/suite-pgbouncer/pgbouncer.log" \
  | grep -cvE ' aa_[a-z]+_[0-9a-f]{8}/[a-z_]+@[0-9.:]+ got packet .E. from server when not linked' || true)
row "through pgbouncer (pool of 1): errors and warnings in pgbouncer's log during the suite" "$pgb_errors" "0" \
  "$([ "$pgb_errors" -eq 0 ] && echo PASS || echo FAIL)"
