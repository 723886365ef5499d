#!/usr/bin/env bash
# Makes sure Debian's Chromium and its WebDriver are installed (/usr/bin/chromium, /usr/bin/chromedriver),
# for the browser tests (Selenium) and for screenshots. Installs them with apt-get when missing; idempotent.
# Prints the versions.
set -euo pipefail

log() { echo "[browser] $*"; }
die() { echo "[browser] ERROR: $*" >&2; exit 1; }

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

run_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $* (not root and no sudo)"
  fi
}

pkgs=()
[ -x "$CHROMIUM" ] || pkgs+=(chromium)
[ -x "$CHROMEDRIVER" ] || pkgs+=(chromium-driver)

if [ "${#pkgs[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${pkgs[*]} yourself"
  log "apt-get update"
  run_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
  log "installing: ${pkgs[*]}"
  # Recommended packages are kept: they bring the fonts pages need to render text.
  run_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null \
    || die "apt-get install ${pkgs[*]} failed"
else
  log "chromium and chromium-driver already installed"
fi

[ -x "$CHROMIUM" ] || die "$CHROMIUM missing after installation"
[ -x "$CHROMEDRIVER" ] || die "$CHROMEDRIVER missing after installation"
log "$CHROMIUM: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
log "$CHROMEDRIVER: $("$CHROMEDRIVER" --version 2>/dev/null | head -n 1)"
