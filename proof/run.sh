#!/usr/bin/env bash
# The proof (issue 15): builds the jar once, installs what the parts need from Debian, runs every executable
# proof/parts/*.sh in name order, collects their ROW lines into one table, prints it and writes docs/proof.md with
# the machine and each part's "how obtained" (proof/parts/<name>.md). Exits non-zero when a row fails or a part
# fails. Long: the load alone is 60 s steady plus the ramps; a few minutes a part.
#
#   bash proof/run.sh                 everything
#   bash proof/run.sh 10 20           only the parts whose names start with these prefixes
#   PROOF_JAR=path bash proof/run.sh  use a jar that is already built
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$SECONDS
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
log() { printf 'proof: %s\n' "$*" >&2; }

# 1. What the parts run: Debian's PostgreSQL server, pgbouncer, wrk, curl (root or sudo, as e2e/run.sh does).
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian's ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin"
# A cluster's files belong to postgres when run as root; the scratch directory must be reachable by it.
PROOF_WORK=$(mktemp -d /tmp/agentanchor-proof.XXXXXX)
chmod 755 "$PROOF_WORK"
export PROOF_WORK

# 2. The jar, built once.
if [ -z "${PROOF_JAR:-}" ]; then
  log "building the jar"
  ./mvnw -B -ntp -q -pl app -am -DskipTests package || { log "the build failed"; exit 1; }
  PROOF_JAR=$(ls "$ROOT"/app/target/app-*.jar | grep -v -- '-plain\|sources' | head -n 1)
fi
export PROOF_JAR
log "jar: $PROOF_JAR, scratch: $PROOF_WORK"

# 3. The parts, in name order; ROW lines to the table, the rest to the log.
ROWS="$PROOF_WORK/rows.tsv"
: >"$ROWS"
failed_parts=()
HOW=""
for part in proof/parts/*.sh; do
  [ -x "$part" ] || continue
  name=$(basename "$part" .sh)
  if [ $# -gt 0 ]; then
    wanted=no
    for prefix in "$@"; do [[ $name == "$prefix"* ]] && wanted=yes; done
    [ $wanted = yes ] || continue
  fi
  log "part $name"
  bash "$part" 2>&1 | tee "$PROOF_WORK/$name.out" | grep -v $'^ROW\t' >&2
  rc=${PIPESTATUS[0]}
  grep $'^ROW\t' "$PROOF_WORK/$name.out" | cut -f2- >>"$ROWS"
  if [ "$rc" -ne 0 ]; then
    failed_parts+=("$name")
    printf '%s\t%s\t%s\t%s\n' "part $name" "exited with $rc (log: $PROOF_WORK/$name.out)" "exit 0" FAIL >>"$ROWS"
  fi
  [ -f "proof/parts/$name.md" ] && HOW+=$'\n'"$(cat "proof/parts/$name.md")"$'\n'
done

# 4. The table, printed and written with the machine it ran on.
table() {
  echo "| what | figure | target | result |"
  echo "|---|---|---|---|"
  while IFS=$'\t' read -r what figure target result; do
    printf '| %s | %s | %s | %s |\n' "$what" "$figure" "$target" "$result"
  done <"$ROWS"
}
TABLE=$(table)
echo
echo "$TABLE"
fails=$(cut -f4 "$ROWS" | grep -c '^FAIL$' || true)
total=$(wc -l <"$ROWS")
{
  echo "# Proof"
  echo
  echo "Written by \`bash proof/run.sh\` (the long form; CI runs a short form of the pooler and fault tests)."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), $((SECONDS - START)) s"
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, load average $LOAD_AT_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (other builds share the cores: read the latencies as what this machine gave then)"
  echo "- java: $(java -version 2>&1 | head -n 1)"
  echo "- PostgreSQL: $(ls -d /usr/lib/postgresql/*/ | sort -V | tail -n 1 | xargs basename) (Debian), $(pgbouncer --version 2>/dev/null | head -n 1)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet -- . ':!docs/proof.md' 2>/dev/null || echo ' (with uncommitted changes)')"
  echo
  echo "$total rows, $fails failed."
  echo
  echo "$TABLE"
  echo
  echo "## How each figure was obtained"
  echo "$HOW"
} >docs/proof.md
log "$total rows, $fails failed; written to docs/proof.md in $((SECONDS - START)) s (logs in $PROOF_WORK)"
[ "$fails" -eq 0 ] && [ ${#failed_parts[@]} -eq 0 ]
