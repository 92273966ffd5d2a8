#!/usr/bin/env bash
# End-to-end test of the demo page (e2e/demo.test.mjs) in headless Debian Chromium, against the app built and
# started from this checkout (embedded PostgreSQL, local Pusher server) on free ports. Installs what it needs
# (Debian's chromium, playwright-core from e2e/package-lock.json), always stops the app, exits non-zero on failure.
#
#   bash e2e/run.sh                      build, start, test, stop
#   AGENTANCHOR_URL=http://host:port bash e2e/run.sh   test an app that is already running
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$SECONDS
log() { printf 'e2e: %s\n' "$*" >&2; }

# 1. The browser: Debian's chromium (a test tool's own browser download does not work here).
if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: no version')"

# 2. The test's dependencies, exactly as locked.
(cd e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

APP_PGID=""
APP_LOG="$ROOT/app/target/e2e-app.log"

stop_app() {
  [ -n "$APP_PGID" ] || return 0
  if kill -0 -- "-$APP_PGID" 2>/dev/null; then
    log "stopping the app (process group $APP_PGID)"
    # The app first, so that its graceful shutdown still has its embedded PostgreSQL (it then stops it, and
    # Maven ends with it); then whatever is left of the group; then, after 30 s, by force.
    pkill -TERM -g "$APP_PGID" -f 'com[.]agentanchor[.]AgentAnchorApplication' 2>/dev/null || true
    local signal
    for signal in TERM KILL; do
      for _ in $(seq 1 30); do
        kill -0 -- "-$APP_PGID" 2>/dev/null || break 2
        sleep 0.5
      done
      [ "$signal" = KILL ] && log "the app did not stop within 30 s: killing its process group"
      kill "-$signal" -- "-$APP_PGID" 2>/dev/null || true
    done
  fi
  APP_PGID=""
}

OUT=$(mktemp "${TMPDIR:-/tmp}/agentanchor-e2e.XXXXXX")
on_exit() {
  local rc=$?
  stop_app
  log "finished in $((SECONDS - START)) s (exit $rc)"
  # The closing line CI reads: the node test runner's own counts, after the app's shutdown messages.
  local passed failed
  passed=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$OUT" | tail -n 1)
  failed=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$OUT" | tail -n 1)
  rm -f "$OUT"
  [ -z "$passed" ] || echo "e2e: $passed passed, ${failed:-0} failed"
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

URL="${AGENTANCHOR_URL:-}"
if [ -z "$URL" ]; then
  # 3. Two free ports (HTTP and the local Pusher WebSocket), held open together so they differ.
  read -r HTTP_PORT WS_PORT < <(node -e '
    const net = require("net");
    const a = net.createServer().listen(0, "127.0.0.1", () => {
      const b = net.createServer().listen(0, "127.0.0.1", () => {
        console.log(a.address().port, b.address().port); a.close(); b.close();
      });
    });')
  URL="http://127.0.0.1:$HTTP_PORT"

  # 4. Build the modules and run the app in one reactor (profile run-app in app/pom.xml), so it runs this
  #    checkout's code and not whatever snapshot jars ~/.m2 holds. Its own process group, to stop it whole.
  mkdir -p "$(dirname "$APP_LOG")"
  log "starting the app on $URL (WebSocket port $WS_PORT); log: ${APP_LOG#"$ROOT"/}"
  SERVER_PORT=$HTTP_PORT PORT=$HTTP_PORT AGENTANCHOR_REALTIME_WS_PORT=$WS_PORT \
    setsid ./mvnw -B -q -ntp -pl app -am -Prun-app -DskipTests package >"$APP_LOG" 2>&1 </dev/null &
  APP_PGID=$!

  # 5. Wait for /actuator/health to answer UP (the build, then the embedded PostgreSQL, then the app).
  for i in $(seq 1 600); do
    if ! kill -0 "$APP_PGID" 2>/dev/null; then
      log "the app exited before it was ready; the end of its log:"
      tail -n 60 "$APP_LOG" >&2
      exit 1
    fi
    if curl -fsS --max-time 2 "$URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      break
    fi
    if [ "$i" -eq 600 ]; then
      log "the app was not UP within 600 s; the end of its log:"
      tail -n 60 "$APP_LOG" >&2
      exit 1
    fi
    sleep 1
  done
  log "the app is UP after $((SECONDS - START)) s"
fi

# 6. The test: headless Chromium through playwright-core; writes docs/demo.png.
status=0
(cd e2e && AGENTANCHOR_URL="$URL" node --test --test-reporter=spec demo.test.mjs) | tee "$OUT" || status=$?
if [ "$status" -ne 0 ] && [ -n "$APP_PGID" ]; then
  log "the test failed; the end of the app's log:"
  tail -n 40 "$APP_LOG" >&2
fi
exit "$status"
