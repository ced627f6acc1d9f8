"""The customer view a UI reads: ranges, needs of total, objections, names in both languages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from simkit import CustomerView, Meter, Session, default_library
from simkit.content.model import OBJECTION_STEPS, Need, Objection
from simkit.content.schema import check_document
from simkit.content.yamlsource import parse_yaml
from simkit.engine.state import STAGES

FIXTURE = Path(__file__).parent.parent / "content" / "fixtures" / "personas" / "wang-lei.yaml"
FIXTURE_PERSONA = FIXTURE.read_text(encoding="utf-8")
SCENARIO = "used-car-hidden-defects-v1"
LINES = [  # greets, finds needs, presents (raising an objection), then works on it
    "Hi, welcome! I'm Alex. What brings you in today?",
    "What kind of budget do you have in mind?",
    "What matters most to you in the car's condition?",
    "This white SUV has one owner and a full service history.",
    "I understand, buying used is a real worry.",
    "What exactly worries you about it?",
]


def _session() -> Session:
    return Session(SCENARIO, seed=3, lang="en", clock=lambda: "2026-01-01T00:00:00+00:00")


def test_the_opening_view_has_the_ranges_and_every_need_unfound():
    session = _session()
    view = session.view
    traits = session.persona.traits
    assert (view.turn, view.stage) == (0, "reception")
    assert view.trust == Meter(traits.trust, 0, 100)
    assert view.interest == Meter(traits.interest, 0, 100)
    assert view.patience == Meter(traits.patience, 0, traits.patience)
    assert [n.id for n in view.needs] == [n.id for n in session.persona.needs]
    assert (view.needs_found, view.needs_total) == (0, len(session.persona.needs))
    assert view.objections == ()


def test_each_reply_view_agrees_with_the_recorded_state():
    session = _session()
    raised = False
    for line in LINES:
        reply = session.say(line)
        view, state = reply.view, reply.state
        assert view == session.view
        assert view.stage in STAGES
        assert (view.turn, view.stage) == (state["turn"], state["stage"])
        assert (view.trust.value, view.interest.value, view.patience.value) == \
            (state["trust"], state["interest"], state["patience"])
        assert [n.id for n in view.needs if n.found] == \
            [n.id for n in session.persona.needs if n.id in state["needs_revealed"]]
        assert view.needs_found == len(state["needs_revealed"])
        assert [o.id for o in view.objections if o.status == "open"] == state["objections_open"]
        assert [o.id for o in view.objections if o.status == "handled"] == state["objections_resolved"]
        for meter in (view.trust, view.interest, view.patience):
            assert meter.low <= meter.value <= meter.high
        raised = raised or bool(view.objections)
    assert view.needs_found >= 2, "the script should find needs"
    assert raised, "the script should raise an objection"
    (objection,) = view.objections
    assert objection.status == "open" and objection.next_step in OBJECTION_STEPS
    assert objection.name == session.persona.objection(objection.id).name


def test_a_handled_objection_has_no_next_step():
    session = _session()
    for line in LINES + [
        "Here is the third-party inspection report and the full service record, in writing.",
        "Does that settle your worry about hidden defects?",
    ]:
        view = session.say(line).view
    handled = [o for o in view.objections if o.status == "handled"]
    assert handled and all(o.next_step is None for o in handled)


def test_the_view_is_frozen():
    view = _session().view
    assert isinstance(view, CustomerView)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.turn = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.trust.value = 100  # type: ignore[misc]


def test_every_shipped_need_and_objection_has_a_name_in_both_languages():
    library = default_library()
    for persona in library.personas.values():
        for item in (*persona.needs, *persona.objections):
            assert item.name is not None, f"{persona.id}: {item.id} has no name"
            assert all(item.name[lang].strip() for lang in ("zh", "en")), item.id


def test_without_a_name_the_display_name_comes_from_the_topic_or_kind():
    lines = {"zh": ["x"], "en": ["x"]}
    need = Need.from_data({"id": "n", "topic": "budget", "reveal": {"by": ["probe"]}, "says": lines})
    assert need.name is None
    assert need.display_name == {"zh": "预算方面的需求", "en": "a need about budget"}
    says = {step: {"zh": ["x"], "en": ["x"]} for step in ("raise", "cause", "accepted", "resolved")}
    objection = Objection.from_data({"id": "o", "kind": "price", "raise": {"by": ["present"]},
                                     "resolve": {"evidence": {"zh": [], "en": []}}, "says": says})
    assert objection.display_name == {"zh": "价格顾虑", "en": "a worry about the price"}


def _persona_problems(text: str) -> list[str]:
    doc, problems = parse_yaml(text.encode("utf-8"), "f.yaml")
    return [p.format() for p in problems + check_document(doc).problems]


@pytest.mark.parametrize("anchor", ["  - id: budget-cap\n", "  - id: price-gap\n"])
def test_a_name_needs_both_languages(anchor):
    assert anchor in FIXTURE_PERSONA
    both = FIXTURE_PERSONA.replace(anchor, anchor + "    name: {zh: 预算, en: the budget}\n", 1)
    assert _persona_problems(both) == []
    only_zh = FIXTURE_PERSONA.replace(anchor, anchor + "    name: {zh: 预算}\n", 1)
    assert any("missing the 'en' translation (missing-translation)" in p for p in _persona_problems(only_zh))
