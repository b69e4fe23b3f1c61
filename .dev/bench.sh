#!/usr/bin/env bash
# Runs every criterion benchmark (release profile, headless: --no-default-features), then writes
# target/bench-summary.md in the repository: the nine screens of issue 17 at 1x and 10x the
# synthetic organisation, side by side with their ratio and the goals, and every other benchmark's
# median. By hand only (.dev/test.sh does not run it); it takes a long while (the 10x organisations
# are generated fresh each run). Copy the summary into docs/performance.md when it is the one to keep.
#
#   .dev/bench.sh              every benchmark
#   .dev/bench.sh retention    only benchmarks whose name matches (criterion's filter); the summary
#                              then shows only what ran
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo"
mkdir -p target
# Criterion keeps its results in the repository's target/ (beside the summary), whatever
# CARGO_TARGET_DIR says; the summary reads only the results this run wrote.
export CRITERION_HOME="$repo/target/criterion"
started="$(date +%s)"
load_before="$(uptime | sed 's/^.*load average/load average/')"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src-tauri || echo ' (with uncommitted changes)')"

# --bench '*': the benchmark targets only (not the library's tests in the bench profile);
# --no-fail-fast: one failing benchmark does not cost the figures of the others.
cargo bench --locked --no-fail-fast --no-default-features -p safekeeper --bench '*' -- "$@"

load_after="$(uptime | sed 's/^.*load average/load average/')"
node .dev/bench-summary.mjs --criterion "$CRITERION_HOME" --out target/bench-summary.md --since "$started" \
  --commit "$commit" --load-before "$load_before" --load-after "$load_after" \
  --took-seconds "$(( $(date +%s) - started ))" >/dev/null
echo "bench: wrote $repo/target/bench-summary.md"
