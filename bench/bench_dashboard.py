"""How long the cohort dashboard takes to open on a run of N trainees, after the kernel is ready.

Each figure comes from a fresh Python process (as a new Voila kernel is): importing the app,
reading the run and its gradebook, and building the page with every table, chart and the first
drill-down. The run is read from the index ``simkit certify`` writes (dashboard-index.json),
and, for comparison, file by file as a run without an index is. The issue asks for under 3 s
for 1,000 trainees after the kernel is ready; all three parts are counted here, in wall time
and in the CPU time of the process (less swayed by other work on a shared machine).

    .venv/bin/python bench/bench_dashboard.py /tmp/cohort-1000     # an existing RUN_DIR
    .venv/bin/python bench/bench_dashboard.py --make 1000          # write one first (about a minute)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import json, sys, time
clock = lambda: (time.perf_counter(), time.process_time())
t0 = clock()
from simkit.ui.dashboard_app import DashboardApp
from simkit.ui.dashboard_data import load_run
from simkit.ui.dashboard_gradebook import read_grades
t1 = clock()
run = load_run(sys.argv[1], index=sys.argv[2] == "index")
run.grades = read_grades(run.info)
t2 = clock()
app = DashboardApp(cohort=run, query="lang=en")
t3 = clock()
print(json.dumps({"import": t1[0] - t0[0], "read": t2[0] - t1[0], "build": t3[0] - t2[0], "cpu": t3[1] - t0[1],
                  "trainees": len(run.rows)}))
"""


def measure(run_dir: Path, how: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(run_dir), how], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir", nargs="?", type=Path)
    parser.add_argument("--make", type=int, help="write a synthetic run of this many trainees first")
    args = parser.parse_args()
    run_dir = args.run_dir
    if args.make:
        sys.path.insert(0, str(ROOT / "bench"))
        from make_cohort import make_cohort

        run_dir = run_dir or Path(tempfile.mkdtemp(prefix="simkit-cohort-"))
        make_cohort(args.make, run_dir)
    if run_dir is None:
        parser.error("give a RUN_DIR or --make N")
    sys.path.insert(0, str(ROOT))
    if not (run_dir / "dashboard-index.json").is_file():
        from simkit.ui.dashboard_data import write_index

        began = time.perf_counter()
        write_index(run_dir)
        print(f"no index in the run: written in {time.perf_counter() - began:.2f} s (as simkit certify does)")
    for label, how in (("every file (no index)", "files"), ("index", "index"), ("index", "index")):
        f = measure(run_dir, how)
        print(f"{label:22} {f['trainees']} trainees: import {f['import']:.2f} s, read {f['read']:.2f} s, "
              f"build {f['build']:.2f} s; total {f['import'] + f['read'] + f['build']:.2f} s "
              f"(CPU {f['cpu']:.2f} s)")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
