# Shared by the scripts: where things are, and how to say what is happening.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# One target directory outside the clone, reused between runs and clones on this machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/taskforce/target}"
export SITE_ROOT="${SITE_ROOT:-$ROOT/site}"
# The Python with aiosmtpd that the mail tests start as their SMTP server.
export SMTP_SINK_PYTHON="${SMTP_SINK_PYTHON:-$HOME/.cache/taskforce/venv/bin/python}"
export SMTP_SINK_SCRIPT="$ROOT/scripts/smtp_sink.py"
step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
# Waits until something listens on 127.0.0.1:PORT (at most 20 s); says so and fails otherwise.
wait_for_port() {
  for _ in $(seq 1 200); do
    (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}
