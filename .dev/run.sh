#!/usr/bin/env bash
# Sets up the machine, builds Safekeeper and starts it. Extra arguments go to the app, e.g.
# `bash .dev/run.sh --demo` for the throwaway demo vault.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
(cd "$repo/ui" && npm run build --silent)
cd "$repo"
cargo build --release -p safekeeper
exec "$CARGO_TARGET_DIR/release/safekeeper" "$@"
