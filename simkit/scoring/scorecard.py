"""The values a score is made of: evidence, dimensions, findings, the verdict and the scorecard.

Every value here is plain data (frozen dataclasses of strings, whole numbers and tuples), so a
:class:`Scorecard` pickles to worker processes, compares with ``==`` and serialises to the same
JSON on every machine. Words for people are added by :mod:`simkit.scoring.render`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simkit.errors import UnknownIdError

#: The version of the scorecard's JSON layout (``"format_version"`` in :meth:`Scorecard.to_dict`
#: and in ``simkit score --json``). It goes up by one whenever a key is removed, renamed or
#: changes meaning, so a grader can refuse a layout it does not know; added keys keep it.
FORMAT_VERSION = 1

@dataclass(frozen=True, kw_only=True)
class Evidence:
    """Why points were given or taken, and on which turn.

    Attributes:
        turn: the trainee's turn (1-based), or None when the evidence is about the whole
            conversation (such as a need that was never asked about).
        reason: a stable code of the ``evidence`` family of :mod:`simkit.scoring.reasons`;
            :func:`simkit.scoring.words.describe` says it in words.
        params: the values the sentence names (need id, step, seconds, ...).
        points: points this item gave.
        lost: points this item took (could have given but did not).
    """

    turn: int | None
    reason: str
    params: dict[str, Any] = field(default_factory=dict)
    points: int = 0
    lost: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "reason": self.reason, "points": self.points, "lost": self.lost,
                "params": dict(self.params)}


@dataclass(frozen=True, kw_only=True)
class Dimension:
    """One dimension of the rubric: points out of ``max``, with the evidence for each point.

    ``applicable`` is False when the dimension has nothing to measure in this scenario (such as
    reply delays in a showroom); its ``max`` is then 0 and it does not count.
    """

    name: str
    points: int
    max: int
    evidence: tuple[Evidence, ...] = ()
    applicable: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "points": self.points, "max": self.max, "applicable": self.applicable,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, kw_only=True)
class Finding:
    """Whether one behaviour of the pass rules happened, and on which turns."""

    id: str
    met: bool
    turns: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "met": self.met, "turns": list(self.turns)}


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """The pass rules applied: passed or not, the tier, and every reason.

    Attributes:
        passed: total at or above the threshold, every required behaviour shown, no forbidden
            act, and the transcript not tampered with.
        tier: the tier id (``fail`` when not passed).
        threshold: the total needed to pass.
        failures: why it failed, as codes (``below-threshold``, ``missing:<id>``,
            ``forbidden:<id>``, ``tampered``), in that order.
        required, forbidden, excellence: one finding per behaviour the rules name.
    """

    passed: bool
    tier: str
    threshold: int
    failures: tuple[str, ...] = ()
    required: tuple[Finding, ...] = ()
    forbidden: tuple[Finding, ...] = ()
    excellence: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "tier": self.tier,
            "threshold": self.threshold,
            "failures": list(self.failures),
            "required": [f.to_dict() for f in self.required],
            "forbidden": [f.to_dict() for f in self.forbidden],
            "excellence": [f.to_dict() for f in self.excellence],
        }


@dataclass(frozen=True)
class IntegrityFinding:
    """One thing the integrity checks found (see :mod:`simkit.scoring.integrity`).

    Attributes:
        code: a stable code (``customer-line-differs``, ``times-untrusted``, ...);
            ``i18n.text("integrity.finding." + code, lang, **params)`` says it in words.
        turn: the turn it concerns (0 = the opening), or None for the whole transcript.
        params: the values the sentence names (the versions, the characters and seconds, ...).
    """

    code: str
    turn: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "turn": self.turn, "params": dict(self.params)}


@dataclass(frozen=True, kw_only=True)
class Integrity:
    """Whether the recorded transcript is what its trainee lines produce, and what else differs.

    The policy that sets these is :mod:`simkit.scoring.integrity`.

    Attributes:
        status: ``ok``; ``tampered`` (a customer line or the outcome differs from the replay,
            whatever versions the file names); ``scenario-changed`` (lines match, the recorded
            scenario hash is not the current one); ``recorded-with-other-versions`` (lines
            match, the recorded analyzer or engine version is not the current one).
        turns: the turns whose recorded customer line differs from the replay (0 = opening).
        scenario_changed: the scenario's content hash differs from the recorded one.
        analyzer_changed: the analyzer version differs from the recorded one (or is missing).
        engine_changed: the engine version differs from the recorded one (or is missing).
        findings: every difference and every failed timestamp check, each with its code.
        times: the transcript's ``times``: ``live`` or ``untrusted``.
    """

    status: str = "ok"
    turns: tuple[int, ...] = ()
    scenario_changed: bool = False
    analyzer_changed: bool = False
    engine_changed: bool = False
    findings: tuple[IntegrityFinding, ...] = ()
    times: str = "untrusted"

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "turns": list(self.turns), "scenario_changed": self.scenario_changed,
                "analyzer_changed": self.analyzer_changed, "engine_changed": self.engine_changed,
                "times": self.times, "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True, kw_only=True)
class Improvement:
    """One piece of feedback: what to do better, where, and a line to try.

    Attributes:
        code: what to improve (``ask-deep-need``, ``objection-step``, ...).
        dimension: the dimension it would raise.
        turn: the trainee turn it refers to (quoted), or None.
        points: points at stake (how many it would recover), or 0 for a forbidden act, which
            fails the attempt whatever the points.
        params: values the advice names.
        better: a better line, as ``{"zh": ..., "en": ...}`` (either may be missing).
        source: where the better line comes from: ``persona`` (the persona's own data) or
            ``model`` (a model answer).
    """

    code: str
    dimension: str
    turn: int | None
    points: int
    params: dict[str, Any] = field(default_factory=dict)
    better: dict[str, str] = field(default_factory=dict)
    source: str = "model"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "dimension": self.dimension, "turn": self.turn, "points": self.points,
                "params": dict(self.params), "better": dict(self.better), "source": self.source}


@dataclass(frozen=True)
class Scorecard:
    """The score of one transcript: points per dimension with evidence, the verdict and feedback.

    A scorecard is a pure function of the scenario, the seed, the trainee's lines and their
    timestamps: scoring the same transcript again, in any process, gives an equal scorecard.

    Attributes:
        source: the file scored, when it came from one.
        scenario_id, scenario_hash: the scenario scored against (the current version).
        seed, lang: of the conversation.
        total: 0-100.
        passed, tier: from :attr:`verdict`, repeated for convenience.
        outcome: ``{"status": "success"|"defeat"|"open", "goal", "reason", "turn"}``.
        dimensions: in rubric order.
        verdict: the pass rules applied.
        integrity: what replay found about the recording.
        feedback: the most valuable improvements, most valuable first.
        turns: the trainee's lines, by turn (for quoting).
        tier_name: the tier's name per language (the scenario's own label when it has one).
    """

    source: str | None
    scenario_id: str
    scenario_hash: str
    seed: int
    lang: str
    total: int
    outcome: dict[str, Any]
    dimensions: tuple[Dimension, ...]
    verdict: Verdict
    integrity: Integrity
    feedback: tuple[Improvement, ...] = ()
    turns: tuple[str, ...] = ()
    tier_name: dict[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.verdict.passed

    @property
    def tier(self) -> str:
        return self.verdict.tier

    def dimension(self, name: str) -> Dimension:
        """The dimension called ``name``.

        Raises:
            UnknownIdError: there is none (a ``KeyError`` too; the message suggests close names).
        """
        for dim in self.dimensions:
            if dim.name == name:
                return dim
        raise UnknownIdError("dimension", name, [d.name for d in self.dimensions])

    def to_dict(self) -> dict[str, Any]:
        """Plain data, without words (see :func:`simkit.scoring.render.to_json` for those).

        ``format_version`` (:data:`FORMAT_VERSION`) comes first: the layout of everything else.
        """
        return {
            "format_version": FORMAT_VERSION,
            "source": self.source,
            "scenario": {"id": self.scenario_id, "hash": self.scenario_hash},
            "seed": self.seed,
            "lang": self.lang,
            "total": self.total,
            "passed": self.passed,
            "tier": self.tier,
            "outcome": dict(self.outcome),
            "integrity": self.integrity.to_dict(),
            "verdict": self.verdict.to_dict(),
            "dimensions": [d.to_dict() for d in self.dimensions],
            "feedback": [i.to_dict() for i in self.feedback],
        }
