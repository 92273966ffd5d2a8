#!/usr/bin/env bash
# The app killed with SIGKILL mid-load and started again on the same database. Prints ROW lines.
PART=50-kill
source "$(dirname "$0")/../lib/faults.sh"

pg_start
app_start first
tok=$(token proof-kill)
out="$PROOF_WORK/$PART-requests.txt"

load 4 25 "$tok" "$out"
sleep 8
log "kill -9 of the app under load"
app_kill9
t0=$(now)
app_start second
restart=$(since "$t0")
load_done

acked=$(awk '$1 == 201 { print $2 }' "$out" | sort -u)
n_acked=$(printf '%s\n' "$acked" | grep -c . || true)
refused=$(awk '$1 != 201' "$out" | wc -l)
ids=$(printf "'%s'," $acked); ids="ARRAY[${ids%,}]::uuid[]"
# What the kill interrupted is republished on start (republish-outstanding-events-on-restart).
for i in $(seq 1 60); do
  pending=$(sql "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
  [ "$pending" = 0 ] && break; sleep 1
done
rows=$(sql "SELECT count(*) FROM agents WHERE id = ANY($ids)")
chain=$(sql "SELECT count(DISTINCT subject_id) FROM truth_chain WHERE record_type = 'agent_creation' AND subject_id = ANY($ids)")
twice=$(sql "SELECT count(*) FROM (SELECT subject_id FROM truth_chain WHERE record_type = 'agent_creation' AND subject_id = ANY($ids) GROUP BY subject_id HAVING count(*) > 1) t")
observed=$(sql "SELECT count(DISTINCT subject_id) FROM observer_events WHERE subject_id = ANY($ids)")
gaps=$(sql "SELECT count(*) FROM (SELECT sequence_number - lag(sequence_number) OVER (ORDER BY sequence_number) AS step FROM truth_chain) s WHERE step <> 1")

row "app killed (SIGKILL) under load (4 clients) and started again" "ready again after $restart s; $refused requests refused meanwhile" "restart without repair" "$(verdict $((n_acked > 0)))"
row "acknowledged agents (201) in the database after the kill" "$rows/$n_acked" "all" "$(verdict $((rows == n_acked && n_acked > 0)))"
row "truth record per acknowledged agent, none twice; chain gap-free" "$chain/$n_acked, $twice twice, $gaps gaps" "all, 0, 0" "$(verdict $((chain == n_acked && twice == 0 && gaps == 0)))"
row "observer entry per acknowledged agent" "$observed/$n_acked" "all" "$(verdict $((observed == n_acked)))"
row "event publications left incomplete (realtime, chain, observer, notifications)" "$pending" "0" "$(verdict $((pending == 0)))"
