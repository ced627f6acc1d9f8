"""A certification run's folder (RUN_DIR, see docs in the README) read into what the dashboard shows.

:func:`load_run` reads ``run.json``, ``export.csv`` (kept cell for cell, as written: the view's
CSV export of an unfiltered, unsorted view is the same file), the optional ``roster.csv``, and
every trainee's ``result.json`` and scorecards, summarised (a scorecard is kept as a few numbers,
not whole). Transcripts are read only when a conversation is opened. Every path a result names
must stay inside its trainee's folder.

The summaries are written once, by ``simkit certify``, into the run's ``dashboard-index.json``
(:func:`write_index`): reading 1,000 trainees' 4,000 result and scorecard files takes 5-9 s on a
loaded 2-core machine, the index well under a second. A run without a current index (one written
before the index existed, or whose export.csv changed since) is read file by file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from simkit.errors import SimkitError
from simkit.safeio import atomic_write_text

RUN_DIR_VAR = "SIMKIT_RUN_DIR"  # the folder ``simkit app dashboard`` serves
TIERS = ("distinction", "merit", "pass", "fail")
MAX_JSON = 20 * 1024 * 1024
INDEX = "dashboard-index.json"  # written by simkit certify beside export.csv
INDEX_FORMAT = 1


@dataclass(frozen=True)
class Conversation:
    """One conversation of a trainee, summarised from its result entry and scorecard.

    Attributes:
        trainee, scenario, seed, score, passed, outcome, integrity, signature: as the run says.
        transcript, scorecard: the files as the result names them (relative to the trainee's folder,
            not yet checked: :meth:`Run.path` checks a name when its file is opened), or None.
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
    transcript: str | None
    scorecard: str | None
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
        grades: the notebook grades from the run's gradebook, when the page has read them.
    """

    folder: Path
    info: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, str]]
    newline: str = "\n"
    conversations: dict[str, list[Conversation]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    grades: Any = None  # simkit.ui.dashboard_gradebook.Grades, read by the page (None: no gradebook)

    @property
    def dimensions(self) -> list[str]:
        return [c[4:] for c in self.columns if c.startswith("dim_")]

    def has(self, column: str) -> bool:
        """Whether a column exists and holds anything (store and team are empty without a roster)."""
        return column in self.columns and any(r.get(column) for r in self.rows)

    def path(self, conv: Conversation, name: str | None) -> Path | None:
        """The file ``name`` of ``conv``'s trainee folder, or None when it would leave that folder."""
        base = inside(self.folder / "trainees", conv.trainee)
        return None if base is None else inside(base, name)

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


def load_run(path: str | os.PathLike, *, index: bool = True) -> Run:
    """Read a run's folder. Raises :class:`SimkitError` only when run.json or export.csv is unusable.

    With ``index`` the summaries come from the run's :data:`INDEX` when it is current (written
    for this export.csv); otherwise, or with ``index=False``, from every result and scorecard.
    """
    folder = Path(os.path.abspath(check_run_dir(path)))
    try:
        info = _json(folder / "run.json")
        data = (folder / "export.csv").read_bytes()
        raw = data.decode("utf-8-sig")
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
    if index and _read_index(run, hashlib.sha256(data).hexdigest()):
        return run
    for row in rows:
        _load_trainee(run, row["trainee"])
    return run


def write_index(run_dir: str | os.PathLike) -> Path:
    """Summarise every trainee's result and scorecards into ``run_dir/dashboard-index.json``.

    ``simkit certify`` calls this once the run's export.csv is written; the index names the
    export's SHA-256, so an index older than its export is never used.
    """
    run = load_run(run_dir, index=False)
    data = {"format": INDEX_FORMAT, "export_sha256": hashlib.sha256((run.folder / "export.csv").read_bytes()).hexdigest(),
            "problems": run.problems, "conversations": {
                t: [{**asdict(c), "dims": {k: list(v) for k, v in c.dims.items()}} for c in convs]
                for t, convs in run.conversations.items()}}
    target = run.folder / INDEX
    atomic_write_text(target, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return target


def _read_index(run: Run, export_sha256: str) -> bool:
    """Fill ``run`` from its index if the index is of this export; False (and ``run`` untouched) if not."""
    try:
        data = _json(run.folder / INDEX)
        if data.get("format") != INDEX_FORMAT or data.get("export_sha256") != export_sha256:
            return False
        conversations = {t: [_conversation(c) for c in convs] for t, convs in data["conversations"].items()}
        problems = [str(p) for p in data["problems"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    run.conversations.update(conversations)
    run.problems += problems
    return True


def _conversation(c: dict) -> Conversation:
    return Conversation(**{**c, "dims": {k: tuple(v) for k, v in c["dims"].items()}, "lost": tuple(map(tuple, c["lost"]))})


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
            transcript=_name(entry.get("file")), scorecard=_name(entry.get("scorecard")), dims=dims, findings=findings,
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


def _name(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


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
