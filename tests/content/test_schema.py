"""The declarative schema: messages for small snippets, and the exported JSON Schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from simkit.content import json_schema
from simkit.content.checks import CHECKS, run_checks
from simkit.content.formats import upgrade
from simkit.content.problems import CODES
from simkit.content.schema import KINDS, PERSONA, SCENARIO, check_document
from simkit.content.schema_types import Record
from simkit.content.yamlsource import parse_yaml, read_yaml
from simkit.errors import UnknownIdError

HERE = Path(__file__).parent
REPO = HERE.parent.parent
VALID = sorted([*(REPO / "scenarios").rglob("*.yaml"), *(HERE / "fixtures").rglob("*.yaml")])
FIXTURE_PERSONA = (HERE / "fixtures/personas/wang-lei.yaml").read_text(encoding="utf-8")
FIXTURE_SCENARIO = (HERE / "fixtures/scenarios/wang-lei-first-car.yaml").read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    doc, problems = parse_yaml(text.encode("utf-8"), "f.yaml")
    documents = [check_document(doc)] if doc else []
    problems += [p for d in documents for p in d.problems] + run_checks(documents)
    return [p.format() for p in sorted(problems)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  filler: {zh: [嗯。], en: [Okay.]}", "  filler: {zh: [嗯。], en: [No]}",
         "f.yaml:38:27: lines.filler.en[0]: expected a string, got the boolean false; put it in quotes if you mean text (wrong-type)"),
        ("  filler: {zh: [嗯。], en: [Okay.]}", "  filler: {zh: [嗯。], en: [Okay.], eng: [Okay.]}",
         "f.yaml:38:35: lines.filler.eng: unknown language 'eng'; did you mean 'en'? (unknown-field)"),
        ("  filler: {zh: [嗯。], en: [Okay.]}", "  filler: {zh: [嗯。], en: ['  ']}",
         "f.yaml:38:27: lines.filler.en[0]: empty line (empty-text)"),
        ("  filler: {zh: [嗯。], en: [Okay.]}", "  filler: {zh: [嗯。], en: Okay.}",
         "f.yaml:38:26: lines.filler.en: expected a list of 'en' lines, got a string (wrong-type)"),
        ("name: {zh: 王磊, en: Wang Lei}", "name: Wang Lei",
         "f.yaml:5:7: name: expected bilingual text {zh: ..., en: ...}, got a string (wrong-type)"),
        ("raise: {by: [present, close], min_turn: 2}", "raise: {'on': [present, close], min_turn: 2}",
         "f.yaml:29:13: objections[0].raise.on: unknown field 'on'; write 'by' (YAML 1.1 reads a bare on as true) (unknown-field)"),
        ('en: ["My budget is {budget}."]', 'en: ["My budget is {budget."]',
         "f.yaml:19:38: needs[0].says.en[0]: bad braces (expected '}' before end of string); write {{ and }} for literal braces (invalid-placeholder)"),
        ('en: ["My budget is {budget}."]', 'en: ["My budget is {budget:>9}."]',
         "f.yaml:19:38: needs[0].says.en[0]: placeholder {budget:>9} must be a plain {name} (invalid-placeholder)"),
        ("  budget: {zh: 十五万, en: \"150,000 yuan\"}", "  budget: [1, 2]",
         "f.yaml:13:11: facts.budget: expected a number, a string or bilingual text {zh: ..., en: ...}, got a list (wrong-type)"),
        ("  budget: {zh: 十五万, en: \"150,000 yuan\"}", "  budget: {zh: 十五万, en: \"150,000 yuan\"}\n  two words: x",
         "f.yaml:14:3: facts[\"two words\"]: key 'two words' is not valid: use letters, digits and '_' (lines refer to it as {name}) (invalid-id)"),
        ("needs:\n", "needs: []\nx:\n",
         "f.yaml:14:8: needs: needs at least 1 item (invalid-value)"),
    ],
)
def test_persona_snippets(old, new, expected):
    assert old in FIXTURE_PERSONA
    assert expected in _problems(FIXTURE_PERSONA.replace(old, new, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kind: [persona]\n", ["f.yaml:1:7: kind: expected persona, scenario or references, got a list (wrong-type)"]),
        ("id: x\n", ["f.yaml:1:1: missing required field 'kind' (persona, scenario or references) (missing-field)"]),
        ("kind: scenari\n", ["f.yaml:1:7: kind: unknown kind 'scenari'; did you mean 'scenario'? (unknown-kind)"]),
    ],
)
def test_kind(text, expected):
    assert _problems(text) == expected


def test_scoring_is_checked_by_the_rubric_with_positions():
    text = FIXTURE_SCENARIO.replace("max_turns: 12\n", "max_turns: 12\nscoring:\n  required: [greting]\n  threshold: 120\n")
    problems = [p for p in _problems(text) if "scoring" in p]
    assert problems == [
        "f.yaml:13:14: scoring.required[0]: unknown behaviour 'greting'; did you mean 'greeting'? (unknown-behaviour)",
        "f.yaml:14:14: scoring.threshold: must be between 0 and 100, got 120 (out-of-range)",
    ]


def test_valid_files_have_no_schema_problems():
    for path in VALID:
        doc, problems = read_yaml(path)
        assert problems + check_document(doc).problems == [], path


def _records(record: Record, path: str = ""):
    yield path, record
    for field in record.fields:
        if isinstance(field.type, Record):
            yield from _records(field.type, f"{path}.{field.name}")
        elif isinstance(getattr(field.type, "item", None), Record):
            yield from _records(field.type.item, f"{path}.{field.name}[]")


@pytest.mark.parametrize("record", [PERSONA, SCENARIO], ids=["persona", "scenario"])
def test_every_field_is_described(record):
    undocumented = [f"{path}.{f.name}" for path, r in _records(record) for f in r.fields
                    if not f.description and r.description != "Reaction lines every persona needs, in every language."]
    assert undocumented == []


def test_checks_document_their_codes_with_failing_and_passing_yaml():
    for check in CHECKS:
        doc = check.__doc__ or ""
        assert "Fails" in doc and "Passes" in doc, check.__name__
        codes = [code for code in CODES if f"``{code}``" in doc]
        assert codes, check.__name__


def test_unknown_kind_for_json_schema():
    with pytest.raises(UnknownIdError, match="unknown kind 'robot'"):
        json_schema("robot")


jsonschema = pytest.importorskip("jsonschema")


@pytest.mark.parametrize("kind", [None, *KINDS])
def test_json_schema_is_valid_draft_2020_12(kind):
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_files_pass_the_json_schema(path):
    data = read_yaml(path)[0].data
    upgrade(data)  # the JSON Schema describes the current format; an older file passes once migrated
    for kind in (None, data["kind"]):
        errors = list(jsonschema.Draft202012Validator(json_schema(kind)).iter_errors(data))
        assert [e.message for e in errors] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("by: [open_question, probe]", "by: [opne_question, probe]"),
        ("name: {zh: 王磊, en: Wang Lei}", "name: {zh: 王磊}"),
        ("trust: 30", "trust: 150"),
        ("summary:", "sumary:"),
        ("  leave: {zh: [我走了。], en: [Bye.]}\n", ""),
        ("kind: persona", "kind: persna"),
    ],
)
def test_json_schema_rejects_what_validation_rejects(old, new):
    data = parse_yaml(FIXTURE_PERSONA.replace(old, new, 1).encode(), "f.yaml")[0].data
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(data)
    assert not jsonschema.Draft202012Validator(json_schema("persona")).is_valid(data)
