#!/usr/bin/env bash
# Sets up and runs every test tier, then prints a summary. Exit status 0 only if all passed.
#   lint        cargo fmt, clippy -D warnings for ssr (native) and hydrate (wasm32), and a
#               guard that no server crate reaches the browser bundle
#   unit+sqlite unit and property tests, service tests and HTTP tests on fresh SQLite files
#   postgres    every integration-test binary again, each test on a fresh PostgreSQL database
#               (skipped when none answers at 127.0.0.1:5432, unless REQUIRE_POSTGRES=1)
#   browser     Playwright in Debian's Chromium, JavaScript on and off, with axe-core scans
source "$(dirname "$0")/lib.sh"

PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
E2E_PORT="${E2E_PORT:-3100}"
E2E_SMTP_PORT="${E2E_SMTP_PORT:-3125}"
declare -a summary=()
failed=0

tier() { # name, then the command
  local name="$1"; shift
  step "Tier: $name"
  local started=$SECONDS
  if "$@"; then
    summary+=("PASSED   $name ($((SECONDS - started)) s)")
  else
    summary+=("FAILED   $name ($((SECONDS - started)) s)")
    failed=1
  fi
}

lint() {
  cargo fmt --all --check || return 1
  cargo clippy --locked -p app -p server -p migrations --all-targets --features app/ssr -- -D warnings || return 1
  cargo clippy --locked -p frontend --target wasm32-unknown-unknown -- -D warnings || return 1
  local leaked
  leaked="$(cargo tree --locked -p frontend --target wasm32-unknown-unknown -e normal --prefix none \
    | grep -E '^(sea-orm|sqlx|argon2|lettre|axum|hyper|tokio|migrations|leptos_axum) ' | sort -u || true)"
  if [ -n "$leaked" ]; then
    echo "server crates in the wasm dependency tree:" >&2
    echo "$leaked" >&2
    return 1
  fi
  # The test harness (app::server::testing: CREATE DATABASE, spawning Python) is behind app's
  # `testing` feature: on for the test builds (dev-dependencies), off in the binary.
  local harness_in_binary harness_in_tests
  harness_in_binary="$(cargo tree --locked -p server -e features,normal --prefix none | grep -c '^app feature "testing"' || true)"
  harness_in_tests="$(cargo tree --locked -p server -e features --prefix none | grep -c '^app feature "testing"' || true)"
  if [ "$harness_in_binary" != 0 ] || [ "$harness_in_tests" = 0 ] \
    || ! grep -B1 '^pub mod testing;' app/src/server/mod.rs | grep -q 'cfg(feature = "testing")'; then
    echo "the test harness must be behind app's testing feature, enabled only for tests" >&2
    echo "(in the binary: $harness_in_binary, in the tests: $harness_in_tests)" >&2
    return 1
  fi
}

sqlite_tier() {
  cargo nextest run --locked --workspace --exclude frontend --no-fail-fast
}

pg_answers() {
  (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}

drop_test_databases() {
  psql "$PG_ADMIN_URL" -tA -c "select datname from pg_database where datname like 'tf_test_%'" 2>/dev/null \
    | while read -r name; do psql "$PG_ADMIN_URL" -q -c "drop database if exists $name" >/dev/null 2>&1 || true; done
}

postgres_tier() {
  drop_test_databases
  # Every integration-test binary, not a hand-kept list: a new test file cannot be forgotten
  # here. The few that touch no database simply pass again.
  TEST_DATABASE_URL="$PG_ADMIN_URL" cargo nextest run --locked --workspace --exclude frontend \
    --no-fail-fast -E 'kind(test)'
  local status=$?
  drop_test_databases
  return $status
}

browser_tier() {
  scripts/build.sh dev || return 1
  local dir
  dir="$(mktemp -d)"
  step "Starting aiosmtpd on 127.0.0.1:$E2E_SMTP_PORT and the app on 127.0.0.1:$E2E_PORT (fresh demo database)"
  "$SMTP_SINK_PYTHON" "$SMTP_SINK_SCRIPT" --port "$E2E_SMTP_PORT" --dir "$dir/mail" >"$dir/smtp.log" 2>&1 &
  local smtp_pid=$!
  if curl -fs "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null 2>&1; then
    echo "something already answers on 127.0.0.1:$E2E_PORT (a server left from an earlier run?)" >&2
    kill "$smtp_pid" 2>/dev/null
    return 1
  fi
  # The demo's invitations go out at start-up: the SMTP server must listen first.
  wait_for_port "$E2E_SMTP_PORT" || { kill "$smtp_pid" 2>/dev/null; return 1; }
  DATABASE_URL="sqlite://$dir/e2e.db" FILES_DIR="$dir/files" DEMO_MODE=1 LISTEN_ADDR="127.0.0.1:$E2E_PORT" LOG_LEVEL=warn \
    SMTP_URL="smtp://127.0.0.1:$E2E_SMTP_PORT" "$CARGO_TARGET_DIR/debug/taskforce" serve >"$dir/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  if ! curl -fs "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null 2>&1; then
    echo "the app did not come up; its log:" >&2
    tail -50 "$dir/server.log" >&2
    kill "$pid" "$smtp_pid" 2>/dev/null
    return 1
  fi
  E2E_BASE_URL="http://127.0.0.1:$E2E_PORT" E2E_MAIL_DIR="$dir/mail" \
    npx --no-install playwright test --config end2end/playwright.config.ts
  local status=$?
  kill "$pid" "$smtp_pid" 2>/dev/null; wait "$pid" "$smtp_pid" 2>/dev/null
  if [ $status -ne 0 ]; then
    echo "--- server log ---"; tail -50 "$dir/server.log"
  fi
  rm -rf "$dir"
  return $status
}

step "Setting up (tools, npm packages, Chromium)"
scripts/setup.sh --browser

tier "lint (fmt, clippy ssr + wasm32, wasm dependency guard)" lint
tier "unit, property, service and HTTP tests on SQLite" sqlite_tier
if pg_answers; then
  tier "every integration-test binary on PostgreSQL" postgres_tier
elif [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
  summary+=("FAILED   PostgreSQL tier: no server at 127.0.0.1:5432 and REQUIRE_POSTGRES=1")
  failed=1
else
  summary+=("SKIPPED  PostgreSQL tier: no server at 127.0.0.1:5432")
fi
tier "browser tests (Playwright, JavaScript on and off, axe-core)" browser_tier

printf '\n==> Summary\n'
printf '    %s\n' "${summary[@]}"
exit $failed
