#!/usr/bin/env bash
# Sourced by build-windows.sh and test-windows.sh: installs what building and testing the Windows
# target from Debian or Ubuntu needs, and nothing that is already there. Safe to run again.

export PATH="$HOME/.cargo/bin:$PATH"
WINDOWS_TARGET=x86_64-pc-windows-gnu

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# need_debian_packages PACKAGE...: installs those not installed yet.
need_debian_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "windows: installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

need_windows_target() {
  if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
    echo "windows: adding the Rust target $WINDOWS_TARGET"
    rustup target add "$WINDOWS_TARGET"
  fi
}
