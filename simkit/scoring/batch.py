"""Scoring a cohort: many transcripts, in parallel, into one CSV row each.

Each worker process loads the content once and scores whole files; a file that cannot be
scored becomes an ``error`` row with the reason, never a silent gap. Rows come back in file
order whatever the number of workers, so the CSV is the same byte for byte.

Example:
    >>> rows = score_many(find_transcripts(["cohort/"]), jobs=4)  # doctest: +SKIP
    >>> write_csv(rows, open("cohort.csv", "w", newline=""))       # doctest: +SKIP
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from simkit.errors import SimkitError
from simkit.scoring.rubric import DIMENSIONS

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library

#: CSV columns, in order; one column per dimension holds its points (empty: not applicable).
#: ``result`` is how the conversation ended (``success``, ``defeat:<reason>`` or ``open``).
COLUMNS: tuple[str, ...] = (
    "file", "status", "scenario", "seed", "lang", "turns", "total", "passed", "tier", "result",
    *DIMENSIONS, "failures", "changed_turns", "error",
)


def find_transcripts(paths: Iterable[str | Path]) -> list[Path]:
    """Files to score: each file as given, each folder's ``*.json`` files (recursively), sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            found.append(path)
    return found


def score_row(path: str | Path, library: Library | None = None) -> dict[str, Any]:
    """One CSV row for one file: its scores, or ``status: error`` and the reason."""
    from simkit.scoring.scorer import score

    try:
        card = score(path, library=library)
    except SimkitError as exc:
        return {"file": str(path), "status": "error", "error": str(exc)}
    result = card.outcome.get("status", "")
    if card.outcome.get("reason"):
        result += ":" + str(card.outcome["reason"])
    row: dict[str, Any] = {
        "file": str(path),
        "status": card.integrity.status,
        "scenario": card.scenario_id,
        "seed": card.seed,
        "lang": card.lang,
        "turns": len(card.turns),
        "total": card.total,
        "passed": "true" if card.passed else "false",
        "tier": card.tier,
        "result": result,
        "failures": " ".join(card.verdict.failures),
        "changed_turns": " ".join(str(t) for t in card.integrity.turns),
        "error": "",
    }
    for dim in card.dimensions:
        row[dim.name] = dim.points if dim.applicable else ""
    return row


_worker_library: Library | None = None  # the content a worker process scores against


def _warm_up() -> None:
    """Load the content and the analyzer once per worker, before the first file."""
    global _worker_library
    from simkit.content import default_library
    from simkit.understand import analyze

    _worker_library = default_library()
    analyze("hello", lang="en")


def _score_in_worker(path: str) -> dict[str, Any]:
    return score_row(path, _worker_library)


def score_many(paths: list[Path], *, jobs: int = 1) -> list[dict[str, Any]]:
    """Score every file, with ``jobs`` worker processes (1: in this process). Rows in file order.

    The content is loaded once per process and used for the whole cohort, so every transcript
    is scored against the same version of its scenario.
    """
    from simkit.content import default_library

    if jobs <= 1 or len(paths) <= 1:
        library = default_library()
        return [score_row(p, library) for p in paths]
    chunk = max(1, len(paths) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        return list(pool.map(_score_in_worker, [str(p) for p in paths], chunksize=chunk))


def write_csv(rows: list[dict[str, Any]], out: TextIO) -> None:
    """The rows as CSV with a header line (``COLUMNS``)."""
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in COLUMNS})


def exit_code(rows: list[dict[str, Any]]) -> int:
    """2 when a file could not be scored, 1 when one was tampered with or outdated, else 0."""
    if any(r["status"] == "error" for r in rows):
        return 2
    if any(r["status"] != "ok" for r in rows):
        return 1
    return 0
