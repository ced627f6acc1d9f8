"""The notebook grades of a run, read from its nbgrader gradebook (run.json's ``gradebook``).

The gradebook is the live record: a trainer who grades a cell by hand in nbgrader's formgrader
after the run changes it there, not in the run's files. The dashboard shows each exercise's
grades across the cohort and, for a trainee, each cell, and says where the gradebook now differs
from the run's export.

The grades are read with one query over nbgrader's tables (its ``grade``, ``grade_cells`` and
submission tables; a cell's score is its manual score if it has one, else its automatic score,
plus extra credit, as :class:`nbgrader.api.Grade` counts it). An SQLite gradebook is opened
read-only with the standard library, so the page needs neither nbgrader (5 s of imports here)
nor a writable file; another database goes through SQLAlchemy. Nothing here ever writes.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

GRADES_SQL = """
SELECT sa.student_id, bc.name, gc.max_score, g.auto_score, g.manual_score, g.extra_credit, g.needs_manual_grade
FROM grade g
JOIN submitted_notebook sn ON g.notebook_id = sn.id
JOIN submitted_assignment sa ON sn.assignment_id = sa.id
JOIN assignment a ON sa.assignment_id = a.id
JOIN base_cell bc ON g.cell_id = bc.id
JOIN grade_cells gc ON gc.id = bc.id
WHERE a.name = :assignment
ORDER BY sa.student_id, bc.name
"""


@dataclass(frozen=True)
class CellGrade:
    """One graded cell of one trainee's notebook, as the gradebook holds it now."""

    score: float
    max_score: float
    needs_manual_grade: bool


@dataclass
class Grades:
    """The gradebook's grades of one assignment.

    Attributes:
        url: the gradebook as run.json names it (no password); assignment: its id.
        cells: the graded cells' ids, sorted.
        trainees: trainee id -> cell id -> :class:`CellGrade`.
        problem: why the gradebook could not be read (then ``trainees`` is empty), or None.
    """

    url: str
    assignment: str
    cells: list[str] = field(default_factory=list)
    trainees: dict[str, dict[str, CellGrade]] = field(default_factory=dict)
    problem: str | None = None

    def total(self, trainee: str) -> float | None:
        grades = self.trainees.get(trainee)
        return None if grades is None else sum(g.score for g in grades.values())

    def cell_means(self, trainees: list[str]) -> dict[str, tuple[float, int, int]]:
        """Cell id -> (mean percent of its points, trainees with full marks, trainees graded)."""
        out = {}
        for cell in self.cells:
            graded = [self.trainees[t][cell] for t in trainees if cell in self.trainees.get(t, {})]
            points = sum(g.max_score for g in graded)
            mean = 100 * sum(g.score for g in graded) / points if points else 0.0
            out[cell] = (mean, sum(g.score >= g.max_score for g in graded), len(graded))
        return out


GRADEBOOK_VAR = "SIMKIT_GRADEBOOK_URL"  # the gradebook with its password, when run.json hides it


def read_grades(info: dict, *, url: str | None = None) -> Grades | None:
    """The grades of the run whose ``run.json`` is ``info``; None when it names no gradebook.

    Args:
        url: the gradebook's URL with its password, for one run.json shows without it
            (default ``$SIMKIT_GRADEBOOK_URL``, used only then).
    """
    book = info.get("gradebook")
    if not isinstance(book, dict) or not isinstance(book.get("assignment"), str):
        return None
    shown = str(book.get("url") or "")
    grades = Grades(url=shown, assignment=book["assignment"])
    try:
        if "***" in shown:
            url = url or os.environ.get(GRADEBOOK_VAR)
        rows = _query(url if "***" in shown and url else shown, book["assignment"])
    except Exception as exc:  # noqa: BLE001 - any database error is shown on the page, never fatal
        grades.problem = f"{type(exc).__name__}: {exc}"
        return grades
    cells = set()
    for trainee, cell, max_score, auto, manual, extra, needs_manual in rows:
        base = manual if manual is not None else auto  # nbgrader's Grade.score: 0 when neither is set
        score = 0.0 if base is None else base + (extra or 0.0)
        grades.trainees.setdefault(str(trainee), {})[str(cell)] = CellGrade(float(score), float(max_score or 0),
                                                                            bool(needs_manual))
        cells.add(str(cell))
    grades.cells = sorted(cells)
    return grades


def _query(url: str, assignment: str) -> list[tuple]:
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if not path.is_file():  # sqlite3 would create an empty file: say it is missing instead
            raise FileNotFoundError(f"no gradebook at {path}")
        uri = f"file:{quote(os.fspath(path))}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as db:
            return db.execute(GRADES_SQL, {"assignment": assignment}).fetchall()
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as db:
            return [tuple(r) for r in db.execute(text(GRADES_SQL), {"assignment": assignment})]
    finally:
        engine.dispose()
