"""Reading the numbers in a trainee's evidence against the persona's own figure.

An objection with a ``figure`` (:class:`simkit.content.amounts.Figure`) asks that any amount the
evidence names says the right thing. Each amount is read with the direction word nearest to it in
its clause ("costs 30,000 *more*", "*saves* you 15,000", "多花三万", "省一万五", and in Chinese a bare
多 or 少 right before the amount: "比自己卖少一万"):

- an amount going the wrong way contradicts the objection's resolution (a cost sheet showing
  leasing costs 30,000 more does not settle "leasing costs more");
- an amount going the right way must be close to the fact (within the tolerance), else it is a
  figure the customer's own sums do not support, which contradicts too;
- an amount with no direction counts only when it is close to the fact (a list price beside the
  saving is neither);
- an amount that matches wins (it is proof on target, even without a cue word: "it costs 12,000
  more up front but saves you 15,000 over five years" shows the saving); failing that, any
  contradiction decides.

The same reading serves a seller's valuation ("the market is 20,000 *lower*") or a fleet's
running costs: a figure is a number and the way it goes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from simkit.engine.cues import find
from simkit.engine.rulebook import LESS_CUES, MORE_CUES
from simkit.understand.facts.numbers import clean

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.amounts import Figure
    from simkit.content.model import Objection, Persona
    from simkit.understand import Analysis

AGREES, CONTRADICTS, SILENT = "agrees", "contradicts", "silent"
_CLAUSE_END = re.compile(r"[。；！？;!?，]|[,.](?=\s|$)")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]`` (bounded by punctuation; 30,000 keeps its comma)."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return left, right


def direction(text: str, start: int, end: int, lang: str) -> str | None:
    """``more``, ``less`` or None: the direction word nearest the amount at ``start:end``."""
    left, right = _clause(text, start, end)
    clause = text[left:right]
    found = [(abs(s + left - start) if s + left < start else s + left - end, "more") for s, _ in find(clause, MORE_CUES[lang])]
    found += [(abs(s + left - start) if s + left < start else s + left - end, "less") for s, _ in find(clause, LESS_CUES[lang])]
    if lang == "zh" and start > 0:  # 比自己卖少一万, 要多花... already above; 多三万 / 少一万 right before the amount
        way = _ADJACENT_WAY.get(text[start - 1])
        if way is not None and not text[max(0, start - 2):start] in _NOT_A_WAY:
            found.append((0, way))
    return min(found)[1] if found else None


# A bare 多 or 少 right before an amount says which way it goes ("比买断要多三万", "置换少一万"),
# but not in 多少 (how much) or 差不多 / 不多 (about).
_ADJACENT_WAY = {"多": "more", "少": "less"}
_NOT_A_WAY = ("多少", "不多", "不少")


def judge(figure: Figure, truth: float, analysis: Analysis) -> tuple[str, float | None]:
    """What the evidence's amounts say of the figure: ``(verdict, the amount that decided it)``.

    ``silent`` when no amount bears on it; ``truth`` is the persona's figure (positive).
    """
    verdict, decisive = SILENT, None
    text = analysis.text
    for fact in analysis.facts:
        if fact.kind != "money":
            continue
        value = fact.value
        amount = (value["min"] + value["max"]) / 2 if isinstance(value, dict) else float(value)
        way = direction(text, fact.start, fact.start + len(fact.text), analysis.lang)
        close = abs(amount - truth) <= figure.tolerance * truth
        if close and way in (None, figure.shows):
            return AGREES, clean(amount)
        if way is not None and verdict == SILENT:  # the wrong way, or the right way but far off
            verdict, decisive = CONTRADICTS, clean(amount)
    return verdict, decisive


def read_evidence(objection: Objection, persona: Persona, analysis: Analysis) -> tuple[str, float | None]:
    """What the line's amounts say of ``objection``'s figure (``SILENT`` without one): the
    director's reading of evidence that names a number."""
    truth = persona.number(objection.figure.fact) if objection.figure else None
    if truth is None or not analysis.facts:
        return SILENT, None
    return judge(objection.figure, truth, analysis)
