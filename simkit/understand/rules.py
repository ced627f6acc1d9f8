"""Hand-written cues for technique labels, in Chinese and English.

A cue is a named regular expression that points at one label. Cues serve twice: as the
rules-only reading of an utterance (:func:`rule_labels`) and as features of the statistical
model (:mod:`simkit.understand.model`), so that ``simkit nlu explain`` can name them.

Both languages' cues run on every line, so a mixed line ("这台 SUV comes with ...") is read
by whichever cues match; Chinese cues cannot match Latin text and vice versa.

Example:
    >>> [h.name for h in find_cues("我再给您便宜一万")]
    ['concession/zh/cheaper']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simkit.labels import TECHNIQUES
from simkit.understand.cue_table import CUE_TABLE
from simkit.understand.matching import LazyPattern, lazy_compile, scripts_of

#: At most one of these per utterance (GUIDELINES.md: "A question gets exactly one question type").
QUESTION_TYPES: tuple[str, ...] = ("probe", "exclusion_question", "closed_question", "open_question")


@dataclass(frozen=True)
class Cue:
    """A named pattern pointing at one label.

    Attributes:
        label: the technique label the cue suggests.
        name: ``label/lang/short-name``, stable across versions (used as a feature name).
        pattern: compiled regular expression.
    """

    label: str
    name: str
    pattern: LazyPattern
    lang: str = "zh"


@dataclass(frozen=True)
class CueHit:
    """One cue that matched: its label, its name and the matched words."""

    label: str
    name: str
    text: str
    start: int


_I = re.IGNORECASE


def _compile(lang: str, regex: str) -> LazyPattern:
    if regex.startswith("cs:"):
        return lazy_compile(regex[3:])
    return lazy_compile(regex, _I if lang == "en" else 0)


CUES: tuple[Cue, ...] = tuple(
    Cue(label, f"{label}/{lang}/{name}", _compile(lang, regex), lang) for label, lang, name, regex in CUE_TABLE
)

assert all(c.label in TECHNIQUES for c in CUES), "a cue names an unknown technique"

_ZH_QUESTION = lazy_compile(
    r"[？?]\s*$|[吗呢嘛][。！!～~\s]*$|什么|怎么|哪|几|多少|是不是|有没有|是否|能不能|会不会|要不要|还是.{0,20}[？?呢]"
)
_EN_QUESTION = lazy_compile(
    r"\?\s*[\"')]*\s*$|^\W*(?:what|how|why|when|where|who|which|do|does|did|is|are|was|were|can|could|would|"
    r"will|should|have|has|any)\b",
    _I,
)
_ANY_QMARK = lazy_compile(r"[？?]")


def find_cues(text: str, scripts: frozenset[str] | None = None) -> list[CueHit]:
    """Every cue that matches ``text``, in cue order, at most one hit per cue.

    Args:
        text: the utterance (any language, any length; callers cap very long text).
        scripts: ``scripts_of(text)`` when the caller has it: a cue is searched only on a line
            written in its language's script.

    Returns:
        One :class:`CueHit` per matching cue.
    """
    scripts = scripts_of(text) if scripts is None else scripts
    hits = []
    for cue in CUES:
        if cue.lang in scripts:
            m = cue.pattern.search(text)
            if m is not None:
                hits.append(CueHit(cue.label, cue.name, m.group(), m.start()))
    return hits


def is_question(text: str, lang: str) -> bool:
    """Whether the line asks the customer something (question mark or a question form)."""
    stripped = text.strip()
    if not stripped:
        return False
    if _ANY_QMARK.search(stripped):
        return True
    if lang == "zh":
        return bool(_ZH_QUESTION.search(stripped))
    return bool(_EN_QUESTION.search(stripped))


def question_type(labels: set[str]) -> str | None:
    """The single question type among ``labels`` by the guidelines' precedence, or None."""
    for t in QUESTION_TYPES:
        if t in labels:
            return t
    return None


def rule_labels(text: str, lang: str, hits: list[CueHit] | None = None) -> list[str]:
    """The rules-only reading: labels in the canonical order, never empty.

    Args:
        text: the utterance.
        lang: ``"zh"`` or ``"en"``.
        hits: cue hits already computed for ``text`` (computed when omitted).

    Returns:
        Technique labels in :data:`simkit.labels.TECHNIQUES` order.
    """
    if hits is None:
        hits = find_cues(text)
    specific = [h for h in hits if not h.name.endswith(("/tag", "/broad"))]
    found = {h.label for h in hits}
    asked = is_question(text, lang)
    qtypes = {h.label for h in specific} & set(QUESTION_TYPES) or found & set(QUESTION_TYPES)
    found -= set(QUESTION_TYPES)
    if asked:
        # A commitment request or a resolution check is not also a yes/no question.
        if found & {"close", "confirm"}:
            qtypes -= {"closed_question", "open_question"}
        elif not qtypes:
            qtypes = {"open_question"}
        if "probe" in qtypes and not _probe_is_strong(hits):
            qtypes.discard("probe") if len(qtypes) > 1 else None
        qt = question_type(qtypes)
        if qt:
            found.add(qt)
    elif "probe" in qtypes and _probe_is_strong(hits):
        found.add("probe")  # "I'm curious what made the old car feel small."
    if asked and "present" in found and all(
        h.name.endswith("/specs") for h in hits if h.label == "present"
    ):
        found.discard("present")  # "how many seats do you need?" asks, it does not present
    if "confirm" in found and "empathy" in found and not asked:
        found.discard("confirm")
    if len(found) > 1:
        found.discard("other")
    labels = [t for t in TECHNIQUES if t in found]
    return labels or ["other"]


def _probe_is_strong(hits: list[CueHit]) -> bool:
    return any(h.name in ("probe/zh/you-said", "probe/en/you-said") or h.text.lower() in (
        "为什么", "为啥", "什么原因", "why", "what made", "what makes", "i'm curious", "i’m curious")
        for h in hits if h.label == "probe")
