#!/usr/bin/env bash
# Installs everything Safekeeper needs to build, run and test on Debian or Ubuntu, and nothing
# that is already there. Safe to run again. Sourced by run.sh and test.sh.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/safekeeper/target}"
export PATH="$HOME/.cargo/bin:$PATH"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

debian_packages=(
  build-essential pkg-config curl file xauth
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libayatana-appindicator3-dev librsvg2-dev
  webkit2gtk-driver xvfb dbus-daemon poppler-utils age sqlite3
  libdbus-1-dev
)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A Secret Service for .dev/key-store-check.sh and the e2e scenario 43-manifest-changed-while-closed,
# which each start a throwaway one on a private bus. Without recommends,
# so nothing changes the machine's login (PAM) set-up.
if ! dpkg-query -W -f='${Status}' gnome-keyring 2>/dev/null | grep -q "install ok installed"; then
  echo "setup: installing gnome-keyring (no recommends)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gnome-keyring >/dev/null
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed (found $(node --version)). Install it from your distribution's backports or NodeSource, then run this again." >&2
  exit 1
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
fi

# The test command's gates run rustfmt and clippy; a minimal Rust install has neither.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  echo "setup: adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

(cd "$repo/ui" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$repo/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$repo/tests/workflows" && npm ci --no-audit --no-fund --loglevel=error)
