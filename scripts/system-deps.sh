#!/usr/bin/env bash
# System packages the tests need: Debian's Chromium (browser tests), fonts covering Latin, Greek
# and Cyrillic (PDFs and screenshots), poppler-utils (PDF checks). Installs them as root with
# apt-get; otherwise names what is missing and stops. `system-deps.sh build`: only what a build
# needs (the fonts the PDFs embed).
set -euo pipefail
need=()
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
if [ "${1:-}" != build ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "missing system packages: ${need[*]}" >&2
  echo "install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
