"""The studio's quick conversation (annotated like ``simkit play --explain``) and its self-checks.

The annotations come from what every :class:`~simkit.transcript.Turn` records: how the trainee's
line was read (techniques, topics), each beat the director decided with the rule that fired and
its effect on the meters, and the state after the turn. :func:`self_checks` is the one function
the studio calls to check a scenario: ``simkit check`` itself (:mod:`simkit.selfcheck`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simkit import i18n
from simkit.engine.beats import Beat
from simkit.engine.check import PROBE_LINES
from simkit.scoring.words import localize

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library
    from simkit.selfcheck import LibraryReport

MAX_LINES = 40  # a quick conversation, not a load test
MAX_CHARS = 2000  # per trainee line, the practice app's limit (simkit.ui.model.MAX_LINE)
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class PlayedTurn:
    """One turn of a quick conversation with what the director decided.

    Attributes:
        n: the turn (0: the customer's opening).
        trainee, customer: the two lines.
        techniques, topics: how the trainee's line was read (label ids).
        beats: ``(kind, explanation in the studio's language, effects)`` for each beat.
        state: the recorded state after the turn.
    """

    n: int
    trainee: str
    customer: str
    techniques: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    beats: tuple[tuple[str, str, dict[str, int]], ...] = ()
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Played:
    """A whole quick conversation: its turns and how it ended (words in the studio's language)."""

    turns: tuple[PlayedTurn, ...]
    outcome: str


def _beats(beats: list[dict[str, Any]], lang: str) -> tuple[tuple[str, str, dict[str, int]], ...]:
    out = []
    for data in beats:
        beat = Beat.from_dict(data)
        try:  # the params a person reads (techniques, topics) translated, as the scorer's words do
            words = i18n.text("rule." + beat.rule, lang, **localize(beat.params, lang))
        except KeyError:  # a rule with no words yet: show its id rather than fail the page
            words = beat.rule
        out.append((beat.kind, words, dict(beat.effects)))
    return tuple(out)


def play(library: Library, scenario_id: str, lines: list[str], *, lang: str, seed: int = 0,
         ui_lang: str | None = None) -> Played:
    """Play ``lines`` (blank ones skipped) against ``scenario_id``; stop when the customer decides.

    Raises:
        SimkitError: a bad language, seed or scenario id.
    """
    from simkit.engine import Session

    ui_lang = ui_lang or lang
    lines = [line[:MAX_CHARS] for line in lines if line.strip()][:MAX_LINES]
    session = Session(scenario_id, seed=seed, lang=lang, library=library, clock=lambda: "")
    turns = [PlayedTurn(0, "", session.opening, beats=_beats(session.transcript.opening_beats, ui_lang))]
    for line in lines:
        if session.done:
            break
        turn = session.record(line)
        turns.append(PlayedTurn(turn.n, turn.trainee, turn.customer,
                                tuple(turn.analysis.get("techniques", ())), tuple(turn.analysis.get("topics", ())),
                                _beats(turn.beats, ui_lang), dict(turn.state)))
    outcome = session.outcome.describe(ui_lang) if session.outcome else i18n.text("outcome.open", ui_lang)
    return Played(tuple(turns), outcome)


def default_lines(lang: str) -> list[str]:
    """Lines that touch every rule family (the determinism check's probe lines)."""
    return list(PROBE_LINES[lang])


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each ``{name}`` that ``values`` knows filled in; others stay visible."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def placeholder_values(persona: dict[str, Any], lang: str) -> dict[str, str]:
    """What a persona's ``facts`` and ``profile`` fill placeholders with, in ``lang``."""
    out: dict[str, str] = {}
    for section in ("profile", "facts"):
        for key, value in (persona.get(section) or {}).items() if isinstance(persona.get(section), dict) else ():
            if isinstance(value, dict) and isinstance(value.get(lang), str):
                out[str(key)] = value[lang]
            elif isinstance(value, str | int | float) and not isinstance(value, bool):
                out[str(key)] = str(value)
    return out


def self_checks(folder: str | Path, scenario_ids: list[str]) -> LibraryReport:
    """``simkit check`` of the scenarios ``scenario_ids`` in the content ``folder``: the same code.

    :func:`simkit.selfcheck.check_library` validates every file of the folder, then plays each
    scenario's reference conversations (strong, average, poor, in zh and en) and checks their
    outcome, pass, score band, tier and evidence, their order and determinism. Its results carry
    zh and en text, which the studio shows as they are.
    """
    from simkit.selfcheck import check_library

    return check_library([Path(folder)], scenario_ids or None)
