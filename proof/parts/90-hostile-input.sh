#!/usr/bin/env bash
# Hostile input, generated (issue 15, item 5): HostileInputTests sends HOSTILE_TRIES requests built from the live
# OpenAPI document (seeded: HOSTILE_SEED, a new one each run unless given), and HostileClientTests replays what a
# hostile client found by hand. Prints one ROW line per figure: ROW<TAB>what<TAB>figure<TAB>target<TAB>PASS|FAIL.
# Repeat a failing run with the seed it prints: HOSTILE_SEED=<seed> proof/parts/90-hostile-input.sh
set -uo pipefail
cd "$(dirname "$0")/../.."

TRIES="${HOSTILE_TRIES:-3000}"
SEED="${HOSTILE_SEED:-$(date +%s)}"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

./mvnw -o -B -pl app -am -Dtest='HostileInputTests,HostileClientTests' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhostile.tries="$TRIES" -Dhostile.seed="$SEED" test >"$LOG" 2>&1
BUILD=$?

row() { printf 'ROW\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4"; }
verdict() { if [ "$1" = true ]; then echo PASS; else echo FAIL; fi; }

SUMMARY="$(grep -m1 '^HOSTILE-SUMMARY' "$LOG" || true)"
if [ -z "$SUMMARY" ]; then
    row "hostile input suite ran (seed $SEED)" "no summary (build exit $BUILD)" "a summary" FAIL
    tail -n 40 "$LOG" >&2
    exit 1
fi
field() { printf '%s\n' "$SUMMARY" | tr '\t' '\n' | sed -n "s/^$1=//p"; }
SENT="$(field tries)"; OPS="$(field operations)"; REFUSED="$(field refused)"; FAILURES="$(field failures)"
SECONDS_TAKEN="$(field seconds)"; STATUSES="$(field statuses)"
FIVES="$(printf '%s\n' "$STATUSES" | grep -oE '5[0-9][0-9]=[0-9]+' | awk -F= '{n += $2} END {print n + 0}')"

row "hostile requests over every documented operation (seed $SEED)" "$SENT over $OPS operations in ${SECONDS_TAKEN}s" \
    ">= $TRIES" "$(verdict "$([ "$SENT" -ge "$TRIES" ] && echo true)")"
row "refused (4xx) of them" "$REFUSED" "> half" "$(verdict "$([ "$REFUSED" -gt $((SENT / 2)) ] && echo true)")"
row "5xx answers" "$FIVES" "0" "$(verdict "$([ "$FIVES" -eq 0 ] && echo true)")"
row "answers breaking an invariant (5xx, error not problem+json, leak, row changed by a refused request)" \
    "$FAILURES" "0" "$(verdict "$([ "$FAILURES" -eq 0 ] && echo true)")"
grep '^HOSTILE-FAILURE' "$LOG" | head -n 5 >&2

CLIENT="$(grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+.* in com.agentanchor.hostile.HostileClientTests' "$LOG" | tail -n1)"
RUN="$(printf '%s\n' "$CLIENT" | sed -E 's/.*Tests run: ([0-9]+).*/\1/')"
BAD="$(printf '%s\n' "$CLIENT" | sed -E 's/.*Failures: ([0-9]+), Errors: ([0-9]+).*/\1 \2/' | awk '{print $1 + $2}')"
row "hostile-client findings kept fixed (HostileClientTests)" "$((RUN - ${BAD:-0}))/${RUN:-0} pass" "all" \
    "$(verdict "$([ -n "$RUN" ] && [ "${BAD:-1}" = 0 ] && echo true)")"

[ "$BUILD" -eq 0 ]
