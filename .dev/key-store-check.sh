#!/usr/bin/env bash
# Checks, by hand, that Safekeeper can keep the signing station's manifest hash in a real Secret
# Service (Linux): starts a private session bus with a throwaway, unlocked GNOME Keyring in a
# temporary folder, and runs the test that writes, reads and deletes one entry there. The user's
# own keyring is never touched. The unit tests use an in-memory key store instead.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/safekeeper/target}"
command -v gnome-keyring-daemon >/dev/null || { echo "key-store-check: run .dev/setup.sh first (gnome-keyring)" >&2; exit 1; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$repo/src-tauri"
# Build first, so the keyring's start-up is not raced by the compiler.
cargo test --no-default-features --lib --no-run --quiet

SCRATCH="$scratch" dbus-run-session -- bash -c '
  export XDG_DATA_HOME="$SCRATCH/data" XDG_RUNTIME_DIR="$SCRATCH/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cargo test --no-default-features --lib --quiet the_operating_systems_key_store -- --ignored
'
