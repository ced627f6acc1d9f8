#!/usr/bin/env bash
# Set up, then practise a conversation in the terminal (the course itself opens with start.sh):
#   bash scripts/practice.sh [SCENARIO] [simkit play options]
# Without a scenario id (or when the first word is an option, such as --lang en) it plays the
# showroom walk-in scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
scenario="showroom-family-suv-v1"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  scenario="$1"
  shift
fi
exec .venv/bin/simkit play "$scenario" "$@"
