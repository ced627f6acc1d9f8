"""``score(transcript) -> Scorecard``: replay a transcript, then measure, judge and advise.

The score is a pure function of the scenario, the seed, the trainee's lines and their
timestamps (judged only when recorded live and consistent): the recorded customer lines,
analyses, beats and states in the file are never read for scoring (replay checks them; the
policy is :mod:`simkit.scoring.integrity`). The one dependence on the current time: a
timestamp later than now leaves the reply times unjudged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from simkit.content.model import display_names
from simkit.errors import UnknownIdError
from simkit.labels import LANGS
from simkit.scoring.conversation import Conversation
from simkit.scoring.dimensions import MEASURES
from simkit.scoring.feedback import improvements
from simkit.scoring.integrity import check_integrity
from simkit.scoring.ledger import round_half_up_ratio
from simkit.scoring.observe import observe
from simkit.scoring.rubric import DIMENSIONS, Rubric
from simkit.scoring.scorecard import Dimension, Scorecard
from simkit.scoring.verdict import judge
from simkit.scoring.words import tier_label
from simkit.engine.replay import replay
from simkit.transcript import Transcript

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library


def score(transcript: Transcript | str | Path, *, library: Library | None = None) -> Scorecard:
    """Score one transcript by replaying its trainee lines.

    Args:
        transcript: a :class:`~simkit.transcript.Transcript`, or the path of a transcript file.
        library: the content to replay against (default: the repository's scenarios).

    Returns:
        The :class:`~simkit.scoring.scorecard.Scorecard`; a tampered transcript still gets one,
        marked in ``integrity`` and failed.

    Raises:
        TranscriptError: the file is unreadable or not a transcript.
        UnknownIdError: the transcript's scenario is not in the library (``path`` names the file;
            the message suggests close ids).

    Example:
        >>> card = score("transcripts/showroom-family-suv-v1-7.json")  # doctest: +SKIP
        >>> card.total, card.passed, card.tier
        (82, True, 'merit')
    """
    source = None
    if not isinstance(transcript, Transcript):
        source = str(transcript)
        transcript = Transcript.load(transcript)
    try:
        report = replay(transcript, library=library)
    except UnknownIdError as exc:  # name the file, keep the error and its suggestions
        raise exc.at(source) from None
    integrity = check_integrity(transcript, report)
    conv = Conversation.from_session(report.session, times=transcript.times)
    return score_conversation(conv, integrity=integrity, source=source,
                              scenario_hash=report.session.transcript.scenario_hash, seed=transcript.seed)


def score_conversation(conv: Conversation, *, integrity, source: str | None, scenario_hash: str,
                       seed: int) -> Scorecard:
    """Score an already replayed conversation (what :func:`score` does after replaying)."""
    rubric = Rubric.for_scenario(conv.scenario)
    obs = observe(conv)
    dimensions = tuple([MEASURES[name](conv, obs, rubric).settle(name, rubric.weights[name]) for name in DIMENSIONS])
    total = total_of(dimensions)
    verdict = judge(total, conv, obs, rubric, integrity)
    return Scorecard(
        source=source,
        scenario_id=conv.scenario.id,
        scenario_hash=scenario_hash,
        seed=seed,
        lang=conv.lang,
        total=total,
        outcome=dict(conv.outcome),
        dimensions=dimensions,
        verdict=verdict,
        integrity=integrity,
        feedback=improvements(conv, obs, dimensions, verdict),
        turns=tuple(t.text for t in conv.turns),
        tier_name={lang: tier_label(verdict.tier, lang, {t.id: t.label for t in rubric.tiers}) for lang in LANGS},
        names=display_names(conv.persona, conv.scenario),
    )


def total_of(dimensions: tuple[Dimension, ...]) -> int:
    """0-100: the points of the applicable dimensions scaled to 100, rounded half up."""
    most = sum(d.max for d in dimensions)
    if not most:
        return 0
    return round_half_up_ratio(sum(d.points for d in dimensions) * 100, most)
