"""What a line is before what it asks: rude, prying, empty, a filler, off-topic, or none of these.

The analyzer says which techniques a line uses; a customer also hears *how* it is said. A line
of this module's kinds does no sales work whatever its techniques: the director reacts to it
(:mod:`simkit.engine.director`) and reveals nothing. The cue tables are in
:mod:`simkit.engine.rulebook`; personal data is the compliance lexicon the scorer uses too
(:func:`simkit.understand.personal.asks_personal_data`), so the customer and the grader agree on it.

Example:
    >>> line_kind("Shut up", lang="en", is_question=False)
    'rude'
    >>> line_kind("嗯", lang="zh", is_question=False)
    'filler'
    >>> line_kind("What will you mostly use the car for?", lang="en", is_question=True) is None
    True
"""

from __future__ import annotations

import re

from simkit.engine.beats import Beat
from simkit.engine.rulebook import (
    FILLER_WORDS, JUNK_FREE_RUN, JUNK_PATIENCE, OFF_TOPIC_CUES, PRIVACY_PATIENCE, PRIVACY_TRUST, RUDE_CUES, RUDE_PATIENCE,
    RUDE_TRUST,
)
from simkit.engine.state import CustomerState
from simkit.understand.matching import HAN
from simkit.understand.personal import asks_personal_data

KINDS = ("rude", "personal_data", "empty", "filler", "off_topic")

_PUNCTUATION = re.compile(r"[\s\W_]+")  # everything but letters, digits and Chinese characters


def _cue_pattern(cues: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One pattern for the cues of both languages (trainees mix them): English cues match whole
    words ("dumb" is not "dumbbell"), Chinese has no word boundaries."""
    def alternatives(lang: str) -> str:
        return "|".join(re.escape(c.casefold()) for c in sorted(cues[lang], key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives('en')})\b|{alternatives('zh')}")


_RUDE = _cue_pattern(RUDE_CUES)
_OFF_TOPIC = _cue_pattern(OFF_TOPIC_CUES)
_FILLERS = {lang: frozenset(w.casefold() for w in words) for lang, words in FILLER_WORDS.items()}
_FILLER_CHARS = frozenset("".join(w for w in FILLER_WORDS["zh"] if len(w) == 1))
_FILLER_MAX = 40  # characters: a longer line is never only fillers, so it skips that check


def line_kind(text: str, *, lang: str, is_question: bool) -> str | None:
    """The kind of ``text`` among :data:`KINDS`, or None for a line that may do sales work.

    Args:
        text: the trainee's line.
        lang: ``"zh"`` or ``"en"``; cues of both languages are tried (trainees mix them).
        is_question: whether the analyzer read the line as a question (personal data asked
            for, not offered).
    """
    folded = text.casefold()
    if _RUDE.search(folded):
        return "rude"
    if asks_personal_data(text, is_question=is_question):
        return "personal_data"
    if len(folded) <= _FILLER_MAX:
        bare = _PUNCTUATION.sub(" ", folded).strip()
        if not bare:
            return "empty"
        if _is_filler(bare, lang):
            return "filler"
    elif not any(ch.isalnum() for ch in folded):
        return "empty"
    if _OFF_TOPIC.search(folded):
        return "off_topic"
    return None


def _is_filler(bare: str, lang: str) -> bool:
    """``bare`` (casefolded, punctuation gone) is made only of filler words."""
    if bare in _FILLERS["zh"] or bare in _FILLERS["en"]:
        return True
    if HAN.search(bare):
        return all(ch in _FILLER_CHARS or ch == " " for ch in bare) or \
            all(part in _FILLERS["zh"] for part in bare.split())
    return all(word in _FILLERS["en"] for word in bare.split())


def react_to_manners(state: CustomerState, kind: str, *, free_run: int = JUNK_FREE_RUN) -> list[Beat]:
    """The line is rude, prying or junk (:func:`simkit.engine.manners.line_kind`): it reveals nothing.

    ``free_run`` junk lines in a row cost nothing (none on the phone: a busy caller has no time).
    """
    if kind == "rude":
        effects = {"trust": RUDE_TRUST, "patience": RUDE_PATIENCE}
        state.adjust(**effects)
        state.offend("rude")
        return [Beat(kind="react", rule="rude", params=dict(effects), line=("reaction", "rude"), effects=effects)]
    if kind == "personal_data":
        effects = {"trust": PRIVACY_TRUST, "patience": PRIVACY_PATIENCE}
        state.adjust(**effects)
        state.offend("privacy")
        return [Beat(kind="react", rule="personal-data", params=dict(effects), line=("reaction", "privacy"),
                     effects=effects)]
    state.junk_run += 1
    effects = {}
    if state.junk_run > free_run:  # one filler is a pause; a run of them wastes the customer's time
        effects = {"patience": JUNK_PATIENCE}
        state.adjust(**effects)
        state.offend("junk")
    # kind: empty, filler, off_topic, or no_content (the director's: a line with nothing to place)
    key = {"empty": "unclear", "off_topic": "off_topic"}.get(kind, "filler" if not effects else "idle")
    return [Beat(kind="react", rule="junk", params={"kind": kind, "run": state.junk_run, **effects},
                 line=("reaction", key), effects=effects)]
