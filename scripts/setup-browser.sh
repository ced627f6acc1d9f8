#!/usr/bin/env bash
# Debian's chromium (and a CJK font for readable screenshots) for the browser tests.
# Playwright never downloads a browser here: the tests launch /usr/bin/chromium.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "simkit: the browser tests need Debian packages: ${missing[*]}." >&2
  echo "simkit: run as root, or: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "simkit: without chromium the browser tests are skipped (and fail under CI)." >&2
  exit 0
fi
echo "simkit: installing ${missing[*]} with apt-get" >&2
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
