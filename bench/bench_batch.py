"""Cohort figures: 1,000 transcripts of which 50 are corrupt, scored with --jobs 1 and 2.

Run: .venv/bin/python bench/bench_batch.py [--transcripts 1000] [--corrupt 50] [--kinds K,...]

Writes a cohort folder the way the CLI scores it: 20-turn transcripts (60 played ones, copied
to fill the count; scoring costs the same for a copy) plus ``--corrupt`` broken entries, one
kind after another: truncated, not JSON, empty, not UTF-8, a field of the wrong type, an unknown
scenario, a 5000-digit seed, 2 KB of ``[[[[``, a 21 MB (sparse) file, a folder named ``x.json``,
a FIFO, a dangling link, a link to /dev/zero and a linked folder. Then times
``score_many(find_transcripts([folder]), jobs=N)`` plus the CSV, best of three, and prints
transcripts per second and the rows by status and error code. Every entry must come back as a
row: a cohort that stops early, or skips an entry, is reported as such. Wall time and CPU time
(this process and the workers) are both printed: on a shared machine the CPU figure is steadier.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PLAYED = 60  # distinct conversations; the rest of the cohort copies them


def _break(kind: str, good: str, folder: Path, i: int) -> None:
    path = folder / f"bad-{i:03d}-{kind}.json"
    data = json.loads(good)
    if kind == "truncated":
        path.write_text(good[: len(good) // 2], encoding="utf-8")
    elif kind == "not-json":
        path.write_text("this is not a transcript\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "not-utf8":
        path.write_bytes(b"\xff\xfe" + good.encode("utf-16-le"))
    elif kind == "wrong-type":
        data["seed"] = "seven"
        path.write_text(json.dumps(data), encoding="utf-8")
    elif kind == "unknown-scenario":
        data["scenario"]["id"] = "showroom-family-suv-v9"
        path.write_text(json.dumps(data), encoding="utf-8")
    elif kind == "huge-seed":
        path.write_text(json.dumps(data).replace(f'"seed": {data["seed"]}', '"seed": ' + "9" * 5000), encoding="utf-8")
    elif kind == "deep":
        path.write_text("[" * 2048, encoding="utf-8")
    elif kind == "too-big":
        with open(path, "wb") as f:
            f.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling-link":
        path.symlink_to(folder / "no-such-file.json")
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "linked-folder":
        target = folder.parent / f"elsewhere-{i}"
        target.mkdir()
        (folder / f"bad-{i:03d}-linked").symlink_to(target, target_is_directory=True)
    else:
        raise SystemExit(f"unknown kind {kind!r}")


KINDS = ("truncated", "not-json", "empty", "not-utf8", "wrong-type", "unknown-scenario", "huge-seed", "deep",
         "too-big", "folder", "fifo", "dangling-link", "dev-zero", "linked-folder")


def write_cohort(folder: Path, count: int, corrupt: int, kinds: tuple[str, ...]) -> int:
    """The cohort; returns how many entries it holds (each must become a row)."""
    from bench_scoring import write_cohort as play_cohort

    played = play_cohort(folder / "played", min(PLAYED, count - corrupt))
    cohort = folder / "cohort"
    cohort.mkdir()
    for i in range(count - corrupt):
        shutil.copyfile(played[i % len(played)], cohort / f"t{i:04d}.json")
    good = played[0].read_text(encoding="utf-8")
    for i in range(corrupt):
        _break(kinds[i % len(kinds)], good, cohort, i)
    return count


def _status(row) -> tuple[str, str]:
    """(status, code) of a row, typed (this branch) or a dict (older simkit)."""
    if isinstance(row, dict):
        return row["status"], (row.get("error", "")[:40] if row["status"] == "error" else "")
    return row.status, row.code or ""


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers, once reaped):
    a fairer figure than wall time on a machine that other work keeps busy."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transcripts", type=int, default=1000)
    parser.add_argument("--corrupt", type=int, default=50)
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds of corruption")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    kinds = tuple(args.kinds.split(","))

    from simkit.scoring.batch import find_transcripts, score_many, write_csv

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        entries = write_cohort(Path(tmp), args.transcripts, args.corrupt, kinds)
        made = time.perf_counter() - t0
        cohort = Path(tmp) / "cohort"
        print(f"cohort: {entries} entries ({args.transcripts - args.corrupt} transcripts of 20 turns, "
              f"{args.corrupt} corrupt of {len(kinds)} kinds), written in {made:.0f} s; CPUs: {os.cpu_count()}")
        for jobs in (1, 2):
            walls, cpus, rows = [], [], []
            for _ in range(args.runs):
                t0, c0 = time.perf_counter(), _cpu_seconds()
                try:
                    rows = score_many(find_transcripts([cohort]), jobs=jobs)
                    write_csv(rows, io.StringIO())
                except BaseException as exc:  # an older simkit: one file stops the cohort
                    print(f"--jobs {jobs}: the cohort STOPPED after {time.perf_counter() - t0:.1f} s: "
                          f"{type(exc).__name__}: {str(exc)[:100]}")
                    break
                walls.append(time.perf_counter() - t0)
                cpus.append(_cpu_seconds() - c0)
            if not walls:
                continue
            counts = Counter(_status(r) for r in rows)
            scored = sum(n for (status, _), n in counts.items() if status != "error")
            errors = sorted((code, n) for (status, code), n in counts.items() if status == "error")
            best = min(walls)
            print(f"--jobs {jobs}: {best:6.2f} s wall best of {len(walls)} ({len(rows) / best:5.0f} rows/s), "
                  f"{min(cpus):6.2f} CPU-s in all processes ({len(rows) / min(cpus):5.0f} rows per CPU-s); "
                  f"{len(rows)} rows for {entries} entries ({entries - len(rows)} missing), {scored} scored, "
                  f"{sum(n for _, n in errors)} errors")
            print("          errors: " + ", ".join(f"{code or '?'} {n}" for code, n in errors))


if __name__ == "__main__":
    main()
