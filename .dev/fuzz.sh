#!/usr/bin/env bash
# Fuzzes one target for a while, by hand: .dev/fuzz.sh TARGET SECONDS
# Targets: backup_file backup_plain outbox people_csv training_csv manifest (see
# src-tauri/tests/fuzz_targets/mod.rs). With a nightly toolchain and cargo-fuzz
# (`cargo +nightly install cargo-fuzz`), the run is coverage-guided (libFuzzer), seeded from the
# committed corpus in tests/corpus/; otherwise the bounded harness CI runs
# (src-tauri/tests/fuzz_harness.rs) runs for SECONDS with fresh random seeds.
# Crashes land in tests/fuzz/artifacts/TARGET/; the grown corpus in $CARGO_TARGET_DIR-fuzz/corpus/.
set -euo pipefail
target="${1:?usage: .dev/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: .dev/fuzz.sh TARGET SECONDS}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/safekeeper/target}"
fuzz_target_dir="${CARGO_TARGET_DIR}-fuzz"

if rustup toolchain list 2>/dev/null | grep -q '^nightly' && cargo +nightly fuzz --version >/dev/null 2>&1; then
  work="$fuzz_target_dir/corpus"
  seeds="$fuzz_target_dir/seeds"
  mkdir -p "$work/$target"
  (cd "$repo/src-tauri" && FUZZ_SEEDS_TO="$seeds" cargo test --no-default-features --test fuzz_harness -- \
    --ignored --exact write_fuzz_seeds --quiet >/dev/null)
  cd "$repo"
  # Memory and time per input are capped: a hang or a blow-up is a finding, like a crash.
  CARGO_TARGET_DIR="$fuzz_target_dir" cargo +nightly fuzz run --fuzz-dir tests/fuzz "$target" "$work/$target" "$seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
else
  echo "fuzz: no nightly toolchain with cargo-fuzz here; running the property-test harness for ${seconds}s"
  cd "$repo/src-tauri"
  FUZZ_SECONDS="$seconds" FUZZ_CASES=256 cargo test --no-default-features --release --test fuzz_harness -- \
    --exact "fuzz_$target" --nocapture
fi
