"""``Context``: what the analyzer may know of the conversation before the line it reads.

Some labels depend on what came before: a probe digs into something the customer already said;
a confirm checks that what was just offered settled the concern. The session builds a Context
for every line (:meth:`Context.then`); test and corpus items give at least the customer's
previous line (:meth:`Context.from_item`), from which the analyzer derives what it can.
``analyze(text)`` without a context keeps working and reads exactly as before.

What the analyzer derives (:func:`context_features`, :func:`recalls`), and what for:

* model features, when the model was trained with them (``FeatureConfig.context_weight``; the shipped
  model is not, docs/labels.md says why): the customer's last line's topics, ``x:ct:<topic>``,
  and the topics the trainee's line shares with it, ``x:same:<topic>``;
* whether the line takes up the customer's own words (``x:echo``: a content word, or for Chinese
  two characters in a row, that the customer just said);
* whether the customer asked something (``x:cq``): the trainee's line is then more often an answer;
* a rule on top of the model: an open question with a clause that recalls what the customer said
  ("Well, you mentioned your wife. What matters most to her?") digs in: it is a probe, when the
  customer has said something;
* a rule with the session's richer fields: right after the trainee presented, gave proof or
  proposed a step (``just_presented`` / ``just_proposed``), a yes/no check that the model read with
  some confirm in it ("这样您看可以吗？", "Does that settle it?") is a confirm, not a closed question.

The model features are computed from ``customer_last`` alone, the one field every training item
has, so training and run time see the same features. Only the technique classifiers use them: a
line's topics are what the line itself is about, and topic classifiers that saw the customer's
topics copied them onto the trainee's line ("这几天没有车，您早上怎么安排的？" after a complaint read
as ``concern`` and lost ``usage``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from simkit.understand.matching import HAN, lazy_compile

#: Words that open a clause recalling what the customer said. The engine's topic reader
#: (:mod:`simkit.engine.asked`) uses the same words: such a clause sets the scene for the question.
RECALL_CUES = {"zh": ("您刚才说", "您刚说", "刚才您说", "您说", "你说", "您刚才提到", "您提到", "你提到", "听您说", "您之前说",
                      "您上次说"),
               "en": ("you said", "you mentioned", "you told me", "you were saying", "as you said", "earlier you said",
                      "you've said", "you've mentioned", "you brought up", "you raised", "you talked about")}


@dataclass(frozen=True, kw_only=True)
class Context:
    """The conversation so far, as the analyzer sees it (small and explicit on purpose).

    Attributes:
        customer_last: the customer's last line ("" before the customer has spoken).
        customer_topics: topic labels of that line (derived from it when not given).
        mentioned_topics: topics the customer has talked about so far.
        mentioned_facts: short fact texts the customer has said so far (amounts, people, times).
        open_objection: id of the objection being worked on, or None.
        objection_step: its next step (``acknowledged``, ``probed``, ``evidence``, ``confirmed``), or None.
        just_presented: the trainee's previous line presented or gave evidence.
        just_proposed: the trainee's previous line proposed a next step (a close or an offer).
    """

    customer_last: str = ""
    customer_topics: tuple[str, ...] = ()
    mentioned_topics: tuple[str, ...] = ()
    mentioned_facts: tuple[str, ...] = ()
    open_objection: str | None = None
    objection_step: str | None = None
    just_presented: bool = False
    just_proposed: bool = False

    @classmethod
    def after(cls, customer_line: str) -> Context:
        """The least context every test set can give: the customer's previous line."""
        return cls(customer_last=customer_line)

    @classmethod
    def from_item(cls, value: Context | str | Mapping[str, Any] | None) -> Context | None:
        """The context of a corpus or test item: None, the customer's previous line as a string,
        or a dict with any of the fields above (lists become tuples; unknown keys are ignored).

        Example:
            >>> Context.from_item({"customer_last": "太贵了", "just_presented": True}).just_presented
            True
        """
        if value is None or isinstance(value, Context):
            return value
        if isinstance(value, str):
            return cls.after(value)
        if isinstance(value, Mapping):
            known = {f.name for f in fields(cls)}
            data = {k: (tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in value.items() if k in known}
            return cls(**data)
        raise TypeError(f"a context is a string, a dict or None, got {type(value).__name__}")

    def then(self, customer_line: str, *, techniques: Sequence[str] = (), open_objection: str | None = None,
             objection_step: str | None = None) -> Context:
        """The context of the trainee's next line: this one, after the trainee's line (its
        ``techniques``) and the customer's reply ``customer_line``, with the objection being worked
        on then. The session builds every context this way from the conversation itself, so a
        replay builds the same contexts.

        Example:
            >>> c = Context.after("预算十五万左右").then("那您看这个配置可以吗？", techniques=["present"])
            >>> c.customer_last, c.mentioned_topics, c.just_presented
            ('那您看这个配置可以吗？', ('budget', 'preference'), True)
        """
        topics = _topics(customer_line)
        mentioned = {*self.mentioned_topics, *self.topics_of_customer(), *topics}
        facts = list(self.mentioned_facts) + [f for f in _fact_texts(customer_line) if f not in self.mentioned_facts]
        tech = set(techniques)
        return Context(customer_last=customer_line, customer_topics=topics,
                       mentioned_topics=tuple(sorted(mentioned, key=_topic_order)), mentioned_facts=tuple(facts),
                       open_objection=open_objection, objection_step=objection_step,
                       just_presented=bool(tech & {"present", "evidence", "recommend"}),
                       just_proposed=bool(tech & {"close", "concession"}))

    def topics_of_customer(self) -> tuple[str, ...]:
        """``customer_topics``, or the topics of ``customer_last`` when they were not given."""
        if self.customer_topics or not self.customer_last:
            return self.customer_topics
        return _topics(self.customer_last)


def _topic_order(topic: str) -> int:
    from simkit.labels import TOPICS

    return TOPICS.index(topic)


def _topics(line: str) -> tuple[str, ...]:
    from simkit.understand.topics import find_topics

    return tuple(find_topics(line))


def _fact_texts(line: str) -> list[str]:
    from simkit.understand.facts import extract_facts

    return [f.text for f in extract_facts(line)]


# -- what the analyzer derives ----------------------------------------------------------------------

_EN_WORD = lazy_compile(r"[a-z][a-z'-]+")
_EN_STOP = frozenset("""
a about above after again all also am an and any are aren't as at be because been before being below
between both but by can can't could couldn't did didn't do does doesn't doing don't down during each few
for from further get got had hadn't has hasn't have haven't having he her here hers him his how i i'd i'll
i'm i've if in into is isn't it it's its just know let like me more most much my no nor not now of off
ok okay on once one only or other our out over own really right same say see she should so some such
sure than that that's the their them then there these they thing think this those through to too under
until up us very want was wasn't way we well were what when where which while who whom why will with
won't would yeah yes you you'd you'll you're you've your yours hi hey hello thanks thank please um uh oh
lol just gonna wanna still even ever any yet
""".split())
# Two Chinese characters in a row are a taken-up word unless they are this common (pronouns, 这个, 可以 ...).
_ZH_COMMON = frozenset("""
您好 你好 我们 你们 他们 我的 您的 你的 这个 那个 什么 怎么 可以 就是 是不 不是 一下 一个 没有 还是 现在 的话 时候
一些 这么 那么 觉得 知道 因为 所以 但是 如果 然后 还有 已经 我想 想要 看看 一点 有点 其实 的车 车子 这边 那边 咱们
这车 那车 这台 那台 一台 的时 得很 太了 了吧 吗？ 不了 不过 都是 也是 很多 比较 主要 大概 是的 好的 对的 我是
""".split())


def _content_units(text: str) -> set[str]:
    """Content words of ``text``: English words that are not function words (the first four letters,
    so "prices" meets "price"), and pairs of adjacent Chinese characters that are not common."""
    low = text.lower().replace("\u2019", "'")
    words = {w[:4] for w in _EN_WORD.findall(low) if w not in _EN_STOP and len(w) >= 3}
    han = HAN.findall(text)
    pairs = {a + b for a, b in zip(han, han[1:]) if a + b not in _ZH_COMMON}
    return words | pairs


def context_features(text: str, context: Context | None, line_topics: Sequence[str]) -> list[str]:
    """The model features a context gives a line (names only; the caller weighs them).

    Args:
        text: the trainee's line.
        context: what came before (None or an empty ``customer_last``: no features).
        line_topics: the topics whose keywords occur in ``text``.
    """
    if context is None or not context.customer_last.strip():
        return []
    last = context.customer_last
    customer_topics = context.topics_of_customer()
    out = ["x:ct:" + t for t in customer_topics]
    out += ["x:same:" + t for t in line_topics if t in customer_topics]
    if _content_units(text) & _content_units(last):
        out.append("x:echo")
    if "?" in last or "？" in last or _asks(last):
        out.append("x:cq")
    return out


_ZH_ASKS = lazy_compile(r"[吗呢嘛][。！!～~\s]*$|什么|怎么|哪|几|多少|是不是|有没有|能不能|会不会|要不要")
_EN_ASKS = lazy_compile(r"^\W*(?:what|how|why|when|where|who|which|do|does|did|is|are|can|could|would|will|any)\b",
                        re.IGNORECASE)


def _asks(line: str) -> bool:
    return bool((_ZH_ASKS if HAN.search(line) else _EN_ASKS).search(line.strip()))


def _cue_words(cues: tuple[str, ...]) -> str:
    return "|".join(rf"\b{re.escape(c)}\b" if c.isascii() else re.escape(c) for c in sorted(cues, key=len, reverse=True))


# A recall opens the line or a clause: "Well, you mentioned your wife. What ...?", "您刚才说周一打过电话，…".
_RECALL = lazy_compile(
    r"(?:^|[，,。.！!？?；;：:\n—–]|\s-\s)\W*(?:(?:so|and|but|now|ok|okay|right|well)\W+)?"
    rf"(?:{_cue_words(RECALL_CUES['zh'] + RECALL_CUES['en'])})(?!说)", re.IGNORECASE)


def recalls(text: str) -> bool:
    """Whether a clause of ``text`` opens by recalling what the customer said ("您说说……" asks the
    customer to talk: it recalls nothing)."""
    return bool(_RECALL.search(text))
