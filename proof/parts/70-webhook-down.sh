#!/usr/bin/env bash
# A webhook receiver down for 30 s (15 s not listening, 15 s answering 503) while its user's agents are registered:
# every notification must reach it once it is back, signed, by its retries. Prints ROW lines.
PART=70-webhook-down
source "$(dirname "$0")/../lib/faults.sh"
DOWN_SECONDS=${PROOF_WEBHOOK_DOWN_SECONDS:-15} # per fault

HOOK_PORT=$(free_port); RECEIVED="$PROOF_WORK/$PART-received.txt"; : >"$RECEIVED"
RECEIVER_PID=""
stop_receiver() { kill "$RECEIVER_PID" 2>/dev/null || true; cleanup; }
trap stop_receiver EXIT

pg_start
app_start app AGENTANCHOR_WEBHOOKS_ALLOWED_HOSTS="127.0.0.1:$HOOK_PORT" AGENTANCHOR_WEBHOOKS_DELIVERY_INTERVAL=1s
owner=$(token proof-webhook-owner)
secret=$(curl -fsS --max-time 30 -X POST -H "Authorization: Bearer $owner" "$APP_URL/api/notifications/webhook-secret" \
  | jq -r .secret)
curl -fsS --max-time 30 -o /dev/null -X PATCH -H "Authorization: Bearer $owner" -H 'Content-Type: application/json' \
  "$APP_URL/api/profiles/me" -d "{\"notificationPreferences\":{\"email\":false,\"inApp\":true,\"webhook\":true,\
\"webhookUrl\":\"http://127.0.0.1:$HOOK_PORT/hook\"}}"
me=$(curl -fsS --max-time 30 -H "Authorization: Bearer $owner" "$APP_URL/api/profiles/me" | jq -r .id)

# The receiver: answers 503 until the file names a time, then 204; logs each request's status, webhook-id and
# whether its Standard Webhooks signature verifies with the secret.
UP_AT="$PROOF_WORK/$PART-up-at"
receiver() {
  exec python3 - "$HOOK_PORT" "$secret" "$RECEIVED" "$UP_AT" <<'PY'
import base64, hashlib, hmac, http.server, os, sys, time
port, secret, log, up_at = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
key = base64.b64decode(secret.removeprefix("whsec_"))
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        wid, ts = self.headers.get("webhook-id", ""), self.headers.get("webhook-timestamp", "")
        mac = base64.b64encode(hmac.new(key, f"{wid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
        signed = ("v1," + mac) in self.headers.get("webhook-signature", "").split(" ")
        status = 204 if os.path.exists(up_at) else 503
        with open(log, "a") as f:
            f.write(f"{status} {wid} {'signed' if signed else 'unsigned'}\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()
PY
}

# Agents registered one every 2 s through both faults: each is an agent.registered webhook to the receiver.
run=$(date +%s); n=0; ACKED="$PROOF_WORK/$PART-acked.txt"; : >"$ACKED"
register_for() {
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt "$end" ]; do
    n=$((n + 1))
    curl -fsS --max-time 30 -H "Authorization: Bearer $owner" -H 'Content-Type: application/json' \
      -d "{\"name\":\"webhook $run $n\"}" "$APP_URL/api/agents" | jq -r .id >>"$ACKED" || true
    sleep 2
  done
}
log "the receiver is not listening for $DOWN_SECONDS s"
register_for "$DOWN_SECONDS"
log "the receiver answers 503 for $DOWN_SECONDS s"
receiver & RECEIVER_PID=$!
register_for "$DOWN_SECONDS"
touch "$UP_AT"; back=$(now)
log "the receiver answers 204"

acked=$(grep -c . "$ACKED" || true)
delivered() { awk '$1 == 204 { print $2 }' "$RECEIVED" | sort -u | wc -l; }
after=never
for i in $(seq 1 240); do # the third attempt of a webhook comes 70 s after its first
  [ "$(delivered)" -ge "$acked" ] && { after=$(since "$back"); break; }
  sleep 0.5
done
got=$(delivered)
refused=$(awk '$1 == 503' "$RECEIVED" | wc -l)
twice=$(awk '$1 == 204 { print $2 }' "$RECEIVED" | sort | uniq -d | wc -l)
unsigned=$(grep -c ' unsigned$' "$RECEIVED" || true)
states=$(sql "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) AS n
  FROM webhook_deliveries WHERE recipient_id = '$me' GROUP BY status) s")
attempts=$(sql "SELECT coalesce(max(attempts), 0) FROM webhook_deliveries WHERE recipient_id = '$me'")

row "webhook receiver down for $((2 * DOWN_SECONDS)) s ($DOWN_SECONDS s not listening, $DOWN_SECONDS s answering 503): agents registered meanwhile" \
  "$acked acknowledged, $refused deliveries answered 503, up to $attempts attempts a webhook" "some refused, retried" \
  "$(verdict $((acked > 0 && refused > 0 && attempts > 1)))"
row "webhooks received once the receiver was back" "$got/$acked, the last $after s after; $twice received twice" \
  "all, each once" "$(verdict $((got == acked && twice == 0)))"
row "webhook requests whose Standard Webhooks signature does not verify" "$unsigned" "0" "$(verdict $((unsigned == 0)))"
row "webhook deliveries by status afterwards" "$states" "all delivered" \
  "$(verdict "$([ "$states" = "delivered $acked" ] && echo 1 || echo 0)")"
