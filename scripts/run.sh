#!/usr/bin/env bash
# Sets everything up, builds the release, and runs the app at http://127.0.0.1:3000 on an
# embedded SQLite database under data/, filled with the demo taskforce on first start.
source "$(dirname "$0")/lib.sh"
scripts/setup.sh
scripts/build.sh release
export DATABASE_URL="${DATABASE_URL:-sqlite://$ROOT/data/taskforce.db}"
export DEMO_MODE="${DEMO_MODE:-1}"
step "Starting the app (Ctrl-C stops it)"
exec "$CARGO_TARGET_DIR/release/taskforce" serve
