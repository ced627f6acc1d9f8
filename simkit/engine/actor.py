"""The actor: turns beats into the persona's words, choosing variants with the session's RNG."""

from __future__ import annotations

import random
import re
from typing import Any

from simkit import i18n
from simkit.content.model import BEAT_PLACEHOLDERS, OPTIONAL_REACTION_LINES, Lines, Persona, Scenario
from simkit.engine.beats import Beat


class Actor:
    """Speaks for one persona in one language."""

    def __init__(self, scenario: Scenario, persona: Persona, lang: str, rng: random.Random) -> None:
        self.scenario = scenario
        self.persona = persona
        self.lang = lang
        self.rng = rng
        self.facts = i18n.Lenient({k: _in_lang(v, lang) for k, v in {**persona.profile, **persona.facts}.items()})
        self._separator = "" if lang == "zh" else " "  # between the lines of one turn

    def speak(self, beats: list[Beat]) -> str:
        """The customer's words for this turn's beats: every beat with a line, in order.

        The director has already made them one coherent reply (:func:`simkit.engine.beats.compose`),
        so every line credited in the beats is said here.
        """
        parts = [self.line(b.line, b.params) for b in beats if b.line]
        return self._separator.join([p for p in parts if p])

    def line(self, ref: tuple[str, ...], params: dict[str, Any] | None = None) -> str:
        """One variant of the line ``ref``, its placeholders filled from the facts and the beat's
        ``params`` (a booked {time}, a countered {amount})."""
        variants = self._variants(ref).get(self.lang, ())
        if not variants and ref[0] == "reaction" and ref[1] in OPTIONAL_REACTION_LINES:
            variants = (i18n.text(f"customer.{ref[1]}", self.lang),)  # the persona has no words of its own
        if not variants:
            return ""
        return self.fill(self.rng.choice(variants), params)

    def fill(self, template: str, params: dict[str, Any] | None = None) -> str:
        """``template`` with its placeholders filled from the facts and ``params``."""
        # The library's checks allow only plain {name} placeholders, which format_map fills.
        filled = {k: str(params[k]) for k in BEAT_PLACEHOLDERS if k in params} if params else None
        values = i18n.Lenient({**self.facts, **filled}) if filled else self.facts
        if self.lang == "en":  # a fact that starts a sentence ("{budget} is the ceiling") starts in upper case
            template = _LEADING_PLACEHOLDER.sub(lambda m: _literal(_capitalised(values[m.group(1)])), template)
        return template.format_map(values)

    def _variants(self, ref: tuple[str, ...]) -> Lines:
        kind = ref[0]
        if kind == "reaction":
            return self.persona.lines.get(ref[1], {})
        if kind == "answer":
            return self.persona.answers.get(ref[1], {})
        if kind == "need":
            return self.persona.need(ref[1]).says
        if kind == "objection":
            return self.persona.objection(ref[1]).says[ref[2]]
        if kind == "ask":
            return self.scenario.ask(ref[1]).says
        if kind == "accept":
            return self.scenario.goal.accept
        if kind == "opening":
            return self.scenario.opening
        if kind == "decision_maker" and self.persona.decision_maker is not None:
            return getattr(self.persona.decision_maker, ref[1])  # says or involve
        raise ValueError(f"unknown line reference {ref!r}")


_LEADING_PLACEHOLDER = re.compile(r"(?:^|(?<=[.!?]\s))\{(\w+)\}")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _literal(text: str) -> str:
    """``text`` as it must appear in a format string to come out unchanged."""
    return text.replace("{", "{{").replace("}", "}}")


def _in_lang(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang, ""))
    return str(value)
