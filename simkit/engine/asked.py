"""Which topics a trainee's line *asks* about, as opposed to the topics it mentions.

The analyzer (:mod:`simkit.understand`) gives every topic a line touches. A customer answers
the question, so the director reveals needs and answers on the topics of the question part only:

- the sentences that ask (all of the line when none reads as a question): "有旧车要置换吗？现在
  置换有补贴的" asks about the trade-in, the second sentence is a pitch; what comes before the
  question gives its topic only when the question names none ("You mentioned your wife. What
  matters most to her?");
- minus clauses about the salesperson or his offer: "I'm Sam, I handle our SUVs. What brings you
  in?" asks nothing about SUVs;
- minus what follows 除了 / "apart from" / "other than" (or precedes 以外 / "aside"): "Apart from
  the price, what matters to you?" is not a budget question; those topics are ``excluded``;
- general words (打算, 家里, "when you drive", week) give way to a specific topic in the same
  question, and so do an example's topics ("比如孩子开学"); a keyword inside a longer one of
  another topic gives way to it (安全座椅 is a car seat, not safety). Topics the model read with
  no keyword in the line come after the question's specific keywords, and count only when the
  whole line is the question (the model reads the whole line: it cannot say which part a topic
  came from); then a clause that recalls what the customer said ("您刚才提到通勤，平时在家的话
  打算在哪儿充电？" is on usage, not on timeline), then the general words; the other sentences
  before the question (often a pitch: "指导价十四万八。您平时开车主要跑哪些地方？") come last.

It reads the analyzer's own topics and keywords (:func:`simkit.understand.topics.topic_spans`),
never a second understanding; the word tables are in :mod:`simkit.engine.rulebook`.

Example:
    >>> from simkit.understand import analyze
    >>> asked_topics(analyze("Apart from the price, what matters most to you?")).excluded
    ('budget',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simkit.engine.rulebook import (
    EXAMPLE_CUES, EXCEPT_AFTER, EXCEPT_BEFORE, RECALL_CUES, SELF_CLAUSE_CUES, WEAK_TOPIC_WORDS, YARDSTICK_CUES,
)
from simkit.labels import TOPICS
from simkit.understand import Analysis
from simkit.understand.rules import is_question
from simkit.understand.topics import TopicHit, topic_spans


@dataclass(frozen=True)
class Asked:
    """The topics a line asks about.

    Attributes:
        topics: what the question is about, in label order (empty for a broad question).
        excluded: topics the question sets aside ("apart from the price"), in label order.
    """

    topics: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    recalls: bool = False  # a clause recalls what the customer said ("You mentioned your wife. ...")


def _words(cues: tuple[str, ...]) -> str:
    """Cue words as alternatives, longest first; English words match whole words."""
    return "|".join(rf"\b{re.escape(c)}\b" if c.isascii() else re.escape(c) for c in sorted(cues, key=len, reverse=True))


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])|(?<=\.)(?=\s)")
_CLAUSE_END = re.compile(r"(?<=[，,、：:])|\s[—–-]+\s|(?<=[—–])")
_STOP = r"[，,。！？!?；;：:\n—–]"  # where a set-aside part or an example ends
_EXCEPT = re.compile(
    rf"(?:{_words(EXCEPT_BEFORE['zh'] + EXCEPT_BEFORE['en'])})[^，,。！？!?；;：:\n—–]*?(?:{_words(EXCEPT_AFTER['zh'])}|(?={_STOP})|$)"
    rf"|[^，,。！？!?；;：:\n—–\s]{{1,12}}(?:{_words(EXCEPT_AFTER['zh'])})"
    rf"|\b(?:[\w'-]+\s){{0,2}}[\w'-]+\s(?:{_words(EXCEPT_AFTER['en'])})(?={_STOP}|\s*$)",
    re.IGNORECASE)
_EXAMPLE = re.compile(rf"(?:{_words(EXAMPLE_CUES['zh'] + EXAMPLE_CUES['en'])}).*?(?={_STOP}|$)", re.IGNORECASE)
_SELF = re.compile(rf"^\W*(?:{_words(SELF_CLAUSE_CUES['zh'] + SELF_CLAUSE_CUES['en'])})", re.IGNORECASE)
_RECALL = re.compile(rf"^\W*(?:(?:so|and|but|now|ok|okay|right)\W+)?(?:{_words(RECALL_CUES['zh'] + RECALL_CUES['en'])})", re.IGNORECASE)
# "When do you need it?" asks when; "when you drive to work, ..." only sets the scene.
_ASKING_WHEN = re.compile(r"when\s+(?:do|does|did|are|is|was|were|will|would|can|could|should|shall|might|must)\b",
                          re.IGNORECASE)
_YARDSTICK = re.compile(rf"(?:{_words(YARDSTICK_CUES['zh'] + YARDSTICK_CUES['en'])})\s*(?:\w+\s)?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]")  # a letter, a digit or a Chinese character
_WEAK = {topic: frozenset(w.casefold() for w in words) for topic, words in WEAK_TOPIC_WORDS.items()}


def _pieces(text: str, pattern: re.Pattern[str], start: int = 0) -> list[tuple[int, str]]:
    """``text`` cut where ``pattern`` matches, each piece with its offset (plus ``start``)."""
    pieces, at = [], 0
    for m in pattern.finditer(text):
        if m.start() > at:
            pieces.append((start + at, text[at:m.start()]))
        at = max(at, m.end())
    if at < len(text):
        pieces.append((start + at, text[at:]))
    return pieces


def _question_spans(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Where the question part of ``text`` is, without the salesperson's own clauses: ``asking``,
    the sentences that ask; ``recall``, clauses that recall what the customer said ("You mentioned
    your wife. What matters most to her?"); ``lead_in``, other sentences before the question.
    What follows the last question (a pitch, an offer) is none of them. A line with no question
    is all asking."""
    sentences = [(at, s) for at, s in _pieces(text, _SENTENCE_END) if s.strip()]
    asks = [is_question(s, lang) for _, s in sentences]
    last = max((i for i, a in enumerate(asks) if a), default=len(sentences) - 1)
    parts: dict[str, list[tuple[int, int]]] = {"asking": [], "recall": [], "lead_in": []}
    for i, (at, sentence) in enumerate(sentences[:last + 1]):
        clauses = _pieces(sentence, _CLAUSE_END, at)
        kept = [(c_at, c) for c_at, c in clauses if not (_SELF.search(c) and not is_question(c, lang))]
        if asks[i] and not kept:  # a question that is all about the salesperson still asks
            kept = clauses
        for c_at, clause in kept:
            if _RECALL.search(clause) and (len(kept) > 1 or not asks[i]):
                part = "recall"
            else:
                part = "asking" if asks[i] or not any(asks) else "lead_in"
            parts[part].append((c_at, c_at + len(clause)))
    return parts


def _weak(hit: TopicHit, text: str) -> bool:
    """``hit`` is a general word (:data:`~simkit.engine.rulebook.WEAK_TOPIC_WORDS`) that does not ask
    itself, or a yardstick (:data:`~simkit.engine.rulebook.YARDSTICK_CUES`)."""
    if _YARDSTICK.search(text[max(0, hit.start - 16):hit.start]):  # "the same price": a yardstick
        return True
    return hit.text.casefold() in _WEAK.get(hit.topic, ()) and not _ASKING_WHEN.match(text, hit.start)


def _outermost(hits: list[TopicHit]) -> list[TopicHit]:
    """The hits not inside a longer one of another topic: 安全座椅 is a car seat (family), not safety."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.start + len(h.text) <= o.start + len(o.text)
                                       and len(o.text) > len(h.text) for o in hits)]


def _whole(text: str, spans: list[tuple[int, int]]) -> bool:
    """``spans`` cover every word of ``text`` (nothing was left out of the question part)."""
    at = 0
    for start, end in sorted(spans):
        if _WORD.search(text, at, max(at, start)):
            return False
        at = max(at, end)
    return not _WORD.search(text, at)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def asked_topics(analysis: Analysis) -> Asked:
    """The topics the question of ``analysis`` asks about (see the module docstring).

    Args:
        analysis: the analyzer's reading of the trainee's line (its ``text`` and ``topics``).

    Returns:
        An :class:`Asked`; its topics are always some of ``analysis.topics``.
    """
    text, topics = analysis.text, set(analysis.topics)
    if not topics:
        return Asked((), recalls=bool(_question_spans(analysis.text, analysis.lang)["recall"]))
    keywords = topic_spans(text, topics)
    hits = _outermost(keywords)
    parts = _question_spans(text, analysis.lang)
    set_aside = [m.span() for m in _EXCEPT.finditer(text)]
    examples = [m.span() for m in _EXAMPLE.finditer(text)]
    excluded: set[str] = set()
    found: dict[tuple[str, bool], set[str]] = {(part, weak): set() for part in parts for weak in (False, True)}
    for hit in hits:
        part = next((p for p, spans in parts.items() if _inside(hit.start, spans)), None)
        if part is None:
            continue
        if _inside(hit.start, set_aside):
            excluded.add(hit.topic)
        else:
            found[part, _inside(hit.start, examples) or _weak(hit, text)].add(hit.topic)
    # The model read its topics from the whole line: they count only when all of it is the question.
    read_by_model = topics - {h.topic for h in keywords}
    if read_by_model and not _whole(text, [span for part in parts.values() for span in part]):
        read_by_model = set()
    excluded -= found["asking", False]
    # The model's topics have no words of their own to weigh against a general word of the question:
    # both stand ("您这次为什么考虑换车呢？" is about the car and the trade-in alike).
    with_model = read_by_model | found["asking", True] if read_by_model else set()
    tiers = (found["asking", False], with_model, found["recall", False], found["asking", True],
             found["recall", True], found["lead_in", False], found["lead_in", True])
    chosen = next((tier - excluded for tier in tiers if tier - excluded), set())  # the first that names a topic
    return Asked(tuple(t for t in TOPICS if t in chosen), tuple(t for t in TOPICS if t in excluded),
                 recalls=bool(parts["recall"]))
