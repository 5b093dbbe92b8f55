#!/usr/bin/env bash
# Benchmark: fan-out of one meeting's invitations to 1,000 invitees through a local SMTP sink
# (aiosmtpd). Starts the release server on a fresh demo database, adds 1,000 guests, publishes,
# and measures messages per second and the time until the outbox is empty.
# Usage: bench/invitations.sh [number of guests, default 1000]
source "$(dirname "$0")/../scripts/lib.sh"
guests="${1:-1000}"
port="${BENCH_PORT:-3201}"
smtp_port="${BENCH_SMTP_PORT:-3226}"
base="http://127.0.0.1:$port"

scripts/setup.sh >/dev/null
scripts/build.sh release >/dev/null
work="$(mktemp -d)"
pid="" smtp_pid=""
trap 'kill "$pid" "$smtp_pid" 2>/dev/null; rm -rf "$work"' EXIT

"$SMTP_SINK_PYTHON" "$SMTP_SINK_SCRIPT" --port "$smtp_port" --dir "$work/mail" >"$work/smtp.log" 2>&1 &
smtp_pid=$!
# The demo's own invitations go out at start-up: the sink must be listening before the server.
wait_for_port "$smtp_port"
DATABASE_URL="sqlite://$work/bench.db" FILES_DIR="$work/files" DEMO_MODE=1 LISTEN_ADDR="127.0.0.1:$port" \
  LOG_LEVEL=warn SMTP_URL="smtp://127.0.0.1:$smtp_port" SITE_ROOT="$SITE_ROOT" \
  "$CARGO_TARGET_DIR/release/taskforce" serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

sign_in() {
  curl -s -D - -o /dev/null -H "Origin: $base" -H 'Accept: text/html' \
    --data-urlencode "input[email]=$1" --data-urlencode 'input[password]=demo-taskforce' \
    "$base/api/login" | awk -F'[ ;]' 'tolower($1)=="set-cookie:" && $2 ~ /^tf_session=/ {print $2}'
}
ann="$(sign_in ann.maskell@example.org)"
chair="$(sign_in marie.louise.refsgaard@example.org)"
post() { curl -fs -o /dev/null -H "Origin: $base" -H "Cookie: $1" "${@:2}"; }

step "Planning a meeting and inviting $guests guests"
meeting=$(curl -fs -D - -o /dev/null -H "Origin: $base" -H "Cookie: $ann" -H 'Accept: text/html' \
  --data-urlencode 'input[title]=Benchmark af invitationer' --data-urlencode 'input[date]=2022-11-01' \
  --data-urlencode 'input[start]=10:00' --data-urlencode 'input[end]=12:00' --data-urlencode 'input[location]=Online' \
  "$base/api/meeting_save" | awk -F'/' 'tolower($0) ~ /^location:/ {print $3}' | tr -d '\r')
for n in $(seq 1 "$guests"); do
  post "$ann" --data-urlencode "input[meeting_id]=$meeting" --data-urlencode "input[name]=Gæst $n" \
    --data-urlencode "input[email]=gaest$n@example.org" --data-urlencode 'input[language]=da' "$base/api/invite_guest"
done
post "$ann" --data "input[meeting_id]=$meeting&input[step]=submit" "$base/api/meeting_status"
post "$chair" --data "input[meeting_id]=$meeting&input[step]=approve" "$base/api/meeting_status"
sleep 3 # let the demo meeting's own invitations drain first
before=$(ls "$work/mail" 2>/dev/null | grep -c '\.eml$' || true)

step "Publishing: $((guests + 10)) invitations (guests, chair and members)"
start=$(date +%s.%N)
post "$ann" --data "input[meeting_id]=$meeting&input[step]=publish" "$base/api/meeting_status"
queued_at=$(date +%s.%N)
expected=$((guests + 10))
while true; do
  progress=$(curl -fs -H "Origin: $base" -H "Cookie: $ann" --data "meeting_id=$meeting" "$base/api/invitations" \
    | python3 -c 'import json,sys; p=json.load(sys.stdin)["progress"]; print(p["queued"], p["sent"], p["failed"])')
  set -- $progress
  [ "$1" = 0 ] && [ "$2" -ge "$expected" ] && break
  sleep 0.2
done
end=$(date +%s.%N)
received=$(( $(ls "$work/mail" | grep -c '\.eml$') - before ))
python3 - "$start" "$queued_at" "$end" "$expected" "$received" <<'PY'
import sys
start, queued, end, expected, received = map(float, sys.argv[1:])
print(f"publish request (writes {int(expected)} messages in one transaction): {queued - start:.2f} s")
print(f"outbox empty after: {end - start:.2f} s   ({expected / (end - start):.0f} messages/s)")
print(f"messages received by the SMTP sink: {int(received)} of {int(expected)}")
PY
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); $(date -u +%Y-%m-%d)"
