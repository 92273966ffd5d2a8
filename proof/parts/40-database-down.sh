#!/usr/bin/env bash
# The database stopped for 10 s under load, then started again; the app is not restarted. Prints ROW lines.
PART=40-database-down
source "$(dirname "$0")/../lib/faults.sh"

pg_start
app_start app AGENTANCHOR_EVENTS_RETRY_INTERVAL=2s AGENTANCHOR_EVENTS_STALE_AFTER=10s
tok=$(token proof-dbdown)
out="$PROOF_WORK/$PART-requests.txt"

load 4 30 "$tok" "$out"
sleep 8
log "stopping PostgreSQL under load"
pg_stop; t0=$(now) # from the moment the database is down
down=""; while [ -z "$down" ]; do
  [ "$(status /actuator/health/readiness)" = 503 ] && down=$(since "$t0")
  awk -v t="$(since "$t0")" 'BEGIN { exit !(t > 15) }' && down=never
  sleep 0.1
done
sleep $((10 - ${down%.*} > 0 ? 10 - ${down%.*} : 0))
log "starting PostgreSQL again"
t1=$(now); pg_start_again
up=""; while [ -z "$up" ]; do
  [ "$(status /actuator/health/readiness)" = 200 ] && up=$(since "$t1")
  awk -v t="$(since "$t1")" 'BEGIN { exit !(t > 60) }' && up=never
  sleep 0.1
done
load_done

acked=$(awk '$1 == 201 { print $2 }' "$out" | sort -u)
n_acked=$(printf '%s\n' "$acked" | grep -c . || true)
n503=$(awk '$1 == 503' "$out" | wc -l); n500=$(awk '$1 == 500' "$out" | wc -l)
nother=$(awk '$1 != 201 && $1 != 503' "$out" | wc -l)
leaky=0; bad_type=0
for f in $(awk '$1 == 503 { print $3 }' "$out"); do
  grep -qiE 'sql|exception|hikari|postgres|at com\.' "$f" && leaky=$((leaky + 1))
  [ "$(jq -r .status "$f" 2>/dev/null)" = 503 ] || bad_type=$((bad_type + 1))
done
ids=$(printf "'%s'," $acked); ids="ARRAY[${ids%,}]::uuid[]"
# Followers (truth chain, observer) run after commit; those interrupted by the outage are retried every 2 s here.
for i in $(seq 1 60); do
  chain=$(sql "SELECT count(DISTINCT subject_id) FROM truth_chain WHERE record_type = 'agent_creation' AND subject_id = ANY($ids)")
  [ "$chain" = "$n_acked" ] && break; sleep 1
done
rows=$(sql "SELECT count(*) FROM agents WHERE id = ANY($ids)")
twice=$(sql "SELECT count(*) FROM (SELECT subject_id FROM truth_chain WHERE record_type = 'agent_creation' AND subject_id = ANY($ids) GROUP BY subject_id HAVING count(*) > 1) t")
observed=$(sql "SELECT count(DISTINCT subject_id) FROM observer_events WHERE subject_id = ANY($ids)")
orphans=$(sql "SELECT count(*) FROM agents a WHERE a.name LIKE 'proof %' AND NOT (a.id = ANY($ids))")

row "database stopped 10 s under load (4 clients): requests meanwhile" "$n503 × 503, $n500 × 500, $nother other" "503 only, none 500" "$(verdict $((n500 == 0 && nother == 0 && n503 > 0)))"
row "those 503s: problem+json, no stack trace or SQL" "$((n503 - leaky - bad_type))/$n503 clean" "all" "$(verdict $((leaky == 0 && bad_type == 0)))"
row "readiness DOWN after the database stopped" "${down} s" "≤ 2 s" "$(verdict "$(awk -v d="$down" 'BEGIN { print (d != "never" && d <= 2) }')")"
row "readiness UP after the database started (no app restart)" "${up} s" "≤ 10 s" "$(verdict "$(awk -v d="$up" 'BEGIN { print (d != "never" && d <= 10) }')")"
row "acknowledged agents (201) in the database afterwards" "$rows/$n_acked" "all" "$(verdict $((rows == n_acked && n_acked > 0)))"
row "agents written but not acknowledged" "$orphans" "0 (a commit cut off mid-answer may leave one)" "$(verdict $((orphans == 0)))"
row "truth record per acknowledged agent, none twice" "$chain/$n_acked, $twice twice" "all, 0 twice" "$(verdict $((chain == n_acked && twice == 0)))"
row "observer entry per acknowledged agent" "$observed/$n_acked" "all" "$(verdict $((observed == n_acked)))"
