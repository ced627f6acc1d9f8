#!/usr/bin/env bash
# Set up with the test extras and Debian's chromium, then run every test (extra arguments go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-browser.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
