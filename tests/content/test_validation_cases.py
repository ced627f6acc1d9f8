"""The authoring mistakes a trainer made writing new customers, each with its one full message.

Every case edits a copy of the valid fixture library (a persona and a scenario) in a temporary
folder and validates the whole folder, so cross-file knock-ons would show up too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simkit.content import validate_paths

HERE = Path(__file__).parent
PERSONA = "personas/wang-lei.yaml"
SCENARIO = "scenarios/wang-lei-first-car.yaml"

CASES = {
    "a goal objection raised only after the last turn": (
        PERSONA, "raise: {by: [present, close], min_turn: 2}", "raise: {by: [present, close], min_turn: 13}",
        ["scenarios/wang-lei-first-car.yaml:14:90: goal.requires.objections[0]: the goal needs the objection "
         "'price-gap' resolved, but it is raised at turn 13 at the earliest (personas/wang-lei.yaml:29 "
         "raise.min_turn), after the last turn (max_turns: 12): the goal can never be met (dead-goal)"]),
    "a misspelt profile key": (
        PERSONA, "  budget: 150000\n", "  budgt: 150000\n",
        ["personas/wang-lei.yaml:9:3: profile.budgt: unknown field 'budgt'; did you mean 'budget'? (unknown-field)"]),
    "a profile key like none": (
        PERSONA, "  budget: 150000\n", "  hobby: golf\n",
        ["personas/wang-lei.yaml:9:3: profile.hobby: unknown field 'hobby'; known fields: age, occupation, family, "
         "budget, current_car, intent_grade; put other values in facts (unknown-field)"]),
    "an unquoted ': ' in a block value": (
        PERSONA, "  occupation: {zh: 工程师, en: engineer}\n", "  occupation:\n    zh: 工程师\n    en: engineer: civil\n",
        ["personas/wang-lei.yaml:12:17: a ': ' inside a value starts a mapping: quote this value (\"...\") "
         "(yaml-syntax)"]),
    "an unquoted ': ' in a flow mapping": (
        PERSONA, "en: \"30, buying his first car.\"}", "en: Age: 30}",
        ["personas/wang-lei.yaml:6:34: did not find expected ',' or '}' (while parsing a flow mapping at line 6, "
         "column 10); a ': ' or ',' inside a value splits it: quote this value (\"...\") (yaml-syntax)"]),
    "an unquoted ',' in a flow mapping": (
        PERSONA, "en: \"150,000 yuan\"}", "en: 150,000 yuan}",
        ["personas/wang-lei.yaml:13:29: facts.budget[\"000 yuan\"]: unknown language '000 yuan'; if it belongs to "
         "the value before it, a ',' ended that value: quote this value (\"...\") (unknown-field)"]),
    "an unquoted ': ' in a flow list of lines": (
        PERSONA, "en: [The price is fine now.]", "en: [Price: fine now.]",
        ["personas/wang-lei.yaml:35:38: objections[0].says.resolved.en[0]: expected a string, got a mapping; a ': ' "
         "inside a value starts a mapping: quote this value (\"...\") (wrong-type)"]),
    "a typo in a required field's name": (
        PERSONA, "summary:", "sumary:",
        ["personas/wang-lei.yaml:6:1: sumary: unknown field 'sumary'; did you mean 'summary'? (unknown-field)"]),
    "a bare on: instead of by:": (
        PERSONA, "raise: {by: [present, close]", "raise: {'on': [present, close]",
        ["personas/wang-lei.yaml:29:13: objections[0].raise.on: unknown field 'on'; write 'by' (YAML 1.1 reads a "
         "bare on as true) (unknown-field)"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_mistake_one_full_message(case, tmp_path, monkeypatch):
    file, old, new, expected = CASES[case]
    shutil.copytree(HERE / "fixtures", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    text = Path(file).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    Path(file).write_text(text.replace(old, new), encoding="utf-8")
    assert [p.format() for p in validate_paths(["personas", "scenarios"])] == expected


def test_a_persona_with_a_syntax_error_gives_no_unknown_persona_in_its_scenarios(tmp_path, monkeypatch):
    shutil.copytree(HERE / "fixtures", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    text = Path(PERSONA).read_text(encoding="utf-8")
    Path(PERSONA).write_text(text.replace("    topic: usage\n", "    topic: usage\n  bad: [\n"), encoding="utf-8")
    problems = validate_paths(["personas", "scenarios"])
    assert [p.code for p in problems] == ["yaml-syntax"]
    assert problems[0].file == PERSONA
