"""The dashboard's current view of a run, without widgets: filters, sorting, figures and the CSV export.

A :class:`CohortView` holds the trainer's picks (tier, scenario, store, team, a search, a sort
column) and answers what the page shows for them. The scenario filter keeps the trainees who
played it and, for the conversation figures (funnel, weakest skills, drill-down), only that
scenario's conversations. Unsorted and unfiltered, :meth:`CohortView.csv` is export.csv again.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass

from simkit.ui.dashboard_data import Conversation, Run, funnel, median, number

FILTERS = ("tier", "scenario", "store", "team")


@dataclass(frozen=True)
class LostReason:
    """Where one kind of lost point shows: how often, how much, on which scenarios and turns."""

    reason: str
    points: int
    count: int
    params: dict
    scenarios: tuple[tuple[str, int], ...]
    turns: tuple[tuple[int | None, int], ...]


@dataclass(frozen=True)
class WeakSkill:
    """A dimension the cohort does worst at: its mean percent, weakest scenario and the lost points."""

    dimension: str
    percent: float
    scenario: str
    scenario_percent: float
    reasons: tuple[LostReason, ...]


class CohortView:
    """What the dashboard shows for the current filters and sort.

    Args:
        run: the loaded :class:`~simkit.ui.dashboard_data.Run`.
    """

    def __init__(self, run: Run) -> None:
        self.run = run
        self.filters: dict[str, str] = {k: "" for k in FILTERS}
        self.search = ""
        self.sort = ""  # a column of export.csv; "" keeps the file's order
        self.descending = False
        self.skills = {t: run.trainee_skills(t) for t in run.conversations}
        self._by_trainee = {r["trainee"]: r for r in run.rows}

    # Choices ------------------------------------------------------------------------------

    def options(self, key: str) -> list[str]:
        """The values a filter can take, sorted (tiers in their order)."""
        if key == "scenario":
            return sorted({c.scenario for cs in self.run.conversations.values() for c in cs if c.scenario})
        if key != "tier" and not self.run.has(key):
            return []
        values = {r.get(key, "") for r in self.run.rows} - {""}
        order = {"distinction": 0, "merit": 1, "pass": 2, "fail": 3}
        return sorted(values, key=lambda v: (order.get(v, 9), v)) if key == "tier" else sorted(values)

    def set_filter(self, key: str, value: str) -> None:
        if key not in FILTERS:
            raise KeyError(key)
        self.filters[key] = value if value in self.options(key) else ""

    def set_sort(self, column: str, *, descending: bool = False) -> None:
        self.sort = column if column in self.run.columns else ""
        self.descending = bool(descending)

    # The view -----------------------------------------------------------------------------

    def rows(self) -> list[dict[str, str]]:
        """The trainees in view, as export.csv rows, filtered and sorted."""
        f, needle = self.filters, self.search.strip().lower()
        out = []
        for row in self.run.rows:
            if f["tier"] and row.get("tier") != f["tier"]:
                continue
            if f["store"] and row.get("store") != f["store"] or f["team"] and row.get("team") != f["team"]:
                continue
            if f["scenario"] and not any(c.scenario == f["scenario"] for c in self.run.conversations.get(row["trainee"], [])):
                continue
            if needle and needle not in row["trainee"].lower() and needle not in row.get("name", "").lower():
                continue
            out.append(row)
        if self.sort:
            col = self.sort
            numeric = all(number(r.get(col, "")) is not None for r in out if r.get(col, ""))
            if numeric:
                present = [r for r in out if r.get(col, "")]
                present.sort(key=lambda r: number(r[col]), reverse=self.descending)
                out = present + [r for r in out if not r.get(col, "")]  # empty cells last either way
            else:
                out.sort(key=lambda r: r.get(col, ""), reverse=self.descending)
        return out

    def trainees(self) -> list[str]:
        return [r["trainee"] for r in self.rows()]

    def conversations(self, trainees: list[str] | None = None) -> list[Conversation]:
        """The conversations of the trainees in view (only the chosen scenario's, if one is)."""
        scenario = self.filters["scenario"]
        return [c for t in (self.trainees() if trainees is None else trainees)
                for c in self.run.conversations.get(t, []) if not scenario or c.scenario == scenario]

    def csv(self) -> str:
        """The view as CSV: export.csv's columns and cells, the view's rows, its line ending."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator=self.run.newline)
        writer.writerow(self.run.columns)
        for row in self.rows():
            writer.writerow([row.get(c, "") for c in self.run.columns])
        return out.getvalue()

    # Figures ------------------------------------------------------------------------------

    def tiers(self, rows: list[dict[str, str]]) -> dict[str, int]:
        counts = Counter(r.get("tier", "") for r in rows)
        return {t: counts.get(t, 0) for t in ("distinction", "merit", "pass", "fail")}

    def distribution(self, dimension: str, trainees: list[str]) -> list[float]:
        """Each trainee's percent of the dimension's maximum (those it applied to)."""
        return [self.skills[t][dimension] for t in trainees if dimension in self.skills.get(t, {})]

    def medians(self, trainees: list[str]) -> dict[str, float]:
        return {d: median(self.distribution(d, trainees)) for d in self.run.dimensions}

    def funnel(self, convs: list[Conversation]):
        return funnel(convs)

    def weakest(self, convs: list[Conversation], *, count: int = 3, reasons: int = 3) -> list[WeakSkill]:
        """The ``count`` dimensions with the lowest mean percent over ``convs``, each with where it shows."""
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        by_scenario: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for c in convs:
            for dim, (points, top) in c.dims.items():
                for acc in (totals[dim], by_scenario[(dim, c.scenario)]):
                    acc[0] += points
                    acc[1] += top
        means = sorted((100 * p / m, d) for d, (p, m) in totals.items() if m)
        out = []
        for pct, dim in means[:count]:
            worst = min(((100 * p / m, s) for (d, s), (p, m) in by_scenario.items() if d == dim and m), default=(pct, ""))
            out.append(WeakSkill(dim, pct, worst[1], worst[0], self._reasons(convs, dim, reasons)))
        return out

    @staticmethod
    def _reasons(convs: list[Conversation], dim: str, count: int) -> tuple[LostReason, ...]:
        points: Counter = Counter()
        seen: Counter = Counter()
        example: dict[str, dict] = {}
        scenarios: dict[str, Counter] = defaultdict(Counter)
        turns: dict[str, Counter] = defaultdict(Counter)
        for c in convs:
            for d, reason, turn, lost, params in c.lost:
                if d != dim:
                    continue
                points[reason] += lost
                seen[reason] += 1
                example.setdefault(reason, params)
                scenarios[reason][c.scenario] += 1
                turns[reason][turn] += 1
        return tuple(LostReason(r, p, seen[r], example[r], tuple(scenarios[r].most_common(3)),
                                tuple(turns[r].most_common(5))) for r, p in points.most_common(count))

    def row(self, trainee: str) -> dict[str, str] | None:
        return self._by_trainee.get(trainee)
