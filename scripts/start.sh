#!/usr/bin/env bash
# Set up the course (the jupyter extra), then open JupyterLab on courses/.
# Extra arguments go to JupyterLab (for example --port 8899 or --no-browser).
# Practising in the terminal instead: bash scripts/practice.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh jupyter
root_flag=()
[ "$(id -u)" -eq 0 ] && root_flag=(--allow-root)  # JupyterLab refuses root unless told
exec .venv/bin/jupyter lab --ServerApp.root_dir=courses "${root_flag[@]}" "$@"
