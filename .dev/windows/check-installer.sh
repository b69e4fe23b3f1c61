#!/usr/bin/env bash
# Installs the Windows installer silently into a scratch Wine prefix, checks what it put where,
# uninstalls it, and checks that the records folder is still there. Usage: check-installer.sh SETUP.EXE
set -euo pipefail

setup="$(realpath "$1")"
export WINEPREFIX
WINEPREFIX="$(mktemp -d "${TMPDIR:-/tmp}/safekeeper-installer-check.XXXXXX")"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$WINEPREFIX"' EXIT

fail() { echo "installer check: $*" >&2; exit 1; }

wineboot -i >/dev/null 2>&1
wineserver -w
user_dir="$WINEPREFIX/drive_c/users/$(whoami)"
program="$user_dir/AppData/Local/Programs/Safekeeper"
shortcut="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Safekeeper.lnk"
records="$user_dir/AppData/Local/uk.org.safekeeper.desktop"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\uk.org.safekeeper.desktop'

wine "$setup" /S
wineserver -w
for f in safekeeper.exe WebView2Loader.dll uninstall.exe; do
  [ -f "$program/$f" ] || fail "$f was not installed in $program"
done
[ -f "$shortcut" ] || fail "no Start-menu entry at $shortcut"
wine reg query "$key" /v UninstallString 2>/dev/null | grep -q 'uninstall.exe' || fail "no uninstall entry under $key"

# Records made by the app while it was installed.
mkdir -p "$records/vault"
echo "planted by the installer check" >"$records/vault/safekeeper.db"

wine "$program/uninstall.exe" /S
wineserver -w
[ ! -e "$program/safekeeper.exe" ] || fail "the uninstaller left safekeeper.exe"
[ ! -e "$shortcut" ] || fail "the uninstaller left the Start-menu entry"
if wine reg query "$key" >/dev/null 2>&1; then fail "the uninstaller left its registry entry"; fi
[ "$(cat "$records/vault/safekeeper.db")" = "planted by the installer check" ] || fail "the uninstaller touched the records folder"
echo "installer check: installs per user (program, Start-menu entry, uninstall entry); uninstalls cleanly; records folder untouched"
