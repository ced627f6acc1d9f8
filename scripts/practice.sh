#!/usr/bin/env bash
# Set up, then practise a conversation in the terminal (pass simkit play options to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
scenario="${1:-showroom-family-suv-v1}"
shift || true
exec .venv/bin/simkit play "$scenario" "$@"
