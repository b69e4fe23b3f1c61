#!/usr/bin/env bash
# Refreshes the README's pictures from the latest end-to-end run (bash .dev/test.sh writes the
# screenshots to target/screenshots/). Run it after a test run, look at the pictures, commit them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shots="$repo/target/screenshots"
readme="$repo/assets/readme"
# README picture <- end-to-end screenshot
pictures=(
  "first-run.png:01-welcome.png"
  "locked-home.png:readme-signing-station.png"
)
mkdir -p "$readme"
for pair in "${pictures[@]}"; do
  picture="${pair%%:*}"
  shot="$shots/${pair#*:}"
  if [[ ! -f "$shot" ]]; then
    echo "readme-pictures: $shot is missing; run bash .dev/test.sh first" >&2
    exit 1
  fi
  cp "$shot" "$readme/$picture"
  echo "readme-pictures: assets/readme/$picture <- target/screenshots/${pair#*:}"
done
