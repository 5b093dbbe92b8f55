#!/usr/bin/env bash
# Installs what the build needs, only where it is missing. Nothing is downloaded at run time:
# the Rust pieces come from crates.io, the front-end pieces from the npm registry, the browser
# (for the tests, with --browser) from Debian.
source "$(dirname "$0")/lib.sh"

want_browser=0
want_wrk=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --wrk) want_wrk=1 ;;
  esac
done

step "Checking the Rust toolchain"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  note "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
note "$(rustc --version)"

# The wasm-bindgen CLI must be exactly the library version in Cargo.lock.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  step "Installing wasm-bindgen-cli $bindgen_version from crates.io (a few minutes, once)"
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo install wasm-bindgen-cli --version "$bindgen_version"
fi
note "wasm-bindgen $bindgen_version"

if [ ! -d node_modules/dkfds ] || [ ! -d node_modules/binaryen ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing the design system, wasm-opt and Playwright from npm"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# aiosmtpd, the SMTP server the mail tests deliver to, in a virtualenv of the project's own.
venv="${TASKFORCE_VENV:-$HOME/.cache/taskforce/venv}"
if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  step "Installing aiosmtpd from PyPI (the SMTP server the mail tests use)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet aiosmtpd==1.4.6
fi

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install the Debian packages: $*" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  step "Installing Chromium from Debian (for the browser tests)"
  apt_install chromium chromium-driver
fi
if [ "$want_wrk" = 1 ] && ! command -v wrk >/dev/null; then
  step "Installing wrk from Debian (for the benchmarks)"
  apt_install wrk
fi
