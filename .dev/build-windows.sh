#!/usr/bin/env bash
# Cross-builds Safekeeper for Windows on Debian or Ubuntu: the release safekeeper.exe (with
# mingw-w64; SQLCipher with vendored OpenSSL), then a per-user installer made with Debian's NSIS,
# then, if Wine is installed, installs and uninstalls it in a scratch Wine prefix to prove the
# installer runs and leaves the records folder alone.
#
# Outputs, under $CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release/: safekeeper.exe,
# WebView2Loader.dll, and bundle/Safekeeper_<version>_x64-setup.exe.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/safekeeper/target}"
# shellcheck source=windows/tools.sh
source "$repo/.dev/windows/tools.sh"

need_debian_packages gcc-mingw-w64-x86-64 nsis
need_windows_target

(cd "$repo/ui" && npm ci --no-audit --no-fund --loglevel=error && npm run build >/dev/null)

started=$SECONDS
cargo build --release --target "$WINDOWS_TARGET" -p safekeeper
echo "windows: cargo build took $((SECONDS - started)) s"

out="$CARGO_TARGET_DIR/$WINDOWS_TARGET/release"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -1)"
# webview2-com-sys's build script copies the loader beside the exe; the installer ships both.
loader="$out/WebView2Loader.dll"
[ -f "$loader" ] || { echo "windows: $loader is missing" >&2; exit 1; }

mkdir -p "$out/bundle"
setup="$out/bundle/Safekeeper_${version}_x64-setup.exe"
makensis -V2 \
  -DVERSION="$version" \
  -DEXE="$out/safekeeper.exe" \
  -DLOADER="$loader" \
  -DICON="$repo/src-tauri/icons/icon.ico" \
  -DOUTFILE="$setup" \
  "$repo/.dev/windows/installer.nsi"

echo "windows: safekeeper.exe $(stat -c %s "$out/safekeeper.exe") bytes, installer $(stat -c %s "$setup") bytes"
echo "windows: $setup"

if command -v wine >/dev/null 2>&1 && [ "${SKIP_INSTALLER_CHECK:-}" != 1 ]; then
  bash "$repo/.dev/windows/check-installer.sh" "$setup"
fi
