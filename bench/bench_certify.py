"""Seconds per submission of a full `simkit certify` run over 30 synthetic trainees, against plain
sequential `nbgrader autograde` of the same submissions, in the same run.

    .venv/bin/python bench/bench_certify.py [--trainees 30] [--jobs 2]

Prints the wall time of each step of the certification run (generate, collect, autograde, score,
finish, and the replay of the transcripts, which runs while the workers grade), seconds per
submission for both, wall and CPU (this process and every process it waited for: the workers, their
fork servers and kernels, the nbgrader command), and simkit's own share (collect, scoring, feedback,
certificates and export: the steps that run after the grading) of the certification run. The machine's load
average is printed too: other work on the machine slows the wall times of both alike; the CPU
seconds move less with it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simkit import exam  # noqa: E402
from simkit.certify import layout  # noqa: E402
from simkit.certify.run import certify  # noqa: E402
from tests.certify.cohort import AID, write_honest  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-certify-"))
    try:
        key = exam.new_key(base / "exam.key")
        scratch = base / "scratch"
        layout.lay_out(scratch)
        layout.generate(scratch, AID)
        cohort = write_honest(base / "cohort", release=scratch / "release" / AID / f"{AID}.ipynb", key=key,
                              count=args.trainees)
        load = os.getloadavg()[0]
        start, cpu = time.perf_counter(), _cpu_seconds()
        run = certify(course=base / "course", run_dir=base / "run", key=key, cohort=cohort, jobs=args.jobs)
        total, total_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        steps = run["seconds"]
        simkit_share = steps["collect"] + steps["score"] + steps["finish"]

        plain = base / "plain"  # the same submissions, graded by nbgrader alone, one after the other
        layout.lay_out(plain)
        layout.generate(plain, AID)
        for folder in sorted(cohort.iterdir()):
            shutil.copytree(folder, plain / "submitted" / folder.name / AID)
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        start, cpu = time.perf_counter(), _cpu_seconds()
        subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "autograde", AID, "--force"], cwd=plain,
                       env=env, check=True, capture_output=True)
        sequential, sequential_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    finally:
        shutil.rmtree(base, ignore_errors=True)
    n = args.trainees
    print(f"trainees {n}, workers {args.jobs}, cores {os.cpu_count()}, load average at start {load:.1f}")
    print("certify steps (s): " + ", ".join(f"{k} {v:.2f}" for k, v in steps.items()))
    print(f"simkit certify:             {total:6.1f} s  = {total / n:.2f} s per submission, "
          f"CPU {total_cpu / n:.2f} s per submission (tiers {run['tiers']})")
    print(f"nbgrader autograde (plain): {sequential:6.1f} s  = {sequential / n:.2f} s per submission, "
          f"CPU {sequential_cpu / n:.2f} s per submission")
    print(f"speed-up {sequential / total:.2f}x; simkit's own share {simkit_share:.2f} s = "
          f"{100 * simkit_share / total:.1f}% of the run (collect, score, finish; the replay of the transcripts, "
          f"{steps.get('replay while grading', 0):.2f} s, runs while the workers grade)")
    return 0


def _cpu_seconds() -> float:
    """User and system CPU of this process and of its children that have ended (and theirs, when waited for)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main())
