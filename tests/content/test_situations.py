"""The seeds' situations in files: roles, the new goal kinds, the second decision maker, ``show``.

Each case edits a copy of the valid fixture library (as tests/content/test_validation_cases.py
does) and asserts the whole folder's messages in full; the loading cases check what the model reads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simkit.content import load_library, validate_paths

HERE = Path(__file__).parent
PERSONA = "personas/wang-lei.yaml"
SCENARIO = "scenarios/wang-lei-first-car.yaml"
GOAL = "goal:\n  kind: test_drive\n"
REQUIRES = "requires: {min_trust: 50, min_interest: 50, needs: [budget-cap, commute], objections: [price-gap]}"
SELLER = ("role: seller\nnegotiation: {side: seller, about: trade_in, target: 95000, limit: 86000}\n")
DECISION_MAKER = """decision_maker:
  who: {zh: 我太太, en: my wife}
  cares_about: {zh: 后排空间, en: rear space}
  says: {zh: [这事得我太太点头。], en: ["My wife has the final say."]}
  involve: {zh: [行，周末我带她来。], en: ["Sure, I'll bring her at the weekend."]}
"""

CASES = {
    "a seller without a stance on his car": (
        [(PERSONA, "kind: persona\n", "kind: persona\nrole: seller\n")],
        ["personas/wang-lei.yaml:4:7: role: role 'seller' needs the customer's stance on his car: negotiation: "
         "{side: seller, about: trade_in, target: ..., limit: ...} (needs-negotiation)"]),
    "an unknown role": (
        [(PERSONA, "kind: persona\n", "kind: persona\nrole: vendor\n")],
        ["personas/wang-lei.yaml:4:7: role: unknown role 'vendor'; expected one of: buyer, seller, both (invalid-value)"]),
    "a valuation goal with a buying persona": (
        [(SCENARIO, GOAL, "goal:\n  kind: valuation_agreed\n")],
        ["scenarios/wang-lei-first-car.yaml:13:9: goal.kind: the goal 'valuation_agreed' needs persona 'wang-lei' "
         "to have negotiation: {side: seller, about: trade_in, target: ..., limit: ...} (needs-negotiation)"]),
    "a decision maker the persona does not have": (
        [(SCENARIO, "objections: [price-gap]}", "objections: [price-gap], decision_maker: involved}")],
        ["scenarios/wang-lei-first-car.yaml:14:118: goal.requires.decision_maker: the goal requires the second "
         "decision maker, but persona 'wang-lei' declares no decision_maker: {who, cares_about, says, involve} "
         "(needs-decision-maker)"]),
    "a decision maker without what the customer says": (
        [(PERSONA, "kind: persona\n", "kind: persona\ndecision_maker: {who: {zh: 我太太, en: my wife}}\n")],
        ["personas/wang-lei.yaml:4:17: decision_maker: missing required field 'cares_about' (missing-field)",
         "personas/wang-lei.yaml:4:17: decision_maker: missing required field 'involve' (missing-field)",
         "personas/wang-lei.yaml:4:17: decision_maker: missing required field 'says' (missing-field)"]),
    "within_hours on a goal that books no time": (
        [(SCENARIO, GOAL, "goal:\n  kind: deposit\n  within_hours: 24\n")],
        ["scenarios/wang-lei-first-car.yaml:14:17: goal.within_hours: within_hours needs a goal that books a time; "
         "'deposit' books none here (set books_time: true) (invalid-goal)"]),
    "a complaint to recover that names no complaint": (
        [(SCENARIO, GOAL, "goal:\n  kind: complaint_recovered\n"),
         (SCENARIO, REQUIRES, "requires: {min_trust: 50}")],
        ["scenarios/wang-lei-first-car.yaml:13:9: goal.kind: complaint_recovered needs the complaint in "
         "requires.objections (an objection of kind complaint: acknowledged, its cause told, the cause explained, "
         "confirmed) (invalid-goal)"]),
    "proof that must be seen, on the phone": (
        [(SCENARIO, "channel: showroom", "channel: phone"),
         (PERSONA, "resolve: {evidence:", "resolve: {show: true, evidence:")],
        ["scenarios/wang-lei-first-car.yaml:14:90: goal.requires.objections[0]: the goal needs the objection "
         "'price-gap' resolved, but its proof must be seen (resolve.show: true) and a phone customer cannot see the "
         "car: the goal can never be met (use channel showroom or video, or drop show) (dead-goal)"]),
    "an alternative that books no time": (
        [(SCENARIO, GOAL, "goal:\n  kind: test_drive\n  also: [visit, deposit]\n")],
        ["scenarios/wang-lei-first-car.yaml:14:17: goal.also[1]: 'deposit' books no time and the goal 'test_drive' "
         "does: the kinds in also must book a time exactly when the goal does (invalid-goal)"]),
    "a clock without quotes": (
        [(SCENARIO, "max_turns: 12\n", "max_turns: 12\nclock: 16:00\n")],
        ["scenarios/wang-lei-first-car.yaml:12:8: clock: expected a time of day as a string \"HH:MM\", got the number "
         "960; put it in quotes if you mean text (wrong-type)"]),
}


def _edit(tmp_path, monkeypatch, edits):
    shutil.copytree(HERE / "fixtures", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    for file, old, new in edits:
        text = Path(file).read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        Path(file).write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_situation_mistake_one_full_message(case, tmp_path, monkeypatch):
    edits, expected = CASES[case]
    _edit(tmp_path, monkeypatch, edits)
    assert [p.format() for p in validate_paths(["personas", "scenarios"])] == expected


def test_a_seller_with_a_decision_maker_and_a_valuation_goal_loads(tmp_path, monkeypatch):
    _edit(tmp_path, monkeypatch, [
        (PERSONA, "kind: persona\n", "kind: persona\n" + SELLER + DECISION_MAKER),
        (SCENARIO, GOAL, "clock: \"16:30\"\ngoal:\n  kind: valuation_agreed\n"),
        (SCENARIO, "objections: [price-gap]}", "objections: [price-gap], decision_maker: asked}"),
    ])
    assert [p.format() for p in validate_paths(["personas", "scenarios"])] == []
    library = load_library(["personas", "scenarios"])
    persona, scenario = library.persona("wang-lei"), library.scenario("wang-lei-first-car-v1")
    assert (persona.role, persona.decision_maker.who["en"], persona.decision_maker.reveal_by[0]) == \
        ("seller", "my wife", "open_question")
    goal = scenario.goal
    assert (goal.kind, goal.valuation, goal.decision_maker, goal.books_time, scenario.clock) == \
        ("valuation_agreed", "agreed", "asked", False, 990)


@pytest.mark.parametrize(("kind", "books", "within"), [
    ("inspection_booked", True, None), ("callback", True, None), ("quote_meeting", True, None),
    ("complaint_recovered", True, 24), ("reactivated", False, None), ("valuation_agreed", False, None),
])
def test_each_new_goal_kind_books_a_time_by_its_default(kind, books, within, tmp_path, monkeypatch):
    edits = [(SCENARIO, GOAL, f"goal:\n  kind: {kind}\n")]
    if kind == "valuation_agreed":
        edits.append((PERSONA, "kind: persona\n", "kind: persona\n" + SELLER))
    _edit(tmp_path, monkeypatch, edits)
    assert [p.format() for p in validate_paths(["personas", "scenarios"])] == []
    goal = load_library(["personas", "scenarios"]).scenario("wang-lei-first-car-v1").goal
    assert (goal.books_time, goal.within_hours, goal.display_name["en"] != kind) == (books, within, True)
