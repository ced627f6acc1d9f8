"""Cross-reference checks of availability, numbers and variants (see :mod:`simkit.content.checks`).

Codes: ``invalid-window`` (a window that closes before it opens), ``unknown-fact`` (a figure,
a negotiation or a variant names a fact the persona does not have), ``not-numeric`` (a fact a rule
computes with holds no number), ``unknown-need`` / ``unknown-objection`` (a variant names an id
the persona does not have).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from simkit.content.amounts import numeric_value
from simkit.content.availability import is_clock, minutes
from simkit.content.problems import Problem
from simkit.errors import suggest

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.checks import Corpus
    from simkit.content.schema import CheckedDocument


def _dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, dict))


def _windows(document: CheckedDocument, path: tuple[Any, ...], value: Any) -> Iterator[Problem]:
    for index, window in _dicts(value):
        start, end = window.get("from"), window.get("to")
        if is_clock(start) and is_clock(end) and minutes(start) >= minutes(end):
            message = f"the window closes ({end}) before it opens ({start})"
            yield document.doc.problem((*path, index, "to"), "invalid-window", message)


def check_availability(corpus: Corpus) -> Iterator[Problem]:
    """``invalid-window``: an availability window whose ``to`` is not after its ``from``.

    Fails::

        availability: [{days: [sat], from: "12:00", to: "09:00"}]

    Passes::

        availability: [{days: [sat], from: "09:00", to: "12:00"}]
    """
    for persona in corpus.of_kind("persona"):
        yield from _windows(persona, ("availability",), persona.data.get("availability"))
    for scenario in corpus.of_kind("scenario"):
        for index, variant in _dicts(scenario.data.get("variants")):
            yield from _windows(scenario, ("variants", index, "availability"), variant.get("availability"))


def _numeric_fact(document: CheckedDocument, path: tuple[Any, ...], name: Any, facts: dict[str, Any],
                  what: str) -> Iterator[Problem]:
    if not isinstance(name, str):
        return
    if name not in facts:
        message = f"{what} names the fact {name!r}, which the persona does not have{suggest(name, facts)}"
        yield document.doc.problem(path, "unknown-fact", message)
    elif numeric_value(facts[name]) is None:
        message = f"{what} computes with the fact {name!r}, which holds no number; write it as {{value: ..., zh: ..., en: ...}}"
        yield document.doc.problem(path, "not-numeric", message)


def check_numbers(corpus: Corpus) -> Iterator[Problem]:
    """``unknown-fact`` / ``not-numeric``: a figure or a negotiation names a fact that is missing or
    holds no number.

    Fails (``saving`` is text)::

        facts: {saving: {zh: 一万五, en: "15,000"}}
        resolve: {figure: {fact: saving, shows: less}}

    Passes::

        facts: {saving: {value: 15000, zh: 一万五, en: "15,000"}}
        resolve: {figure: {fact: saving, shows: less}}
    """
    for persona in corpus.of_kind("persona"):
        facts = persona.data.get("facts") if isinstance(persona.data.get("facts"), dict) else {}
        for index, objection in _dicts(persona.data.get("objections")):
            figure = objection.get("resolve", {}).get("figure") if isinstance(objection.get("resolve"), dict) else None
            if isinstance(figure, dict):
                path = ("objections", index, "resolve", "figure", "fact")
                yield from _numeric_fact(persona, path, figure.get("fact"), facts, "the figure")
        negotiation = persona.data.get("negotiation")
        for key in ("target", "limit") if isinstance(negotiation, dict) else ():
            yield from _numeric_fact(persona, ("negotiation", key), negotiation.get(key), facts, f"the {key}")


def check_variants(corpus: Corpus) -> Iterator[Problem]:
    """``unknown-fact``, ``unknown-need``, ``unknown-objection``, ``duplicate-id``: a variant
    changes what the persona does not have, or two variants share an id.

    Fails (the persona has no fact ``rival_price``)::

        variants: [{id: a, facts: {rival_price: 115000}}, {id: b}]

    Passes::

        variants: [{id: a, facts: {competitor_price: 115000}}, {id: b}]
    """
    for scenario in corpus.of_kind("scenario"):
        persona = corpus.persona_of(scenario)
        seen: dict[str, int] = {}
        for index, variant in _dicts(scenario.data.get("variants")):
            where = ("variants", index)
            variant_id = variant.get("id")
            if isinstance(variant_id, str):
                if variant_id in seen:
                    message = f"duplicate variant id {variant_id!r} (first at variants[{seen[variant_id]}])"
                    yield scenario.doc.problem((*where, "id"), "duplicate-id", message)
                seen.setdefault(variant_id, index)
            if persona is None:
                continue
            yield from _variant_refs(scenario, persona.data, where, variant)


def _variant_refs(scenario: CheckedDocument, persona: dict[str, Any], where: tuple[Any, ...],
                  variant: dict[str, Any]) -> Iterator[Problem]:
    facts = persona.get("facts") if isinstance(persona.get("facts"), dict) else {}
    for name in variant.get("facts", {}) if isinstance(variant.get("facts"), dict) else ():
        if name not in facts:
            message = f"unknown fact {name!r} in persona {persona.get('id')!r}{suggest(name, facts)}"
            yield scenario.doc.problem((*where, "facts", name), "unknown-fact", message, key=True)
        elif numeric_value(facts[name]) is not None and numeric_value(variant["facts"][name]) is None:
            message = f"the persona's fact {name!r} is a number the rules use; the variant must give one too"
            yield scenario.doc.problem((*where, "facts", name), "not-numeric", message)
    needs = [n.get("id") for _, n in _dicts(persona.get("needs"))]
    objections = [o.get("id") for _, o in _dicts(persona.get("objections"))]
    refs = [("objections_first", objections, "objection"), ("goal_needs", needs, "need")]
    for section, known, noun in refs:
        items = variant.get(section)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, str) and item not in known:
                message = f"unknown {noun} {item!r} in persona {persona.get('id')!r}{suggest(item, known)}"
                yield scenario.doc.problem((*where, section, index), f"unknown-{noun}", message)
    for name in variant.get("importance", {}) if isinstance(variant.get("importance"), dict) else ():
        if name not in needs:
            message = f"unknown need {name!r} in persona {persona.get('id')!r}{suggest(name, needs)}"
            yield scenario.doc.problem((*where, "importance", name), "unknown-need", message, key=True)
