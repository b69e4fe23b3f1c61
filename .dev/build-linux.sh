#!/usr/bin/env bash
# Builds Safekeeper's Linux packages from the release build: a .deb (Debian, Ubuntu, Mint) and an
# .rpm (Fedora, openSUSE), with the desktop entry and the icons. Installs what it needs first.
# The packages land in $CARGO_TARGET_DIR/release/bundle/{deb,rpm}/ and their sizes are printed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
(cd ui && npm run build --silent)
# The Tauri bundler from the npm registry (pinned in ui/package.json); it runs `cargo build
# --release` itself.
ui/node_modules/.bin/tauri build --ci --bundles deb,rpm
bundle="$CARGO_TARGET_DIR/release/bundle"
for package in "$bundle"/deb/*.deb "$bundle"/rpm/*.rpm; do
  echo "build-linux: $(basename "$package"): $(du -k "$package" | cut -f1) KiB"
done
echo "build-linux: release binary: $(du -k "$CARGO_TARGET_DIR/release/safekeeper" | cut -f1) KiB"
