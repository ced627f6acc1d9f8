"""Cross-reference checks: what the schema alone cannot see, within a file and across files.

Each check is a function ``check_*(corpus) -> Iterator[Problem]`` with its own codes, run by
:func:`run_checks` over every parsed file (even files with schema problems: the checks skip
values of the wrong type, which the schema already reported). Checks are listed in
:data:`CHECKS`; each docstring shows YAML that fails and YAML that passes.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from simkit.content.checks_deals import check_availability, check_numbers, check_variants
from simkit.content.checks_situations import check_roles, check_situation_goals
from simkit.content.model import LINE_PARAMETERS
from simkit.content.problems import Problem, value_at
from simkit.content.schema import SCENARIO, CheckedDocument
from simkit.errors import suggest
from simkit.labels import LANGS


@dataclass
class Corpus:
    """Every checked file, with the documents of each kind grouped by id, in file order.

    A persona id defined by several files is ambiguous: checks that follow a scenario to its
    persona skip it (``duplicate-id`` already says what to fix).
    """

    documents: list[CheckedDocument]
    by_id: dict[str, dict[str, list[CheckedDocument]]] = field(
        default_factory=lambda: {"persona": {}, "scenario": {}})  # references have no id of their own
    unparsed: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) of files that did not parse

    def __post_init__(self) -> None:
        for document in self.documents:
            item_id = document.data.get("id")
            if document.kind in self.by_id and isinstance(item_id, str):
                self.by_id[document.kind].setdefault(item_id, []).append(document)

    def of_kind(self, kind: str) -> Iterator[CheckedDocument]:
        """The documents of one kind, in file order."""
        return (d for d in self.documents if d.kind == kind)

    def persona_of(self, scenario: CheckedDocument) -> CheckedDocument | None:
        """The persona document a scenario names, if exactly one file defines it."""
        persona_id = scenario.data.get("persona")
        found = self.by_id["persona"].get(persona_id, []) if isinstance(persona_id, str) else []
        return found[0] if len(found) == 1 else None


def _dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in a list, with their indexes (nothing when ``value`` is not a list)."""
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, dict))


def _ids(items: Any) -> list[str]:
    return [item["id"] for _, item in _dicts(items) if isinstance(item.get("id"), str)]


def check_duplicate_ids(corpus: Corpus) -> Iterator[Problem]:
    """``duplicate-id``: two personas or two scenarios with one id, or two needs, objections or
    asks with one id in a file. Across files, each file involved names the others.

    Fails (twice in one persona)::

        needs:
          - {id: budget-cap, ...}
          - {id: budget-cap, ...}

    Passes::

        needs:
          - {id: budget-cap, ...}
          - {id: trade-in-old-car, ...}
    """
    for kind, by_id in corpus.by_id.items():
        for item_id, documents in by_id.items():
            for document in documents if len(documents) > 1 else ():
                others = ", ".join(
                    f"{o.doc.file}:{o.doc.position(('id',))[0]}" for o in documents if o is not document
                )
                message = f"duplicate {kind} id {item_id!r}: also in {others}"
                yield document.doc.problem(("id",), "duplicate-id", message)
    for document in corpus.documents:
        for section, noun in (("needs", "need"), ("objections", "objection"), ("asks", "ask")):
            first: dict[str, int] = {}
            for index, item in _dicts(document.data.get(section)):
                item_id = item.get("id")
                if not isinstance(item_id, str):
                    continue
                if item_id in first:
                    line = document.doc.position((section, first[item_id], "id"))[0]
                    message = f"duplicate {noun} id {item_id!r} (first at {section}[{first[item_id]}], line {line})"
                    yield document.doc.problem((section, index, "id"), "duplicate-id", message)
                else:
                    first[item_id] = index


def check_unknown_persona(corpus: Corpus) -> Iterator[Problem]:
    """``unknown-persona``: a scenario names a persona that no file defines.

    Fails (no persona file has ``id: zhou-jain``)::

        persona: zhou-jain

    Passes (``scenarios/personas/zhou-jian.yaml`` has ``id: zhou-jian``)::

        persona: zhou-jian
    """
    for scenario in corpus.of_kind("scenario"):
        persona_id = scenario.data.get("persona")
        if ("persona", persona_id) in corpus.unparsed:
            continue  # its file has a syntax error, already reported: one mistake, one message
        if isinstance(persona_id, str) and persona_id not in corpus.by_id["persona"]:
            hint = suggest(persona_id, corpus.by_id["persona"])
            yield scenario.doc.problem(("persona",), "unknown-persona", f"unknown persona {persona_id!r}{hint}")


def check_unrevealable_needs(corpus: Corpus) -> Iterator[Problem]:
    """``unrevealable-need``: no trainee move can reveal the need: ``reveal.by`` or
    ``reveal.topics`` is empty, a deep need lacks ``probe``, or ``min_trust`` is above 100.

    Fails::

        - id: wife-safety
          depth: deep
          reveal: {by: [open_question], min_trust: 120}

    Passes::

        - id: wife-safety
          depth: deep
          reveal: {by: [probe], min_trust: 45}
    """
    for persona in corpus.of_kind("persona"):
        for index, need in _dicts(persona.data.get("needs")):
            name = need.get("id", f"needs[{index}]")
            reveal = need.get("reveal")
            path = ("needs", index, "reveal")
            by = value_at(reveal, "by")
            never = f"need {name!r} can never be revealed"
            if isinstance(by, list) and not by:
                yield persona.doc.problem((*path, "by"), "unrevealable-need", f"{never}: reveal.by is empty")
            elif isinstance(by, list) and need.get("depth") == "deep" and "probe" not in by:
                message = f"deep need {name!r} is revealed only by a probe, but reveal.by has no 'probe'"
                yield persona.doc.problem((*path, "by"), "unrevealable-need", message)
            topics = value_at(reveal, "topics")
            if isinstance(topics, list) and not topics:
                yield persona.doc.problem((*path, "topics"), "unrevealable-need", f"{never}: reveal.topics is empty")
            min_trust = value_at(reveal, "min_trust")
            if isinstance(min_trust, int) and not isinstance(min_trust, bool) and min_trust > 100:
                message = f"{never}: min_trust {min_trust} is above the highest trust, 100"
                yield persona.doc.problem((*path, "min_trust"), "unrevealable-need", message)


def check_objections_reachable(corpus: Corpus) -> Iterator[Problem]:
    """``unresolvable-objection``: no evidence cue in some language, so the objection can never
    be resolved in that language; ``unraisable-objection``: ``raise.by`` is empty.

    Fails::

        - id: price-gap
          raise: {by: []}
          resolve: {evidence: {zh: [保值, 油耗], en: []}}

    Passes::

        - id: price-gap
          raise: {by: [present, close]}
          resolve: {evidence: {zh: [保值, 油耗], en: [resale, fuel]}}
    """
    for persona in corpus.of_kind("persona"):
        for index, objection in _dicts(persona.data.get("objections")):
            name = objection.get("id", f"objections[{index}]")
            by = value_at(objection, "raise", "by")
            if isinstance(by, list) and not by:
                message = f"objection {name!r} is never raised: raise.by is empty"
                yield persona.doc.problem(("objections", index, "raise", "by"), "unraisable-objection", message)
            evidence = value_at(objection, "resolve", "evidence")
            for lang in LANGS:
                if isinstance(evidence, dict) and evidence.get(lang) == []:
                    message = f"objection {name!r} can never be resolved in {lang!r}: no evidence cues"
                    path = ("objections", index, "resolve", "evidence", lang)
                    yield persona.doc.problem(path, "unresolvable-objection", message)


def check_goal_requirements(corpus: Corpus) -> Iterator[Problem]:
    """``unknown-need`` / ``unknown-objection``: ``goal.requires`` names an id the scenario's
    persona does not have.

    Fails (the persona's need is ``wife-safety``)::

        goal: {kind: test_drive, requires: {needs: [wife-safty]}, accept: ...}

    Passes::

        goal: {kind: test_drive, requires: {needs: [wife-safety]}, accept: ...}
    """
    for scenario in corpus.of_kind("scenario"):
        persona = corpus.persona_of(scenario)
        if persona is None:
            continue
        for section, noun in (("needs", "need"), ("objections", "objection")):
            known = _ids(persona.data.get(section))
            required = value_at(scenario.data, "goal", "requires", section)
            for index, item_id in enumerate(required if isinstance(required, list) else []):
                if isinstance(item_id, str) and item_id not in known:
                    message = f"unknown {noun} {item_id!r} in persona {persona.data['id']!r}{suggest(item_id, known)}"
                    yield scenario.doc.problem(("goal", "requires", section, index), f"unknown-{noun}", message)


def check_dead_goal(corpus: Corpus) -> Iterator[Problem]:
    """``dead-goal``: the goal needs an objection resolved that can never be raised in time
    (its ``raise.min_turn`` is after the scenario's ``max_turns``), so no trainee can succeed.

    Fails (the persona's ``price-gap`` has ``raise: {by: [present], min_turn: 25}``)::

        max_turns: 20
        goal: {kind: test_drive, requires: {objections: [price-gap]}, accept: ...}

    Passes (``min_turn: 3``, or ``max_turns: 30``)::

        max_turns: 20
        goal: {kind: test_drive, requires: {objections: [price-gap]}, accept: ...}
    """
    for scenario in corpus.of_kind("scenario"):
        persona = corpus.persona_of(scenario)
        max_turns = scenario.data.get("max_turns", SCENARIO.field("max_turns").default)
        required = value_at(scenario.data, "goal", "requires", "objections")
        if persona is None or not _whole(max_turns) or not isinstance(required, list):
            continue
        objections = {o["id"]: (i, o) for i, o in _dicts(persona.data.get("objections")) if isinstance(o.get("id"), str)}
        for index, objection_id in enumerate(required):
            index_there, objection = objections.get(objection_id, (None, None))
            min_turn = value_at(objection, "raise", "min_turn")
            if _whole(min_turn) and min_turn > max_turns:
                line = persona.doc.position(("objections", index_there, "raise", "min_turn"))[0]
                message = (f"the goal needs the objection {objection_id!r} resolved, but it is raised at turn "
                           f"{min_turn} at the earliest ({persona.doc.file}:{line} raise.min_turn), after the last "
                           f"turn (max_turns: {max_turns}): the goal can never be met")
                yield scenario.doc.problem(("goal", "requires", "objections", index), "dead-goal", message)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_placeholders(corpus: Corpus) -> Iterator[Problem]:
    """``unknown-placeholder``: a ``{name}`` in a line that is neither a key of the persona's
    ``facts`` nor of its ``profile``; ``invalid-placeholder``: braces the actor cannot fill
    (``{}``, ``{a.b}``, ``{x:>5}``, a lone ``{``; write ``{{`` and ``}}`` for literal braces).

    Fails (``facts`` has ``kids``)::

        says: {zh: [家里有{kidz}。], en: ["We have {kidz}."]}

    Passes::

        says: {zh: [家里有{kids}。], en: ["We have {kids}."]}
    """
    for document in corpus.documents:
        persona = document if document.kind == "persona" else corpus.persona_of(document)
        if persona is None or document.kind is None:
            continue
        known = [k for section in ("facts", "profile") if isinstance(persona.data.get(section), dict)
                 for k in persona.data[section]]
        for path, text in document.spoken:
            for name, problem in _placeholders(text):
                if problem:
                    yield document.doc.problem(path, "invalid-placeholder", problem)
                elif name not in known and name not in _beat_parameters(document, path):
                    message = (f"unknown placeholder {{{name}}}: not a fact or profile key of persona "
                               f"{persona.data.get('id')!r}{suggest(name, known)}")
                    yield document.doc.problem(path, "unknown-placeholder", message)


def _beat_parameters(document: CheckedDocument, path: tuple[Any, ...]) -> tuple[str, ...]:
    """Placeholders a line may use besides facts: what the beat it speaks for fills in."""
    if document.kind == "persona" and len(path) > 1 and path[0] == "lines":
        return LINE_PARAMETERS.get(str(path[1]), ())
    if document.kind == "scenario" and path[:2] == ("goal", "accept"):
        return ("time", "amount")
    return ()


def _placeholders(text: str) -> Iterator[tuple[str, str]]:
    """``(name, "")`` for each ``{name}``; ``("", message)`` for a placeholder the actor cannot fill."""
    try:
        fields = [(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError as exc:
        yield "", f"bad braces ({exc}); write {{{{ and }}}} for literal braces"
        return
    for name, conversion, spec in fields:
        if not name.isidentifier() or conversion or spec:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            yield "", f"placeholder {shown} must be a plain {{name}}"
        else:
            yield name, ""


def check_unreachable_asks(corpus: Corpus) -> Iterator[Problem]:
    """``unreachable-ask``: a customer question scheduled after the scenario's last turn.

    Fails::

        max_turns: 12
        asks: [{id: delivery-wait, turn: 15, ...}]

    Passes::

        max_turns: 12
        asks: [{id: delivery-wait, turn: 7, ...}]
    """
    for scenario in corpus.of_kind("scenario"):
        max_turns = scenario.data.get("max_turns", SCENARIO.field("max_turns").default)
        if not isinstance(max_turns, int) or isinstance(max_turns, bool):
            continue
        for index, ask in _dicts(scenario.data.get("asks")):
            turn = ask.get("turn")
            if isinstance(turn, int) and not isinstance(turn, bool) and turn > max_turns:
                message = f"asked at turn {turn}, after the last turn (max_turns: {max_turns})"
                yield scenario.doc.problem(("asks", index, "turn"), "unreachable-ask", message)


from simkit.content.reference_checks import check_references  # noqa: E402 - it builds on Corpus above

#: Every cross-reference check, in the order they run.
CHECKS: tuple[Callable[[Corpus], Iterator[Problem]], ...] = (
    check_duplicate_ids,
    check_unknown_persona,
    check_unrevealable_needs,
    check_objections_reachable,
    check_goal_requirements,
    check_dead_goal,
    check_placeholders,
    check_unreachable_asks,
    check_references,
    check_availability,
    check_numbers,
    check_variants,
    check_roles,
    check_situation_goals,
)


def run_checks(documents: list[CheckedDocument], *, unparsed: set[tuple[str, str]] | None = None) -> list[Problem]:
    """Every problem the :data:`CHECKS` find in ``documents`` (``unparsed``: see :class:`Corpus`)."""
    corpus = Corpus(documents, unparsed=set(unparsed or ()))
    return [problem for check in CHECKS for problem in check(corpus)]
