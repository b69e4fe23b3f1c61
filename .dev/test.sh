#!/usr/bin/env bash
# Sets up the machine, then runs every test: UI checks and unit tests, Rust unit and integration
# tests (headless, without tauri), the desktop shell's tests, and the end-to-end tests that drive
# the real app under Xvfb. Screenshots land in target/screenshots/, PDFs in target/e2e-artifacts/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
mkdir -p target/screenshots target/e2e-artifacts

echo "== UI: type check, unit tests, build"
(cd ui && npm run check --silent && npm test --silent && npm run build --silent)

echo "== Rust: domain tests without tauri (cargo test --no-default-features)"
# Includes the faults and hostile-files tests: the malformed-file corpus (malformed_files), planted
# files (planted_files), a full disk and a read-only folder on a small tmpfs (disk_full, needs
# root to mount), kills during a migration and a re-key, and the bounded fuzzing of every reader
# (fuzz_harness: fixed seed, 48 cases per target). Long fuzzing runs are by hand: .dev/fuzz.sh.
cargo test --no-default-features --workspace

echo "== Rust: the benchmarks still build (they are run by hand: cargo bench --no-default-features)"
cargo check --no-default-features --benches -p safekeeper

echo "== Rust: desktop shell tests (the test build: its IPC tests use tauri's mock runtime)"
cargo test -p safekeeper --features test-switches --lib app::

echo "== Rust: the app as it ships (no test switches), kept aside, then the test build"
# A debug build without the feature: only the final crate differs from the test build, so this
# costs a minute, where a release build would cost ten. Both keep their own copy in the target dir.
cargo build -p safekeeper
mkdir -p "$CARGO_TARGET_DIR/plain"
cp "$CARGO_TARGET_DIR/debug/safekeeper" "$CARGO_TARGET_DIR/plain/safekeeper"
cargo build -p safekeeper --features test-switches

echo "== End-to-end: the real app under Xvfb"
SAFEKEEPER_APP="$CARGO_TARGET_DIR/debug/safekeeper" \
  xvfb-run -a -s "-screen 0 1280x900x24" node tests/e2e/run.mjs
SAFEKEEPER_APP="$CARGO_TARGET_DIR/debug/safekeeper" SAFEKEEPER_PLAIN_APP="$CARGO_TARGET_DIR/plain/safekeeper" \
  xvfb-run -a -s "-screen 0 1280x900x24" node tests/e2e/switches-off.mjs

for pdf in target/e2e-artifacts/*.pdf; do
  pdftoppm -r 70 -png -f 1 -l 1 "$pdf" "target/screenshots/pdf-$(basename "$pdf" .pdf)"
done
echo "All tests passed."
