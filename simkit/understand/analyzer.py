"""``analyze(text, lang=None, context=None) -> Analysis``: techniques, topics, facts and is_question.

Offline and deterministic; at run time it needs numpy but no training library. Technique labels
come from the linear model of :mod:`simkit.understand.model` (loaded lazily on the first call)
combined with the cues of :mod:`simkit.understand.rules` where rules are clearer; topics from keywords
(:mod:`simkit.understand.topics`) and the model; facts from :mod:`simkit.understand.facts`. With a
:class:`~simkit.understand.context.Context` (the conversation so far) the model also sees context
features, and two small rules decide a probe and a confirm (see that module); without one, a line
reads exactly as it always did.

Example:
    >>> a = analyze("周六上午十点来试驾可以吗？")
    >>> a.lang, a.techniques, a.facts[0].value
    ('zh', ('close',), {'weekday': 5, 'hour': 10})
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from pathlib import Path

from simkit._versions import bytes_digest
from simkit.labels import TECHNIQUES, TOPICS
from simkit.understand import rules
from simkit.understand.analysis import Analysis
from simkit.understand.context import Context, recalls
from simkit.understand.facts import extract_facts
from simkit.understand.features import features, units
from simkit.understand.matching import HAN, lazy_compile, scripts_of
from simkit.understand.topics import TopicHit, topic_hits

#: Longer input is analysed on its first MAX_CHARS characters (the Analysis keeps the full text).
MAX_CHARS = 2000

#: Bump by hand when the hand-written cues change what they find: the rule cues, the topic
#: keywords, the fact extraction or how they are matched (tests/test_versions.py
#: checks a fingerprint of every corpus line's analysis against it, so a forgotten bump fails).
CUES_VERSION = 4

_MODEL_FILE = Path(__file__).with_name("model.json")


def analyzer_version(model_bytes: bytes | None, cues_version: int = CUES_VERSION) -> str:
    """``nlu-c<cues_version>-<hash of the shipped model file>`` (``-nomodel`` without one).

    The model file holds the weights and thresholds; it changes only when the model is retrained
    from changed inputs (training is deterministic), never for a comment in the code.
    """
    return f"nlu-c{cues_version}-" + (bytes_digest(model_bytes) if model_bytes is not None else "nomodel")


#: The current analyzer's version: the cues' version and the shipped model's weights.
ANALYZER_VERSION: str = analyzer_version(_MODEL_FILE.read_bytes() if _MODEL_FILE.exists() else None)

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


def analyze(text: str, lang: str | None = None, context: Context | str | None = None) -> Analysis:
    """Read one salesperson utterance.

    Args:
        text: the utterance, in Chinese, English or both.
        lang: ``"zh"`` or ``"en"``; detected when None (any other value is detected too).
        context: the conversation so far (a :class:`~simkit.understand.context.Context`, or the
            customer's previous line as a string); None reads the bare line, as before.

    Returns:
        An :class:`~simkit.understand.analysis.Analysis`; never raises for any string, and
        ``techniques`` is ``("other",)`` when nothing else applies.

    Example:
        >>> analyze("I can knock off two grand").techniques
        ('concession',)
    """
    text, sample, lang = _prepared(text, lang)
    labelling = _label(sample, lang, _context(context))
    return _analysis(text, sample, lang, labelling)


def analyze_with_reading(text: str, lang: str | None = None, context: Context | str | None = None, *,
                         explain: bool = False) -> tuple[Analysis, Reading]:
    """:func:`analyze` and the :class:`Reading` behind it, computed once (for ``nlu eval``/``explain``).

    ``explain`` also collects each label's strongest features.
    """
    text, sample, lang = _prepared(text, lang)
    labelling = _label(sample, lang, _context(context))
    return _analysis(text, sample, lang, labelling), _reading(labelling, lang, explain)


def _context(context: object) -> Context | None:
    """A usable context: None when there is nothing the customer said."""
    if isinstance(context, str):
        context = Context.after(context[:MAX_CHARS])
    elif isinstance(context, dict):
        context = Context.from_item(context)
    if not isinstance(context, Context) or not context.customer_last.strip():
        return None
    return context


def _prepared(text: object, lang: str | None) -> tuple[str, str, str]:
    """The text as a string, the part that is read (capped) and its language."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    sample = text[:MAX_CHARS]
    if lang not in ("zh", "en"):
        lang = detect_lang(sample)
    return text, sample, lang


def _analysis(text: str, sample: str, lang: str, labelling: _Labelling) -> Analysis:
    return Analysis(
        text=text,
        lang=lang,
        techniques=labelling.techniques,
        topics=labelling.topics,
        facts=extract_facts(sample),
        is_question=labelling.is_question,
    )


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


@dataclass(slots=True)  # not frozen: built for every line, and private
class _Labelling:
    """What deciding a line's labels computed, kept for a :class:`Reading` when one is asked for."""

    techniques: tuple[str, ...]
    topics: tuple[str, ...]
    is_question: bool
    cues: list[rules.CueHit]
    topic_cues: list[TopicHit]
    keyword_topics: set[str]
    model_topics: tuple[str, ...] = ()
    feats: dict[str, float] | None = None  # None: the model was not asked
    scores: dict[str, float] | None = None
    note: str = ""  # why the model was not asked
    context_notes: tuple[str, ...] = ()  # what the context decided on top of the model


def _label(text: str, lang: str, context: Context | None = None) -> _Labelling:
    """The labels of ``text`` (already capped, in a known language): the model's with rules on top, or
    the rules' alone when no model is shipped; then what the context decides (:func:`_with_context`)."""
    labelling = _label_line(text, lang, context)
    if context is not None:
        _with_context(labelling, text, lang, context)
    return labelling


#: After a presentation or a proposal, a yes/no question that points back at it ("Is that okay?",
#: "这样行吗？") and whose confirm score reaches this share of the confirm threshold checks that the
#: offer settled the concern: it is a confirm (docs/labels.md).
CONFIRM_AFTER_OFFER = 0.6
_POINTS_BACK = lazy_compile(r"这样|这个|这些|那样|那这|这么|\b(?:that|this|these|those|it)\b", re.IGNORECASE)


def _with_context(labelling: _Labelling, text: str, lang: str, context: Context) -> None:
    """The context's rules (see :mod:`simkit.understand.context`), applied to ``labelling`` in place.

    - An open question with a clause that recalls what the customer said is a probe.
    - Right after the trainee presented or proposed, a question read as a closed question (or as
      filler) is a confirm when the model read a confirm in it too, or when it points back at what
      was offered and its confirm score reaches :data:`CONFIRM_AFTER_OFFER` of the threshold
      ("Is that okay?", "这样行吗？"); "预算是六百万左右吗？" stays a closed question, a close a close.
    """
    from simkit.understand import model as model_mod

    tech = set(labelling.techniques)
    notes = []
    if "open_question" in tech and recalls(text):
        tech = tech - {"open_question"} | {"probe"}
        notes.append("context: the question recalls what the customer said: probe, not open_question")
    scores = labelling.scores
    if (context.just_presented or context.just_proposed) and scores is not None and labelling.is_question \
            and "close" not in tech and (tech & {"closed_question", "confirm"} or tech == {"other"}):
        threshold = model_mod.load_model().thresholds_for(lang).get("confirm", 0.5)
        score = scores.get("confirm", 0.0)
        if tech - {"confirm"} and (score >= threshold or score >= CONFIRM_AFTER_OFFER * threshold
                                   and _POINTS_BACK.search(text)):
            tech = tech - {"closed_question", "other"} | {"confirm"}
            notes.append("context: a yes/no check right after an offer: confirm, not closed_question")
    labelling.techniques = tuple(t for t in TECHNIQUES if t in tech)
    labelling.context_notes = tuple(notes)


def _label_line(text: str, lang: str, context: Context | None) -> _Labelling:
    from simkit.understand import model as model_mod  # the model loads lazily, on first use

    scripts = scripts_of(text)
    hits = rules.find_cues(text, scripts)
    t_hits = topic_hits(text, scripts)
    asked = rules.is_question(text, lang)
    keyword_topics = {h.topic for h in t_hits}
    topics = tuple(t for t in TOPICS if t in keyword_topics)
    seq = units(text)
    if not seq:  # nothing to read: empty, emoji, punctuation
        return _Labelling(("other",), topics, asked, hits, t_hits, keyword_topics, note="no words: other")
    model = model_mod.load_model()
    if model is None:
        labels = tuple(rules.rule_labels(text, lang, hits))
        return _Labelling(labels, topics, asked, hits, t_hits, keyword_topics, note="rules only: no model shipped")
    feats = features(text, model.config, cues=hits, topics=t_hits, seq=seq, context=context)
    scores = model.scores(feats)
    techniques, model_topics = model_mod.decide(scores, model.thresholds_for(lang))
    topics = tuple(t for t in TOPICS if t in keyword_topics or t in model_topics)
    return _Labelling(tuple(techniques), topics, asked, hits, t_hits, keyword_topics, tuple(model_topics), feats,
                      scores)


def _reading(labelling: _Labelling, lang: str, explain: bool) -> Reading:
    """The :class:`Reading` of a line: cue words, rounded scores and the decisions in plain words."""
    from simkit.understand import model as model_mod

    cues = tuple((h.name, h.text) for h in labelling.cues)
    topic_cues = tuple((h.topic, h.text) for h in labelling.topic_cues)
    techniques, topics, asked = labelling.techniques, labelling.topics, labelling.is_question
    if labelling.scores is None:
        return Reading(techniques, topics, asked, cues, topic_cues, notes=(labelling.note, *labelling.context_notes))
    model = model_mod.load_model()
    scores = labelling.scores
    notes = list(model_mod.decision_notes(scores, model.thresholds_for(lang), techniques))
    notes += labelling.context_notes
    extra = labelling.keyword_topics - set(labelling.model_topics)
    if extra:
        notes.append("topics from keywords: " + ", ".join(t for t in TOPICS if t in extra))
    contributions: dict[str, tuple[tuple[str, float], ...]] = {}
    if explain:
        for label in [*techniques, *("topic:" + t for t in labelling.model_topics)]:
            contributions[label] = tuple(model.contributions(labelling.feats, label))
    return Reading(techniques, topics, asked, cues, topic_cues,
                   {k: round(v, 4) for k, v in scores.items()}, contributions, tuple(notes))
