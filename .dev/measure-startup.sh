#!/usr/bin/env bash
# Measures cold start to the first screen and memory at rest (idle locked, idle on the dashboard)
# of Safekeeper's release build against a bare Tauri 2 window (bench/bare-tauri) built with the
# same profile, in the same run, and prints the sizes of the release binary and the Linux
# packages; then unlock to a fully drawn dashboard for a large organisation
# (tests/e2e/measure-dashboard.mjs). Run by hand (not by CI): bash .dev/measure-startup.sh [runs]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
runs="${1:-7}"
if [[ ! -x "$CARGO_TARGET_DIR/release/safekeeper" ]]; then bash .dev/build-linux.sh; fi
(cd bench/bare-tauri && cargo build --release --locked)
echo "release binary: Safekeeper $(du -k "$CARGO_TARGET_DIR/release/safekeeper" | cut -f1) KiB, bare Tauri $(du -k "$CARGO_TARGET_DIR/release/bare-tauri" | cut -f1) KiB"
for package in "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb "$CARGO_TARGET_DIR"/release/bundle/rpm/*.rpm; do
  [[ -f "$package" ]] && echo "package: $(basename "$package") $(du -k "$package" | cut -f1) KiB"
done
SAFEKEEPER_APP="$CARGO_TARGET_DIR/release/safekeeper" BARE_APP="$CARGO_TARGET_DIR/release/bare-tauri" \
  xvfb-run -a -s "-screen 0 1280x900x24 -noreset" node tests/e2e/measure-startup.mjs "$runs"
SAFEKEEPER_APP="$CARGO_TARGET_DIR/release/safekeeper" BARE_APP="$CARGO_TARGET_DIR/release/bare-tauri" \
  xvfb-run -a -s "-screen 0 1280x900x24 -noreset" node tests/e2e/measure-memory.mjs
SAFEKEEPER_APP="$CARGO_TARGET_DIR/release/safekeeper" \
  xvfb-run -a -s "-screen 0 1280x900x24 -noreset" node tests/e2e/measure-dashboard.mjs
