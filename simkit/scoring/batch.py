"""Scoring a cohort: many transcripts, in parallel, one typed :class:`Row` (and CSV row) each.

Nothing stops a cohort early and nothing is skipped silently: every file is a row, scored or an
``error`` with a stable code (``error.<code>`` in :mod:`simkit.i18n` holds its zh/en text) and the
detail. Folders are walked for ``*.json`` in any case; links to files are followed, linked
folders are not (each is a ``linked-folder`` row); a folder, FIFO or device named ``*.json`` is a
``not-regular-file`` row, read without blocking. Rows come back in file order whatever the
number of workers, so the CSV is the same byte for byte.

Time limit: each file gets :data:`TIME_LIMIT` seconds, enforced with ``SIGALRM`` in the process
that scores it (this one with ``jobs=1``, each worker of the process pool otherwise), which
interrupts any Python code; a file over the limit is a ``timeout`` row and the next file starts.
Where ``SIGALRM`` does not exist (Windows) or outside the main thread there is no limit.

Ctrl-C: workers ignore SIGINT; the parent cancels what is queued, ends the workers (they only
read) and raises KeyboardInterrupt, which the CLI turns into exit 130 without a traceback.

Example:
    >>> rows = score_many(find_transcripts(["cohort/"]), jobs=4)  # doctest: +SKIP
    >>> write_csv(rows, open("cohort.csv", "w", newline=""))       # doctest: +SKIP
"""

from __future__ import annotations

import csv
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from simkit import i18n
from simkit.errors import SimkitError, TranscriptError, UnknownIdError
from simkit.safetext import shown
from simkit.scoring.rubric import DIMENSIONS

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library
    from simkit.scoring.scorecard import Scorecard

#: CSV columns, in order; one column per dimension holds its points (empty: not applicable).
#: ``result`` is how the conversation ended (``success``, ``defeat:<reason>`` or ``open``);
#: ``status`` is the integrity status (``ok``, ``tampered``, ...) or ``error``, and then
#: ``error_code`` is the stable reason and ``error`` the detail.
COLUMNS: tuple[str, ...] = (
    "file", "status", "scenario", "seed", "lang", "turns", "total", "passed", "tier", "result",
    *DIMENSIONS, "failures", "changed_turns", "error_code", "error",
)

TIME_LIMIT = 30.0  # seconds per file; a 20-turn transcript takes about 3 ms

#: Every reason a file can fail with (``Row.code``); ``i18n.text("error." + code, lang)`` words it.
ERROR_CODES: tuple[str, ...] = (
    "unreadable", "not-regular-file", "linked-folder", "too-big", "too-deep", "not-utf8", "empty", "not-json",
    "invalid-transcript", "unknown-scenario", "timeout", "worker-crashed", "internal-error",
)


@dataclass(frozen=True)
class Row:
    """The result for one file of a cohort.

    Attributes:
        path: the file as found.
        status: ``"scored"`` (``scorecard`` is set) or ``"error"`` (``code`` and ``message`` are).
        scorecard: the :class:`~simkit.scoring.scorecard.Scorecard`; tampered ones are scored too.
        code: the stable reason, one of :data:`ERROR_CODES`.
        message: what exactly is wrong, in English, without the path.
    """

    path: str
    status: str
    scorecard: Scorecard | None = None
    code: str | None = None
    message: str | None = None

    def reason(self, lang: str) -> str:
        """The error code as words in ``lang`` (empty for a scored file)."""
        return i18n.text(f"error.{self.code}", lang) if self.code else ""


def find_transcripts(paths: Iterable[str | Path]) -> list[Path]:
    """What to score: each path as given; in a folder, every ``*.json`` entry (any case,
    recursively, sorted) and every linked folder, which is listed but not entered."""
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        entries: list[Path] = []
        for folder, dirs, files in os.walk(path, onerror=lambda exc: entries.append(Path(exc.filename))):
            here = Path(folder)
            for name in dirs:
                if name.lower().endswith(".json") or os.path.islink(here / name):
                    entries.append(here / name)
            entries += [here / name for name in files if name.lower().endswith(".json")]
        found += sorted(set(entries))
    return found


class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException so that no ``except Exception`` in the scorer eats it."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def score_row(path: str | Path, *, library: Library | None = None, time_limit: float | None = TIME_LIMIT) -> Row:
    """Score one file into a :class:`Row`; every failure becomes an error row, none escapes."""
    from simkit.content import default_library
    from simkit.scoring.scorer import score
    from simkit.transcript import Transcript

    name = str(path)
    refused = _not_a_file(Path(path))
    if refused:
        return Row(name, "error", code=refused[0], message=refused[1])
    try:
        with _time_limit(time_limit):
            transcript = Transcript.load(path)
            library = library or default_library()
            library.scenario(transcript.scenario_id)
            card = score(transcript, library=library)
    except _Timeout:
        return Row(name, "error", code="timeout", message=f"scoring took longer than {time_limit:g} s")
    except TranscriptError as exc:
        return Row(name, "error", code=exc.code, message=exc.message)
    except UnknownIdError as exc:
        return Row(name, "error", code="unknown-scenario", message=str(exc))
    except SimkitError as exc:  # a seed out of range, a turn the session refuses, ...
        return Row(name, "error", code="invalid-transcript", message=str(exc))
    except Exception as exc:  # a bug must not stop the cohort; the row says what happened
        return Row(name, "error", code="internal-error", message=f"{type(exc).__name__}: {exc}")
    return Row(name, "scored", scorecard=_with_source(card, name))


def _not_a_file(path: Path) -> tuple[str, str] | None:
    """Why a folder entry is not even opened, or None (files are checked on the open file)."""
    if not path.is_dir():
        return None
    if path.is_symlink():
        return "linked-folder", "a linked folder, not followed (score its target folder directly)"
    if not os.access(path, os.R_OK | os.X_OK):
        return "unreadable", "cannot read the folder: Permission denied"
    return "not-regular-file", "not a regular file (a folder)"


def _with_source(card: Scorecard, source: str) -> Scorecard:
    from dataclasses import replace

    return card if card.source == source else replace(card, source=source)


_worker: dict[str, Any] = {}  # what a worker process scores with: the content and the time limit


def _start_worker(library: Library | None, time_limit: float | None) -> None:
    """Per worker: ignore Ctrl-C (the parent handles it), load the content and the analyzer once."""
    from simkit.content import default_library
    from simkit.understand import analyze

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the CLI's own handler would only end the task
    _worker.update(library=library or default_library(), time_limit=time_limit)
    analyze("hello", lang="en")


def _score_chunk(paths: list[str]) -> list[Row]:
    return [score_row(p, library=_worker["library"], time_limit=_worker["time_limit"]) for p in paths]


def score_many(paths: Iterable[str | Path], *, library: Library | None = None, jobs: int = 1,
               time_limit: float | None = TIME_LIMIT) -> list[Row]:
    """Score every file, with ``jobs`` worker processes (1: in this process). Rows in file order.

    Args:
        paths: the files (see :func:`find_transcripts` for folders).
        library: the content to score against (default: the repository's scenarios); loaded once
            per process, so every transcript is scored against the same version of its scenario.
            With ``jobs > 1`` it reaches the workers by fork (Linux); elsewhere leave it None.
        jobs: worker processes.
        time_limit: seconds per file (None: no limit); see the module docstring.

    Returns:
        One :class:`Row` per path, never fewer: a worker that dies makes ``worker-crashed`` rows.
    """
    from simkit.content import default_library

    names = [str(p) for p in paths]
    if jobs <= 1 or len(names) <= 1:
        library = library or default_library()
        return [score_row(p, library=library, time_limit=time_limit) for p in names]
    size = max(1, len(names) // (jobs * 8))
    chunks = [names[i:i + size] for i in range(0, len(names), size)]
    rows: list[Row] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(library, time_limit))
    try:
        futures = [pool.submit(_score_chunk, chunk) for chunk in chunks]
        for chunk, future in zip(chunks, futures):
            try:
                rows += future.result()
            except Exception as exc:  # the worker died (killed, out of memory): its files still get rows
                rows += [Row(p, "error", code="worker-crashed", message=f"{type(exc).__name__}: {exc}")
                         for p in chunk]
    except BaseException:  # Ctrl-C: stop now, not after the queued files
        workers = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        raise
    pool.shutdown()
    return rows


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: control characters escaped, and a leading
    ``=``, ``+``, ``-``, ``@``, tab or carriage return defused with ``'`` (OWASP's advice)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return shown(text)


def row_fields(row: Row) -> dict[str, Any]:
    """The CSV fields of one row (raw values; :func:`write_csv` makes them safe)."""
    if row.scorecard is None:
        return {"file": row.path, "status": "error", "error_code": row.code, "error": row.message}
    card = row.scorecard
    result = card.outcome.get("status", "")
    if card.outcome.get("reason"):
        result += ":" + str(card.outcome["reason"])
    fields: dict[str, Any] = {
        "file": row.path,
        "status": card.integrity.status,
        "scenario": card.scenario_id,
        "seed": card.seed,
        "lang": card.lang,
        "turns": len(card.turns),
        "total": card.total,
        "passed": card.passed,
        "tier": card.tier,
        "result": result,
        "failures": " ".join(card.verdict.failures),
        "changed_turns": " ".join(str(t) for t in card.integrity.turns),
    }
    for dim in card.dimensions:
        fields[dim.name] = dim.points if dim.applicable else ""
    return fields


def write_csv(rows: Iterable[Row], out: TextIO) -> None:
    """The rows as CSV with a header line (``COLUMNS``), every cell safe for a spreadsheet."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        fields = row_fields(row)
        writer.writerow([csv_cell(fields.get(k)) for k in COLUMNS])


def exit_code(rows: Iterable[Row]) -> int:
    """2 when a file could not be scored, 1 when one was tampered with or outdated, else 0."""
    rows = list(rows)
    if any(r.status == "error" for r in rows):
        return 2
    if any(not r.scorecard.integrity.ok for r in rows if r.scorecard is not None):
        return 1
    return 0
