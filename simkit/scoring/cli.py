"""``simkit score``: a thin shim over :func:`simkit.scoring.score` and the batch scorer.

::

    simkit score FILE...                  a text report per transcript
    simkit score FILE --json | --html     one JSON object / an HTML page
    simkit score DIR [--jobs N] [--csv PATH] [--time-limit S]
                                          a cohort: one CSV row per transcript (stdout by default)

Exit status: 0 scored; 1 a transcript was tampered with (its report is still printed, marked,
with the turns that differ) or was recorded against another version of its scenario or of the
analyzer; 2 a transcript could not be read (the message says why) or its scenario is unknown.
A cohort always scores every file: one that cannot be scored is an ``error`` row (exit 2).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from simkit.errors import SimkitError
from simkit.safetext import json_text, shown


def register(subparsers: argparse._SubParsersAction) -> None:
    from simkit.scoring.batch import TIME_LIMIT

    parser = subparsers.add_parser(
        "score", help="score transcripts: points with evidence per turn, pass/fail, feedback",
        description="Replay and score transcripts. A folder (or --csv) scores a cohort into a CSV.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE|DIR", help="transcript files or folders")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON (one object per transcript)")
    fmt.add_argument("--html", action="store_true", help="print an HTML page")
    parser.add_argument("--lang", choices=["zh", "en"], help="report language (default: the transcript's)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes for a cohort (default 1)")
    parser.add_argument("--csv", type=Path, metavar="PATH", help="write the cohort CSV here (default: stdout)")
    parser.add_argument("--time-limit", type=float, default=TIME_LIMIT, metavar="S",
                        help=f"seconds per file in a cohort before it becomes a timeout row (default {TIME_LIMIT:g})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("simkit: error: --jobs must be 1 or more", file=sys.stderr)
        return 2
    if not args.time_limit > 0:
        print("simkit: error: --time-limit must be more than 0 seconds", file=sys.stderr)
        return 2
    if args.csv is not None or any(p.is_dir() for p in args.paths):
        if args.json or args.html:
            print("simkit: error: a folder (or --csv) scores a cohort into a CSV; --json and --html are for "
                  "reports on files", file=sys.stderr)
            return 2
        return _batch(args)
    return _reports(args)


def _reports(args: argparse.Namespace) -> int:
    from simkit.scoring.render import to_html, to_json, to_text
    from simkit.scoring.scorer import score

    cards, status = [], 0
    for path in args.paths:
        try:
            card = score(path)
        except SimkitError as exc:
            print(f"simkit: error: {shown(exc, keep_newlines=True)}", file=sys.stderr)
            status = 2
            continue
        cards.append(card)
        if not card.integrity.ok:
            turns = ", ".join(str(t) for t in card.integrity.turns) or "-"
            print(f"{shown(path)}: {card.integrity.status} (turns that differ: {turns})", file=sys.stderr)
            status = max(status, 1)
    if args.json:
        objects = [to_json(c, args.lang or c.lang) for c in cards]
        if objects:
            print(json_text(objects[0] if len(args.paths) == 1 else objects))
    elif args.html:
        if cards:
            sys.stdout.write(to_html(cards, args.lang or cards[0].lang))
    else:
        sys.stdout.write("\n".join(to_text(c, args.lang or c.lang) for c in cards))
    return status


def _batch(args: argparse.Namespace) -> int:
    from simkit.scoring.batch import exit_code, find_transcripts, score_many, write_csv
    from simkit.safeio import atomic_write_text

    if args.csv is not None and args.csv.is_dir():
        raise SimkitError(f"{args.csv}: is a folder; give a file name for the CSV, such as {args.csv / 'cohort.csv'}")
    rows = score_many(find_transcripts(args.paths), jobs=args.jobs, time_limit=args.time_limit)
    for row in rows:
        if row.status == "error":
            print(f"simkit: error: {shown(row.path)}: {shown(row.message)} ({row.code})", file=sys.stderr)
    if args.csv is not None:
        buffer = io.StringIO()
        write_csv(rows, buffer)
        atomic_write_text(args.csv, buffer.getvalue())
        scored = sum(r.status == "scored" for r in rows)
        print(f"{scored} of {len(rows)} transcript(s) scored: {shown(args.csv)}", file=sys.stderr)
    else:
        write_csv(rows, sys.stdout)
    return exit_code(rows)
