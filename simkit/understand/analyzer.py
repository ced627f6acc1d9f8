"""``analyze(text, lang=None) -> Analysis``: techniques, topics, facts and is_question.

Offline and deterministic; at run time it needs numpy but no training library. Technique labels
come from the linear model of :mod:`simkit.understand.model` (loaded lazily on the first call)
combined with the cues of :mod:`simkit.understand.rules` where rules are clearer; topics from keywords
(:mod:`simkit.understand.topics`) and the model; facts from :mod:`simkit.understand.facts`.

Example:
    >>> a = analyze("周六上午十点来试驾可以吗？")
    >>> a.lang, a.techniques, a.facts[0].value
    ('zh', ('close',), {'weekday': 5, 'hour': 10})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from simkit._versions import files_version
from simkit.labels import TOPICS
from simkit.understand import rules
from simkit.understand.analysis import Analysis
from simkit.understand.facts import extract_facts
from simkit.understand.matching import HAN, Line, lazy_compile
from simkit.understand.topics import topic_hits

#: Longer input is analysed on its first MAX_CHARS characters (the Analysis keeps the full text).
MAX_CHARS = 2000

_VERSIONED_FILES = ("analyzer.py", "rules.py", "matching.py", "needles.py", "topics.py", "facts.py", "model.py",
                    "model.json")

#: Changes whenever the rules, the extraction code or the shipped model change.
ANALYZER_VERSION: str = files_version("nlu-", Path(__file__).parent, _VERSIONED_FILES)

_LATIN = lazy_compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """``"zh"`` when Chinese characters carry the line, else ``"en"``.

    A Chinese character counts as much as about three Latin letters, so "这台 SUV 很省油" is
    Chinese and "Does the 七座 version fit?" is English.

    Args:
        text: any string.

    Returns:
        ``"zh"`` or ``"en"`` (``"en"`` when there are no letters at all).
    """
    sample = text[:MAX_CHARS]
    han = len(HAN.findall(sample))
    if not han:
        return "en"
    latin = len(_LATIN.findall(sample))
    return "zh" if han * 3 >= latin else "en"


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Read one salesperson utterance.

    Args:
        text: the utterance, in Chinese, English or both.
        lang: ``"zh"`` or ``"en"``; detected when None (any other value is detected too).

    Returns:
        An :class:`~simkit.understand.analysis.Analysis`; never raises for any string, and
        ``techniques`` is ``("other",)`` when nothing else applies.

    Example:
        >>> analyze("I can knock off two grand").techniques
        ('concession',)
    """
    return analyze_with_reading(text, lang)[0]


def analyze_with_reading(text: str, lang: str | None = None, *, explain: bool = False) -> tuple[Analysis, Reading]:
    """:func:`analyze` and the :class:`Reading` behind it, computed once (for ``nlu eval``/``explain``).

    ``explain`` also collects each label's strongest features.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    sample = text[:MAX_CHARS]
    if lang not in ("zh", "en"):
        lang = detect_lang(sample)
    reading = read(sample, lang, explain=explain)
    analysis = Analysis(
        text=text,
        lang=lang,
        techniques=tuple(reading.techniques),
        topics=tuple(reading.topics),
        facts=extract_facts(sample),
        is_question=reading.is_question,
    )
    return analysis, reading


@dataclass(frozen=True)
class Reading:
    """How the labels of one line were decided (what ``simkit nlu explain`` prints).

    Attributes:
        techniques: the final technique labels, in label order.
        topics: the final topics, in label order.
        is_question: whether the line asks something.
        cues: the rule cues that matched, as ``(cue name, matched words)``.
        topic_cues: the topic keywords that matched, as ``(topic, matched words)``.
        scores: model probability per label (empty when no model is shipped).
        features: per label, the features that weighed most, as ``(feature, contribution)``.
        notes: decisions taken by rules on top of the model, in plain words.
    """

    techniques: tuple[str, ...]
    topics: tuple[str, ...]
    is_question: bool
    cues: tuple[tuple[str, str], ...] = ()
    topic_cues: tuple[tuple[str, str], ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    features: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def read(text: str, lang: str, *, explain: bool = False) -> Reading:
    """Decide labels and topics for ``text`` (already capped, with a known language).

    Args:
        text: the utterance.
        lang: ``"zh"`` or ``"en"``; picks the model's thresholds.
        explain: also collect the strongest features per label (slower; for ``nlu explain``).

    Returns:
        A :class:`Reading`.
    """
    from simkit.understand import model as model_mod  # the model loads lazily, on first use

    line = Line(text)  # cues and topic keywords share its lower-cased form
    hits = rules.find_cues(text, line)
    t_hits = topic_hits(text, line)
    asked = rules.is_question(text, lang)
    cues = tuple((h.name, h.text) for h in hits)
    topic_cues = tuple((h.topic, h.text) for h in t_hits)
    keyword_topics = {h.topic for h in t_hits}
    topics = tuple(t for t in TOPICS if t in keyword_topics)
    seq = model_mod.units(text)
    if not seq:  # nothing to read: empty, emoji, punctuation
        return Reading(("other",), topics, asked, cues, topic_cues, notes=("no words: other",))
    model = model_mod.load_model()
    if model is None:
        labels = rules.rule_labels(text, lang, hits)
        return Reading(tuple(labels), topics, asked, cues, topic_cues, notes=("rules only: no model shipped",))
    feats = model_mod.features(text, model.config, cues=hits, topics=t_hits, seq=seq)
    scores = model.scores(feats)
    thresholds = model.thresholds_for(lang)
    techniques, model_topics = model_mod.decide(scores, thresholds)
    notes = list(model_mod.decision_notes(scores, thresholds, techniques))
    extra = keyword_topics - set(model_topics)
    if extra:
        notes.append("topics from keywords: " + ", ".join(t for t in TOPICS if t in extra))
    topics = tuple(t for t in TOPICS if t in keyword_topics or t in model_topics)
    contributions: dict[str, tuple[tuple[str, float], ...]] = {}
    if explain:
        for label in [*techniques, *("topic:" + t for t in model_topics)]:
            contributions[label] = tuple(model.contributions(feats, label))
    return Reading(tuple(techniques), topics, asked, cues, topic_cues,
                   {k: round(v, 4) for k, v in scores.items()}, contributions, tuple(notes))
