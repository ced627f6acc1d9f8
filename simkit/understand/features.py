"""How a line becomes the features of the statistical model, at run time and in training alike.

Features are computed by plain Python (:func:`features`), both when training and at run time,
so the two cannot drift. A line becomes:

* ``u:``/``b:``/``t:`` unit uni-, bi- and trigrams, where a unit is one Chinese character, one
  English word, a number (digits folded to ``0``) or a ``?``/``!`` -- character n-grams for
  Chinese and word n-grams for English in one pass, so mixed lines need nothing special;
* ``c:`` character 3- and 4-grams inside English words (``guarantee``/``guaranteed`` share them);
* ``^:``/``^^:``/``$:`` the first unit, the first two units and the last unit;
* ``r:`` the names of the rule cues that matched (:mod:`simkit.understand.rules`), and ``q:`` when
  the line is a question;
* ``x:`` what the conversation so far says about the line, when a
  :class:`~simkit.understand.context.Context` is given (:func:`~simkit.understand.context.context_features`:
  the customer's last line's topics, topics and words the line shares with it, whether the customer asked).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from simkit.understand import rules
from simkit.understand.context import Context, context_features
from simkit.understand.facts import extract_facts
from simkit.understand.matching import HAN_CHARS
from simkit.understand.topics import TopicHit, topic_hits

_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[a-z]{3,}")


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), lower case, curly quotes straightened."""
    text = unicodedata.normalize("NFKC", text).lower()
    return text.replace("\u2019", "'").replace("\u2018", "'")


_CASED_UNIT = re.compile(f"[{HAN_CHARS}]" r"|[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*|[?!$%]|[.。！？]")


def units(text: str) -> list[str]:
    """Chinese characters, lower-cased English words, numbers (digits as ``0``) and ``? ! $ %``."""
    out: list[str] = []
    for tok in _CASED_UNIT.findall(unicodedata.normalize("NFKC", text).replace("\u2019", "'")):
        if tok in ".。！？":
            continue
        out.append(_DIGIT.sub("0", tok) if tok[0].isdigit() else tok.lower())
    return out


_SENTENCE_END = re.compile(r"[.!?。！？;；…~～]+|\s[-—–]+\s|[—–]+|\n")


@dataclass(frozen=True)
class FeatureConfig:
    """How a line becomes features (recorded in the model so run time matches training)."""

    cue_weight: float = 0.2
    max_n: int = 2
    subwords: bool = True
    unigram_weight: float = 1.2
    subword_weight: float = 0.4
    sentences: bool = True
    lengths: bool = True
    topic_cues: bool = True
    fact_cues: bool = False
    context_weight: float = 0.0  # weight of the x: context features (0: the model takes no context)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        # a model written before the group weights existed weighed every n-gram 1
        data = {"unigram_weight": 1.0, "subword_weight": 1.0, **data}
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def features(
    text: str,
    config: FeatureConfig = FeatureConfig(),
    *,
    cues: Sequence[rules.CueHit] | None = None,
    topics: Sequence[TopicHit] | None = None,
    seq: list[str] | None = None,
    context: Context | None = None,
) -> dict[str, float]:
    """The feature vector of one line.

    N-gram features are L2-normalised together; rule-cue and question features are added on top
    with the fixed weight ``config.cue_weight``, so long lines do not drown them. Before the
    normalisation, unigrams weigh ``config.unigram_weight`` and character n-grams
    ``config.subword_weight`` (an English word yields many of those, which would otherwise
    drown its word n-grams); every other feature weighs 1.

    Args:
        text: the utterance.
        config: which feature families to use.
        cues: rule cues already found in ``text`` (found here when omitted).
        topics: topic keywords already found in ``text`` (found here when omitted).
        seq: ``units(text)``, when the caller has it already.
        context: the conversation so far; gives ``x:`` features weighing ``config.context_weight``
            (none without a context, or when the weight is 0).

    Returns:
        A mapping from feature name to value.
    """
    seq = units(text) if seq is None else seq
    feats: dict[str, float] = {}
    for i, u in enumerate(seq):
        feats["u:" + u] = config.unigram_weight
        if config.max_n >= 2 and i + 1 < len(seq):
            feats["b:" + u + " " + seq[i + 1]] = 1.0
        if config.max_n >= 3 and i + 2 < len(seq):
            feats["t:" + u + " " + seq[i + 1] + " " + seq[i + 2]] = 1.0
    if seq:
        feats["^:" + seq[0]] = 1.0
        feats["^^:" + " ".join(seq[:2])] = 1.0
        feats["$:" + seq[-1]] = 1.0
    if config.subwords:
        for word in _LATIN_WORD.findall(" ".join(u for u in seq if u[0].isalpha())):
            padded = f"<{word}>"
            feats.update(dict.fromkeys(["c:" + padded[i:i + 3] for i in range(len(padded) - 2)]
                                       + ["c:" + padded[i:i + 4] for i in range(len(padded) - 3)],
                                       config.subword_weight))
    if config.sentences:
        normal = normalise(text)
        parts = [p for p in _SENTENCE_END.split(normal) if p.strip()]
        marks = _SENTENCE_END.findall(normal)
        for k, part in enumerate(parts):
            pu = units(part)
            if not pu:
                continue
            asked = k < len(marks) and "?" in marks[k]
            where = "last" if k == len(parts) - 1 else "first" if k == 0 else "mid"
            feats["s^:" + pu[0]] = 1.0
            feats["s^^:" + " ".join(pu[:2])] = 1.0
            if asked:
                feats["q^:" + pu[0]] = 1.0
                feats["q^^:" + " ".join(pu[:2])] = 1.0
                feats["q$:" + pu[-1]] = 1.0
                feats["qpos:" + where] = 1.0
    if config.lengths:
        n = len(seq)
        feats["len:" + ("1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else "21+")] = 1.0
    norm = math.sqrt(sum([v * v for v in feats.values()])) or 1.0
    out = {k: v / norm for k, v in feats.items()}
    if config.cue_weight:
        lang = "zh" if any("\u3400" <= u[0] <= "\ufaff" for u in seq) else "en"
        for hit in rules.find_cues(text) if cues is None else cues:
            out["r:" + hit.name] = config.cue_weight
        if rules.is_question(text, lang):
            out["q:question"] = config.cue_weight
        if config.topic_cues:
            for t_hit in topic_hits(text) if topics is None else topics:
                out["k:" + t_hit.topic] = config.cue_weight
        if config.fact_cues:
            for fact in extract_facts(text):
                out["f:" + fact.kind] = config.cue_weight
    if config.context_weight and context is not None:
        line_topics = [h.topic for h in (topic_hits(text) if topics is None else topics)]
        for name in context_features(text, context, line_topics):
            out[name] = config.context_weight
    return out

