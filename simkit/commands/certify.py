"""``simkit certify``: grade a cohort's certification exam; ``certify verify``, ``certify merge``.

A thin shim over :func:`simkit.certify.run.certify`, :func:`simkit.certify.run.merge` and
:func:`simkit.certify.certificate.verify`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from simkit.errors import SimkitError
from simkit.safetext import shown

USAGE = """\
simkit certify [--cohort PATH] --out RUN_DIR [options]   grade a cohort (nbgrader + replay), write RUN_DIR
simkit certify verify CODE|CERTIFICATE.html --run RUN_DIR  check a certificate against the run's records
simkit certify merge PART_DIR... --out RUN_DIR             join shard runs (--shard I/N) into one run"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("certify", help="grade a cohort's certification exam and issue certificates",
                              usage=USAGE, description=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("words", nargs="*", metavar="verify|merge ...", help="a subcommand and its arguments")
    p.add_argument("--cohort", type=Path, help="the hand-ins: a folder or .zip of trainee folders "
                   "(default: the course's submitted/ folder)")
    p.add_argument("--course", type=Path, default=Path("grading"), help="the nbgrader course folder (default grading)")
    p.add_argument("--out", type=Path, help="the run folder to write")
    p.add_argument("--run", type=Path, help="(verify) the run folder that issued the certificate")
    p.add_argument("--key", type=Path, help="the exam key file (default: $SIMKIT_EXAM_KEY_FILE)")
    p.add_argument("--lang", choices=["zh", "en"], default="en", help="the exam's language (default en)")
    p.add_argument("--exam-id", help="the exam id the exam app signed with (default: the assignment id)")
    p.add_argument("--db-url", help="gradebook SQLAlchemy URL (default: $SIMKIT_GRADEBOOK_URL, else SQLite "
                   "in the course folder)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="nbgrader workers (default: one per core)")
    p.add_argument("--shard", default="1/1", help="grade only part I of N of the cohort (default 1/1)")
    p.add_argument("--cell-timeout", type=int, default=30, help="seconds a notebook cell may run (default 30)")
    p.add_argument("--roster", type=Path, help="CSV trainee,name,store,team")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=_certify)


def _key(args: argparse.Namespace, *, required: bool) -> bytes | None:
    from simkit import exam

    if args.key:
        return exam.load_key(args.key)
    key = exam.key_from_env()
    if key is None and required:
        raise SimkitError("the exam key is needed: --key FILE or SIMKIT_EXAM_KEY_FILE")
    return key


def _progress(args: argparse.Namespace):
    if args.quiet:
        return lambda line: None
    return lambda line: print(f"simkit certify: {shown(line)}", file=sys.stderr, flush=True)


def _certify(args: argparse.Namespace) -> int:
    words = args.words
    if words and words[0] == "verify":
        return _verify(args, words[1:])
    if words and words[0] == "merge":
        return _merge(args, words[1:])
    if words:
        raise SimkitError(f"unknown certify subcommand {words[0]!r}; use verify or merge")
    from simkit.certify.run import certify

    match = re.fullmatch(r"(\d+)/(\d+)", args.shard)
    if not match:
        raise SimkitError(f"--shard {args.shard!r}: expected I/N, such as 1/4")
    if args.out is None:
        raise SimkitError("--out RUN_DIR is needed")
    run = certify(course=args.course, run_dir=args.out, key=_key(args, required=True), cohort=args.cohort,
                  lang=args.lang, exam_id=args.exam_id, db_url=args.db_url, jobs=max(1, args.jobs),
                  shard=(int(match[1]), int(match[2])), cell_timeout=args.cell_timeout, roster=args.roster,
                  progress=_progress(args))
    return _report(args.out, run)


def _report(run_dir: Path, run: dict) -> int:
    print((Path(run_dir) / "summary.txt").read_text(encoding="utf-8"), end="")
    return 1 if run["review"] else 0


def _verify(args: argparse.Namespace, words: list[str]) -> int:
    from simkit.certify.certificate import verify

    if len(words) != 1 or args.run is None:
        raise SimkitError("usage: simkit certify verify CODE|CERTIFICATE.html --run RUN_DIR")
    ok, message = verify(words[0], run_dir=args.run, key=_key(args, required=False))
    print(shown(message))
    return 0 if ok else 1


def _merge(args: argparse.Namespace, words: list[str]) -> int:
    from simkit.certify.run import merge

    if not words or args.out is None:
        raise SimkitError("usage: simkit certify merge PART_DIR... --out RUN_DIR")
    run = merge(parts=[Path(w) for w in words], run_dir=args.out, key=_key(args, required=True),
                progress=_progress(args))
    return _report(args.out, run)
