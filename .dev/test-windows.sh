#!/usr/bin/env bash
# Runs the headless domain tests (`cargo test --no-default-features`) built for Windows, under
# Wine: SQLCipher, OpenSSL, age, atomic replacement, file locking and paths the way Windows does
# them. Extra arguments go to cargo test (e.g. `--lib forms::` or `--test backup`).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/safekeeper/target}"
# shellcheck source=windows/tools.sh
source "$repo/.dev/windows/tools.sh"

need_debian_packages gcc-mingw-w64-x86-64 wine wine64
need_windows_target

export WINEPREFIX="$CARGO_TARGET_DIR/wine"
export WINEDEBUG=-all
# No .NET or Internet Explorer engine: the tests need neither, and Wine would offer to fetch them.
export WINEDLLOVERRIDES="mscoree,mshtml="
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "windows: making the Wine prefix $WINEPREFIX"
  wineboot -i >/dev/null 2>&1
  wineserver -w
fi

# Debian 12's Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which every Rust program calls.
shim="$CARGO_TARGET_DIR/windows-tools/bcryptprimitives.dll"
mkdir -p "$(dirname "$shim")"
if [ ! -f "$shim" ] || [ "$repo/.dev/windows/bcryptprimitives.c" -nt "$shim" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -o "$shim" "$repo/.dev/windows/bcryptprimitives.c" -ladvapi32
fi
cp "$shim" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"

# The recovery drill runs `age`: rage (the Rust age tool, from crates.io) built for Windows.
tools="$CARGO_TARGET_DIR/windows-tools"
if [ ! -f "$tools/bin/age.exe" ]; then
  echo "windows: building rage for Windows (the recovery drill's age command)"
  cargo install rage --locked --version '^0.11' --target "$WINDOWS_TARGET" --root "$tools" >/dev/null
  cp "$tools/bin/rage.exe" "$tools/bin/age.exe"
fi
# ...and `sqlite3`: SQLite's own shell, compiled with mingw from the amalgamation the sqlite3-src
# crate ships (fetched with cargo like any dependency).
if [ ! -f "$tools/bin/sqlite3.exe" ]; then
  echo "windows: building SQLite's shell for Windows (the recovery drill's sqlite3 command)"
  fetcher="$tools/sqlite3-source"
  mkdir -p "$fetcher/src"
  printf '[package]\nname = "sqlite3-source"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nsqlite3-src = "=0.7.1"\n\n[workspace]\n' >"$fetcher/Cargo.toml"
  : >"$fetcher/src/lib.rs"
  source_dir="$(cd "$fetcher" && cargo metadata --format-version 1 --quiet |
    python3 -c 'import json,sys,os; m=json.load(sys.stdin); print(next(os.path.dirname(p["manifest_path"]) for p in m["packages"] if p["name"]=="sqlite3-src"))')/source"
  mkdir -p "$tools/bin"
  x86_64-w64-mingw32-gcc -O1 -DSQLITE_THREADSAFE=0 -o "$tools/bin/sqlite3.exe" "$source_dir/shell.c" "$source_dir/sqlite3.c"
fi
WINEPATH="$(winepath -w "$tools/bin")"
export WINEPATH

# Test binaries linked without debug info: with it each of the ~20 is about 500 MB.
linker="$tools/link-stripped.sh"
printf '#!/bin/sh\nexec x86_64-w64-mingw32-gcc "$@" -Wl,--strip-debug\n' >"$linker"
chmod +x "$linker"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER="$linker"
# No debug info in the Windows test build: it is only run, never debugged, and rustc skips the
# work of making it (a cold build is the longest step of the test command).
export CARGO_PROFILE_DEV_DEBUG=0
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
cd "$repo"
if [ $# -eq 0 ]; then
  # The desktop app's Windows-only code (the session lock, WebView2's settings, the installer's
  # folders) is compiled nowhere else on this machine: check it, with clippy's warnings as errors.
  echo "windows: clippy on the desktop app built for Windows"
  cargo clippy --target "$WINDOWS_TARGET" -p safekeeper -- -D warnings
fi
cargo test --no-default-features --target "$WINDOWS_TARGET" -p safekeeper "$@"
