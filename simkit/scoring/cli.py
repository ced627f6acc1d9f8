"""``simkit score``: a thin shim over :func:`simkit.scoring.score` and the batch scorer.

::

    simkit score FILE...                  a text report per transcript
    simkit score FILE --json | --html     one JSON object / an HTML page
    simkit score DIR [--jobs N] [--csv PATH]
                                          a cohort: one CSV row per transcript (stdout by default)

Exit status: 0 scored; 1 a transcript was tampered with (its report is still printed, marked,
with the turns that differ) or was recorded against another version of its scenario or of the
analyzer; 2 a transcript could not be read (the message says why) or its scenario is unknown.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from simkit.errors import SimkitError


def register(subparsers: argparse._SubParsersAction) -> None:
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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("simkit: error: --jobs must be 1 or more", file=sys.stderr)
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
            print(f"simkit: error: {exc}", file=sys.stderr)
            status = 2
            continue
        cards.append(card)
        if not card.integrity.ok:
            turns = ", ".join(str(t) for t in card.integrity.turns) or "-"
            print(f"{path}: {card.integrity.status} (turns that differ: {turns})", file=sys.stderr)
            status = max(status, 1)
    if args.json:
        objects = [to_json(c, args.lang or c.lang) for c in cards]
        if objects:
            data = objects[0] if len(args.paths) == 1 else objects
            print(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False))
    elif args.html:
        if cards:
            sys.stdout.write(to_html(cards, args.lang or cards[0].lang))
    else:
        sys.stdout.write("\n".join(to_text(c, args.lang or c.lang) for c in cards))
    return status


def _batch(args: argparse.Namespace) -> int:
    from simkit.scoring.batch import exit_code, find_transcripts, score_many, write_csv

    paths = find_transcripts(args.paths)
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"simkit: error: {path}: no such file or folder", file=sys.stderr)
    rows = score_many(paths, jobs=args.jobs)
    for row in rows:
        if row["status"] == "error":
            print(f"simkit: error: {row['error']}", file=sys.stderr)
    if args.csv is not None:
        from simkit.transcript import atomic_write_text
        import io

        buffer = io.StringIO()
        write_csv(rows, buffer)
        atomic_write_text(args.csv, buffer.getvalue())
        print(f"{len(rows)} transcript(s) scored: {args.csv}", file=sys.stderr)
    else:
        write_csv(rows, sys.stdout)
    return 2 if missing else exit_code(rows)
