"""A certification run's folder (RUN_DIR, see docs in the README) read into what the dashboard shows.

:func:`load_run` reads ``run.json``, ``export.csv`` (kept cell for cell, as written: the view's
CSV export of an unfiltered, unsorted view is the same file), the optional ``roster.csv``, and
every trainee's ``result.json`` and scorecards, summarised as they are read (a scorecard is kept
as a few numbers, not whole). Transcripts are read only when a conversation is opened. Every path
a result names must stay inside its trainee's folder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simkit.errors import SimkitError
from simkit.safeio import atomic_write_text

RUN_DIR_VAR = "SIMKIT_RUN_DIR"  # the folder ``simkit app dashboard`` serves
TIERS = ("distinction", "merit", "pass", "fail")
MAX_JSON = 20 * 1024 * 1024
CACHE_VERSION = 1


@dataclass(frozen=True)
class Conversation:
    """One conversation of a trainee, summarised from its result entry and scorecard.

    Attributes:
        trainee, scenario, seed, score, passed, outcome, integrity, signature: as the run says.
        transcript, scorecard: the files (inside the trainee's folder), or None.
        dims: dimension id -> (points, max) for the applicable dimensions.
        findings: behaviour id -> met, from the verdict (required and excellence).
        defeat: the defeat reason when the customer left.
        lost: ``(dimension, reason, turn, points lost, params)`` for each piece of evidence that lost points.
    """

    trainee: str
    index: int
    scenario: str
    seed: int
    score: float
    passed: bool
    outcome: str | None
    integrity: str
    signature: str
    transcript: Path | None
    scorecard: Path | None
    dims: dict[str, tuple[int, int]] = field(default_factory=dict)
    findings: dict[str, bool] = field(default_factory=dict)
    defeat: str | None = None
    lost: tuple[tuple[str, str, int | None, int, dict], ...] = ()


@dataclass
class Run:
    """Everything the dashboard shows of a run.

    Attributes:
        folder: RUN_DIR.
        info: ``run.json``.
        columns: ``export.csv``'s header; ``rows`` its rows (cells as written), in file order.
        newline: the line ending export.csv uses (the export writes the same).
        conversations: trainee id -> their conversations.
        problems: what could not be read (shown, never fatal).
    """

    folder: Path
    info: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, str]]
    newline: str = "\n"
    conversations: dict[str, list[Conversation]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def dimensions(self) -> list[str]:
        return [c[4:] for c in self.columns if c.startswith("dim_")]

    def has(self, column: str) -> bool:
        """Whether a column exists and holds anything (store and team are empty without a roster)."""
        return column in self.columns and any(r.get(column) for r in self.rows)

    def trainee_skills(self, trainee: str) -> dict[str, float]:
        """Dimension -> percent of its maximum over the trainee's conversations (applicable ones)."""
        sums: dict[str, list[int]] = {}
        for conv in self.conversations.get(trainee, []):
            for dim, (points, top) in conv.dims.items():
                acc = sums.setdefault(dim, [0, 0])
                acc[0] += points
                acc[1] += top
        return {d: 100 * p / m for d, (p, m) in sums.items() if m > 0}


def check_run_dir(path: str | os.PathLike) -> Path:
    """``path`` if it looks like a run's folder (``run.json`` and ``export.csv``), else a clear error."""
    folder = Path(path)
    missing = [n for n in ("run.json", "export.csv") if not (folder / n).is_file()]
    if missing:
        raise SimkitError(f"{path}: not a certification run's folder (no {' or '.join(missing)}); "
                          "give the folder simkit certify wrote")
    return folder


def _json(path: Path) -> Any:
    with open(path, "rb") as f:
        raw = f.read(MAX_JSON + 1)
    if len(raw) > MAX_JSON:
        raise ValueError(f"over {MAX_JSON // 1024 // 1024} MB")
    return json.loads(raw)


def inside(base: Path, name: Any) -> Path | None:
    """``base / name`` if ``name`` is a relative path that stays inside ``base`` (no ``..``), else None.

    Checked on the text, not with ``resolve()`` (a system call per part: 10 s for 7,000 paths on
    a loaded machine); a run's folder is written by ``simkit certify``, not by trainees.
    """
    if not isinstance(name, str) or not name or "\0" in name or name.startswith("/") or os.path.isabs(name):
        return None
    parts = name.replace("\\", "/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        return None
    return Path(os.path.join(base, *parts))


def load_run(path: str | os.PathLike, *, cache: bool = True) -> Run:
    """Read a run's folder. Raises :class:`SimkitError` only when run.json or export.csv is unusable.

    With ``cache`` the summaries of the results and scorecards are kept in a cache file
    (:func:`cache_path`) and reused while no file of the run has changed (size and time of
    every file under ``trainees/``): parsing 3,000 scorecards takes 1.5-4 s here, the cache 0.1 s.
    """
    folder = Path(os.path.abspath(check_run_dir(path)))
    try:
        info = _json(folder / "run.json")
        raw = (folder / "export.csv").read_bytes().decode("utf-8-sig")
    except (OSError, ValueError) as exc:
        raise SimkitError(f"{path}: cannot read the run: {exc}") from None
    newline = "\r\n" if "\r\n" in raw[:4096] else "\n"
    reader = csv.reader(io.StringIO(raw, newline=""))
    columns = next(reader, [])
    if "trainee" not in columns:
        raise SimkitError(f"{folder / 'export.csv'}: no 'trainee' column in the header")
    rows = [dict(zip(columns, cells)) for cells in reader if cells]
    run = Run(folder, info if isinstance(info, dict) else {}, columns, rows, newline)
    _merge_roster(run)
    stamp = _stamp(folder) if cache else None
    if stamp is not None and _read_cache(run, stamp):
        return run
    for row in rows:
        _load_trainee(run, row["trainee"])
    if stamp is not None:
        _write_cache(run, stamp)
    return run


def cache_path(folder: Path) -> Path:
    """Where the summaries of the run in ``folder`` are cached (``$SIMKIT_CACHE_DIR`` or ~/.cache/simkit)."""
    root = Path(os.environ.get("SIMKIT_CACHE_DIR") or Path.home() / ".cache" / "simkit") / "dashboard"
    return root / (hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:32] + ".json")


def _stamp(folder: Path) -> list | None:
    """Size and time of what the summaries are read from: each trainee's result.json and scorecards."""
    found = []
    base = os.path.join(folder, "trainees")
    try:
        for trainee in os.scandir(base):
            if not trainee.is_dir(follow_symlinks=False):
                continue
            for sub in ("result.json", "scorecards"):
                path = os.path.join(trainee.path, sub)
                if sub == "result.json":
                    entries = [(path, os.stat(path))] if os.path.exists(path) else []
                else:
                    entries = [(e.path, e.stat()) for e in os.scandir(path)] if os.path.isdir(path) else []
                found += [(p[len(base) + 1:], st.st_size, st.st_mtime_ns) for p, st in entries]
    except OSError:
        return None
    return sorted(found)


def _read_cache(run: Run, stamp: list) -> bool:
    try:
        data = _json(cache_path(run.folder))
        if data.get("version") != CACHE_VERSION or [tuple(x) for x in data["stamp"]] != stamp:
            return False
        for trainee, convs in data["conversations"].items():
            run.conversations[trainee] = [_conversation(run.folder, c) for c in convs]
        run.problems += data["problems"]
        return True
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _write_cache(run: Run, stamp: list) -> None:
    from dataclasses import asdict

    data = {"version": CACHE_VERSION, "stamp": stamp, "problems": run.problems, "conversations": {
        t: [{**asdict(c), "transcript": _rel(run.folder, c.transcript), "scorecard": _rel(run.folder, c.scorecard),
             "dims": {k: list(v) for k, v in c.dims.items()}} for c in convs]
        for t, convs in run.conversations.items()}}
    try:
        atomic_write_text(cache_path(run.folder), json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    except SimkitError:
        pass  # a read-only home: no cache, the next load parses again


def _rel(folder: Path, path: Path | None) -> str | None:
    return None if path is None else str(path)[len(str(folder)) + 1:]


def _conversation(folder: Path, c: dict) -> Conversation:
    return Conversation(**{**c, "transcript": inside(folder, c["transcript"]), "scorecard": inside(folder, c["scorecard"]),
                           "dims": {k: tuple(v) for k, v in c["dims"].items()},
                           "lost": tuple(tuple(x) for x in c["lost"])})


def _merge_roster(run: Run) -> None:
    """Fill empty name/store/team cells from roster.csv (export.csv has them when it had a roster)."""
    roster = run.folder / "roster.csv"
    if not roster.is_file() or all(run.has(c) for c in ("store", "team")):
        return
    try:
        with open(roster, encoding="utf-8-sig", newline="") as f:
            people = {r.get("trainee", ""): r for r in csv.DictReader(f)}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        run.problems.append(f"roster.csv: {exc}")
        return
    for column in ("name", "store", "team"):
        if column not in run.columns:
            run.columns.insert(run.columns.index("trainee") + 1, column)
    for row in run.rows:
        person = people.get(row["trainee"], {})
        for column in ("name", "store", "team"):
            row[column] = row.get(column) or person.get(column, "") or ""


def _load_trainee(run: Run, trainee: str) -> None:
    base = inside(run.folder / "trainees", trainee)
    if base is None or not (base / "result.json").is_file():
        run.problems.append(f"{trainee}: no result.json")
        return
    try:
        result = _json(base / "result.json")
        entries = list(result.get("conversations") or [])
    except (OSError, ValueError, AttributeError) as exc:
        run.problems.append(f"{trainee}/result.json: {exc}")
        return
    convs = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        card_path = inside(base, entry.get("scorecard"))
        dims, findings, defeat, lost = {}, {}, None, ()
        if card_path is not None and card_path.is_file():
            try:
                dims, findings, defeat, lost = _summarise(_json(card_path))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                run.problems.append(f"{trainee}/{entry.get('scorecard')}: {exc}")
        convs.append(Conversation(
            trainee=trainee, index=i, scenario=str(entry.get("scenario", "")), seed=_int(entry.get("seed")),
            score=_float(entry.get("score")), passed=entry.get("passed") is True, outcome=entry.get("outcome"),
            integrity=str(entry.get("integrity", "")), signature=str(entry.get("signature", "")),
            transcript=inside(base, entry.get("file")), scorecard=card_path, dims=dims, findings=findings,
            defeat=defeat, lost=lost))
    run.conversations[trainee] = convs


def _summarise(card: dict) -> tuple[dict, dict, str | None, tuple]:
    dims, lost = {}, []
    for dim in card.get("dimensions", []):
        if dim.get("applicable") and int(dim.get("max", 0)) > 0:
            dims[dim["name"]] = (int(dim["points"]), int(dim["max"]))
            for ev in dim.get("evidence", []):
                if ev.get("lost"):
                    turn = ev.get("turn") if isinstance(ev.get("turn"), int) else None
                    lost.append((dim["name"], str(ev["reason"]), turn, int(ev["lost"]), ev.get("params") or {}))
    verdict = card.get("verdict") or {}
    findings = {f["id"]: bool(f["met"]) for key in ("required", "excellence") for f in verdict.get(key, [])}
    outcome = card.get("outcome") or {}
    defeat = outcome.get("reason") if outcome.get("status") == "defeat" else None
    return dims, findings, defeat, tuple(lost)


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _float(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def number(cell: str) -> float | None:
    """A cell as a number, or None (empty or text)."""
    try:
        return float(cell)
    except (TypeError, ValueError):
        return None


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def funnel(convs: list[Conversation]) -> tuple[list[tuple[str, int]], Counter]:
    """Conversations at each step (all, goal needs found, objections resolved, goal reached) and defeat reasons.

    A step whose behaviour the scenario's rules do not name counts as reached when the goal was.
    """
    steps = [("funnel-all", len(convs)),
             ("funnel-needs", sum(c.findings.get("goal_needs", c.outcome == "success") for c in convs)),
             ("funnel-objections", sum(c.findings.get("objections_resolved", c.outcome == "success") for c in convs)),
             ("funnel-goal", sum(c.outcome == "success" for c in convs))]
    return steps, Counter(c.defeat or "open" for c in convs if c.outcome != "success")
