#!/usr/bin/env bash
# The Pusher endpoint broken for 30 s: 15 s answering 500, then 15 s taking requests and never answering. Reports
# made meanwhile must be answered as usual, and every live message must arrive once the endpoint is back. Prints
# ROW lines.
PART=60-pusher-down
source "$(dirname "$0")/../lib/faults.sh"
PROOF_DIR="$(cd "$(dirname "$0")/.." && pwd)"
FAULT_SECONDS=${PROOF_PUSHER_FAULT_SECONDS:-15} # per fault

(cd "$PROOF_DIR/realtime" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
LIB="$PROOF_WORK/$PART-lib"
mkdir -p "$LIB"
unzip -q -j -o "$PROOF_JAR" 'BOOT-INF/lib/pusher-server-*' 'BOOT-INF/lib/Java-WebSocket-*' \
  'BOOT-INF/lib/jackson-core-3*' 'BOOT-INF/lib/jackson-databind-3*' 'BOOT-INF/lib/jackson-annotations-*' \
  'BOOT-INF/lib/slf4j-api-*' -d "$LIB"

# The Pusher server with its breakable API front, driven through a FIFO.
WS_PORT=$(free_port); API_PORT=$(free_port); FRONT_PORT=$(free_port)
PUSHER_SECRET_VALUE=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
CONTROL="$PROOF_WORK/$PART-control"; PUSHER_OUT="$PROOF_WORK/$PART-pusher.out"; HEARD="$PROOF_WORK/$PART-heard.txt"
mkfifo "$CONTROL"
java -cp "$LIB/*" "$PROOF_DIR/BrokenPusher.java" --app-id proof --key proof-key --secret "$PUSHER_SECRET_VALUE" \
  --ws-port "$WS_PORT" --http-port "$API_PORT" --front-port "$FRONT_PORT" <"$CONTROL" >"$PUSHER_OUT" 2>&1 &
PUSHER_PID=$!
exec 7>"$CONTROL" # held open: the server runs until this part ends
LISTENER_PID=""
stop_rest() { exec 7>&-; kill "$LISTENER_PID" "$PUSHER_PID" 2>/dev/null || true; cleanup; }
trap stop_rest EXIT
mode() {
  echo "$1" >&7
  local i; for i in $(seq 1 50); do grep -q "^MODE $1 " "$PUSHER_OUT" && break; sleep 0.1; done
}
for i in $(seq 1 60); do grep -q '^STARTED' "$PUSHER_OUT" && break; sleep 0.5; done

pg_start
app_start app PUSHER_HOST="127.0.0.1:$FRONT_PORT" PUSHER_APP_ID=proof PUSHER_KEY=proof-key \
  PUSHER_SECRET="$PUSHER_SECRET_VALUE" PUSHER_TLS=false AGENTANCHOR_EVENTS_RETRY_INTERVAL=5s \
  AGENTANCHOR_ADMIN_SUBJECTS=proof-admin

# An agent whose info events are public (graduated, so active), and its key.
call() { # METHOD PATH TOKEN [BODY]: the answer's body; fails the part on an unexpected status
  local out; out=$(curl -sS --max-time 30 -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} -w '\n%{http_code}' "$APP_URL$2")
  case "$(tail -n1 <<<"$out")" in 2*) head -n -1 <<<"$out" ;; *) log "$1 $2: $out"; exit 1 ;; esac
}
owner=$(token proof-owner); validator=$(token proof-validator); admin=$(token proof-admin)
call POST /api/council/validators "$admin" "{\"profileId\":\"$(call GET /api/profiles/me "$validator" | jq -r .id)\"}" >/dev/null
agent=$(call POST /api/agents "$owner" '{"name":"Proof Pusher fault"}' | jq -r .id)
enrollment=$(call POST /api/academy/enrollments "$owner" "{\"agentId\":\"$agent\"}" | jq -r .id)
for m in 1 2 3 4 5; do call POST "/api/academy/enrollments/$enrollment/modules/$m/results" "$validator" '{"score":90}' >/dev/null; done
call POST "/api/academy/enrollments/$enrollment/examination" "$owner" >/dev/null
call POST "/api/academy/enrollments/$enrollment/grades" "$validator" '{"score":85}' >/dev/null
key=$(call POST "/api/agents/$agent/keys" "$owner" '{"name":"proof"}' | jq -r .key)

# listen.mjs stops when its stdin ends: it reads a FIFO this part holds open.
mkfifo "$PROOF_WORK/$PART-listener-in"; exec 8<>"$PROOF_WORK/$PART-listener-in"
node "$PROOF_DIR/realtime/listen.mjs" 127.0.0.1 "$WS_PORT" proof-key 900 observer-feed <&8 >"$HEARD" 2>&1 &
LISTENER_PID=$!
for i in $(seq 1 120); do grep -q '^READY' "$HEARD" && break; sleep 0.5; done
grep -q '^READY' "$HEARD" || { log "pusher-js did not subscribe"; cat "$HEARD" >&2; exit 1; }

# One report a second through each fault; each answer's status and time.
ANSWERS="$PROOF_WORK/$PART-answers.txt"; : >"$ANSWERS"
run=$(date +%s)
report_for() { # FAULT SECONDS
  local end=$((SECONDS + $2)) n=0
  while [ $SECONDS -lt "$end" ]; do
    n=$((n + 1))
    curl -s -o /dev/null -w "%{http_code} %{time_total}\n" --max-time 30 -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' "$APP_URL/api/runtime/events" \
      -d "{\"eventType\":\"tool.search\",\"title\":\"pusher $1 $run $n\",\"idempotencyKey\":\"pusher-$1-$run-$n\"}" \
      >>"$ANSWERS"
    sleep 1
  done
}
log "Pusher's API answers 500 for $FAULT_SECONDS s"
mode 500; report_for 500 "$FAULT_SECONDS"
log "Pusher's API takes requests and never answers for $FAULT_SECONDS s"
mode hang; report_for hang "$FAULT_SECONDS"
mode up; back=$(now)
log "Pusher's API is back"
counts=$(grep '^MODE up ' "$PUSHER_OUT" | tail -n1)
answered500=$(sed -E 's/.*answered500=([0-9]+).*/\1/' <<<"$counts"); hung=$(sed -E 's/.*hung=([0-9]+).*/\1/' <<<"$counts")

sent=$(wc -l <"$ANSWERS"); ok=$(awk '$1 == 201' "$ANSWERS" | wc -l)
p99=$(awk '{ print $2 * 1000 }' "$ANSWERS" | sort -n | awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.99); printf "%.1f", a[i < 1 ? 1 : i] }')
heard_all() { grep -c -E "new-event .*\"pusher (500|hang) $run [0-9]+\"" "$HEARD" || true; }
distinct() { grep -oE "\"title\":\"pusher (500|hang) $run [0-9]+\"" "$HEARD" | sort -u | wc -l; }
after=never
for i in $(seq 1 240); do
  [ "$(distinct)" -ge "$sent" ] && { after=$(since "$back"); break; }
  sleep 0.5
done
heard=$(distinct)
ids=$(grep -E "new-event .*\"pusher (500|hang) $run " "$HEARD" | grep -oE '"eventId":"[^"]+"' | sort | uniq -d | wc -l)
left=""; for i in $(seq 1 60); do
  left=$(sql "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
  [ "$left" = 0 ] && break; sleep 1
done

row "Pusher's API broken for $((2 * FAULT_SECONDS)) s ($FAULT_SECONDS s answering 500, $FAULT_SECONDS s never answering): reports meanwhile" \
  "$ok/$sent × 201, p99 $p99 ms" "all 201" "$(verdict $((ok == sent && sent > 0)))"
row "the faults reached the app's Pusher client" "$answered500 requests answered 500, $hung left unanswered" \
  "some of each" "$(verdict $((answered500 > 0 && hung > 0)))"
row "live new-event messages heard by pusher-js after the API came back" \
  "$heard/$sent, all within $after s ($ids eventIds heard twice, for clients to drop)" "all" \
  "$(verdict $((heard == sent && sent > 0)))"
row "event publications left incomplete afterwards" "$left" "0" "$(verdict $((left == 0)))"
