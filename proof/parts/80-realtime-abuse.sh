#!/usr/bin/env bash
# The realtime server under abuse (issue 15, item 6): pusher-server's HostileClientTests run against the server the
# jar embeds (the same module; its per-client limits scaled down so that a case takes seconds), each case refused in
# Pusher's or RFC 6455's terms while a bystander client keeps receiving. One ROW line per case.
set -uo pipefail
cd "$(dirname "$0")/../.."

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp -pl pusher-server -Dtest=HostileClientTests -Dsurefire.failIfNoSpecifiedTests=false test >"$LOG" 2>&1
BUILD=$?
REPORT=pusher-server/target/surefire-reports/TEST-com.agentanchor.pusher.HostileClientTests.xml
if [ ! -f "$REPORT" ]; then
    printf 'ROW\t%s\t%s\t%s\t%s\n' "realtime abuse cases ran (HostileClientTests)" "no report (build exit $BUILD)" \
        "a report" FAIL
    tail -n 40 "$LOG" >&2
    exit 1
fi
# What each case sends and what it must get back, by test name.
python3 - "$REPORT" <<'PY'
import sys, xml.etree.ElementTree as ET
said = {
    "anUnmaskedClientFrameClosesTheConnectionWith1002":
        ("an unmasked client frame", "closed with 1002 (RFC 6455 5.1)"),
    "malformedFramesAreClosedWith1002AndMalformedMessagesAnsweredWithAnError":
        ("a reserved opcode, a reserved bit; a message that is not JSON", "closed with 1002; pusher:error, connection kept"),
    "oversizedMessagesAreRefused":
        ("an 11 KB client event; a 100 KB frame; 80 KB in two fragments", "pusher:error, connection kept; closed with 4300; closed with 4300"),
    "forgedSignaturesAreRefusedWith4009":
        ("forged private and presence channel signatures, a forged sign-in", "pusher:error 4009; the sign-in closed with 4009"),
    "oneClientCannotTakeEveryChannelOrConnection":
        ("a 21st subscription on one connection; a 7th connection from one address (limits 20 and 6 here)",
         "pusher:error 4100, connection kept; closed with 4100"),
    "aClientThatStopsReadingIsClosedWith4100AndOthersKeepReceiving":
        ("a client that reads nothing while 4,000 messages of 8 KB go out (64 frames may wait for it here)",
         "closed with 4100"),
}
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    name = case.get("name").split("(")[0]
    what, target = said.get(name, (name, "as the test asserts"))
    failed = case.find("failure") is not None or case.find("error") is not None
    print(f"ROW\trealtime abuse: {what}\t{'as expected' if not failed else 'not as expected'}, and a bystander"
          f" still receives ({float(case.get('time')):.1f} s)\t{target}; bystander receives\t{'FAIL' if failed else 'PASS'}")
PY
[ "$BUILD" -eq 0 ]
