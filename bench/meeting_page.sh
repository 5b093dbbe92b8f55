#!/usr/bin/env bash
# Benchmark: the meeting page with 12 agenda items and 20 papers, against a static file of the
# same size served by the same server. Starts the release server on a fresh demo database.
# Prints requests/s, p50, p99 and server CPU time per request for each, and the ratio.
# The page is measured as the app serves it (kept in memory until the data changes) and, from a
# second server on the same database with PAGE_CACHE_MB=0, rendered afresh on every request.
# Usage: bench/meeting_page.sh [seconds per run, default 15]
source "$(dirname "$0")/../scripts/lib.sh"
duration="${1:-15}"
port="${BENCH_PORT:-3200}"
base="http://127.0.0.1:$port"

scripts/setup.sh --wrk >/dev/null
scripts/build.sh release >/dev/null
work="$(mktemp -d)"
pid="" fresh_pid=""
trap 'kill "$pid" "$fresh_pid" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$SITE_ROOT" "$work/site"

step "Starting the release server on $base with a fresh demo database"
DATABASE_URL="sqlite://$work/bench.db" FILES_DIR="$work/files" DEMO_MODE=1 LISTEN_ADDR="127.0.0.1:$port" \
  LOG_LEVEL=warn SITE_ROOT="$work/site" "$CARGO_TARGET_DIR/release/taskforce" serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

cookie="$(curl -s -D - -o /dev/null -H "Origin: $base" -H 'Accept: text/html' \
  --data-urlencode 'input[email]=ann.maskell@example.org' --data-urlencode 'input[password]=demo-taskforce' \
  "$base/api/login" | awk -F'[ ;]' 'tolower($1)=="set-cookie:" && $2 ~ /^tf_session=/ {print $2}')"
[ -n "$cookie" ] || { echo "could not sign in" >&2; exit 1; }

step "Filling meeting 4 up to 12 agenda items and 20 papers"
meeting=4
for n in 1 2 3 4 5 6; do
  curl -fs -o /dev/null -H "Origin: $base" -H "Cookie: $cookie" \
    --data-urlencode "input[meeting_id]=$meeting" --data-urlencode 'input[kind]=D' \
    --data-urlencode "input[title]=Benchmarkpunkt $n" --data-urlencode 'input[resume]=Et **resumé** med en [henvisning](https://example.org).' \
    --data-urlencode 'input[duration]=5' "$base/api/item_save"
done
items="$(curl -fs -H "Origin: $base" -H "Cookie: $cookie" --data "id=$meeting" "$base/api/meeting" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(str(i["id"]) for i in d["items"] if not i["closed"]))')"
printf '%%PDF-1.4\n%s\n%%%%EOF\n' "$(head -c 20000 /dev/zero | tr '\0' 'x')" >"$work/paper.pdf"
set -- $items
count=0
while [ $count -lt 20 ]; do
  for item in "$@"; do
    [ $count -ge 20 ] && break
    curl -fs -o /dev/null -H "Origin: $base" -H "Cookie: $cookie" -F "file=@$work/paper.pdf;filename=Bilag $count.pdf" \
      -F "title=Bilag $count" "$base/meetings/$meeting/items/$item/papers"
    count=$((count + 1))
  done
done
curl -fs -H "Cookie: $cookie" "$base/meetings/$meeting" >"$work/site/bench-static.html"
bytes=$(wc -c <"$work/site/bench-static.html")
items_now=$(grep -o 'class="agenda-item' "$work/site/bench-static.html" | wc -l)
papers_now=$(grep -o 'href="/files/papers/' "$work/site/bench-static.html" | wc -l)
note "meeting page: $bytes bytes, $items_now items, $papers_now paper links"

fresh_port=$((port + 1))
fresh_base="http://127.0.0.1:$fresh_port"
DATABASE_URL="sqlite://$work/bench.db" FILES_DIR="$work/files" DEMO_MODE=1 LISTEN_ADDR="127.0.0.1:$fresh_port" \
  LOG_LEVEL=warn SITE_ROOT="$work/site" PAGE_CACHE_MB=0 RUN_WORKER=0 "$CARGO_TARGET_DIR/release/taskforce" serve >"$work/fresh.log" 2>&1 &
fresh_pid=$!
for _ in $(seq 1 100); do curl -fs "$fresh_base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

run() { # label, URL, server pid
  local before after out requests
  before=$(cpu_ticks "$3")
  out="$(wrk -t2 -c8 -d"${duration}s" --latency -H "Cookie: $cookie" "$2")"
  after=$(cpu_ticks "$3")
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local non2xx
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  local rps p50 p99 cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  cpu=$(python3 -c "print(f'{($after-$before)/$hz*1000/max($requests,1):.3f}')")
  printf '%-24s %10s req/s   p50 %8s   p99 %8s   CPU %s ms/request   non-2xx: %s\n' "$1" "$rps" "$p50" "$p99" "$cpu" "${non2xx:-0}"
  echo "$rps" >"$work/$1.rps"
}

step "Measuring ($duration s each, 2 threads, 8 connections)"
run "meeting page" "$base/meetings/$meeting" "$pid"
run "static file" "$base/bench-static.html" "$pid"
run "rendered afresh" "$fresh_base/meetings/$meeting" "$fresh_pid"
ratio() { python3 -c "print(f'{float(open(\"$work/$1.rps\").read())/float(open(\"$work/static file.rps\").read()):.2f}')"; }
echo "ratio (meeting page / static file): $(ratio "meeting page")"
echo "ratio (rendered afresh / static file): $(ratio "rendered afresh")"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); $(date -u +%Y-%m-%d)"
