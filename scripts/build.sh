#!/usr/bin/env bash
# Builds the server and the browser bundle the way cargo-leptos would, without it:
#   1. the server binary (features ssr),
#   2. the frontend crate for wasm32 (features hydrate),
#   3. wasm-bindgen --target web into $SITE_ROOT/pkg, named after LEPTOS_OUTPUT_NAME,
#   4. (release) wasm-opt -Oz from npm binaryen (Debian's wasm-opt 108 breaks hydration),
#   5. the design system's CSS, fonts and icons plus our own CSS into $SITE_ROOT.
# Usage: scripts/build.sh [dev|release]
source "$(dirname "$0")/lib.sh"
profile="${1:-dev}"
name="taskforce" # must equal LEPTOS_OUTPUT_NAME in .cargo/config.toml

case "$profile" in
  dev)
    step "Building the server (debug)"
    cargo build -p server --locked
    step "Building the browser bundle (debug wasm)"
    cargo build -p frontend --lib --target wasm32-unknown-unknown --locked
    wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/debug/frontend.wasm"
    ;;
  release)
    step "Building the server (release; the first time takes about ten minutes on two cores)"
    cargo build -p server --release --locked
    step "Building the browser bundle (size-optimised wasm)"
    cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release --locked
    wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/frontend.wasm"
    ;;
  *)
    echo "build.sh: unknown profile \"$profile\" (dev or release)" >&2
    exit 2
    ;;
esac

step "Generating the JavaScript glue into $SITE_ROOT/pkg"
mkdir -p "$SITE_ROOT/pkg" "$SITE_ROOT/css"
wasm-bindgen --target web --no-typescript --out-dir "$SITE_ROOT/pkg" --out-name "$name" "$wasm"
# Leptos' hydration script asks for <name>.wasm, as cargo-leptos names it.
mv "$SITE_ROOT/pkg/${name}_bg.wasm" "$SITE_ROOT/pkg/${name}.wasm"
if [ "$profile" = release ]; then
  note "optimising with wasm-opt -Oz"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$SITE_ROOT/pkg/${name}.wasm" -o "$SITE_ROOT/pkg/${name}.wasm"
fi

step "Copying Det Fælles Designsystem and our stylesheet"
cp node_modules/dkfds/dist/css/dkfds.min.css "$SITE_ROOT/css/"
rm -rf "$SITE_ROOT/fonts" "$SITE_ROOT/img"
cp -r node_modules/dkfds/dist/fonts node_modules/dkfds/dist/img "$SITE_ROOT/"
cp style/app.css "$SITE_ROOT/css/app.css"
cp public/* "$SITE_ROOT/"
note "site ready: $(du -sh "$SITE_ROOT/pkg" | cut -f1) of wasm and glue"
