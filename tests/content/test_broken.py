"""Every file in ``broken/`` is validated beside the valid ``fixtures/`` and must yield exactly
the problems listed for it here: file, line, column, path, message and code, in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from simkit.content import CODES, load_library, validate_paths
from simkit.content.yamlsource import MAX_BYTES
from simkit.errors import ContentError

HERE = Path(__file__).parent
BROKEN = HERE / "broken"

# Problems of each broken file (and of fixture files it clashes with), as `simkit validate` prints them.
EXPECTED: dict[str, list[str]] = {
    'alias-bomb.yaml': [
        'broken/alias-bomb.yaml:7:36: aliases expand to more than 100000 nodes: document too large (too-many-aliases)',
    ],
    'bad-availability.yaml': [
        'broken/bad-availability.yaml:16:18: facts.quote.value: expected a number, got a string (wrong-type)',
        "broken/bad-availability.yaml:33:76: objections[0].resolve.figure.fact: the figure computes with the fact 'saving', which holds no number; write it as {value: ..., zh: ..., en: ...} (not-numeric)",
        "broken/bad-availability.yaml:33:91: objections[0].resolve.figure.shows: unknown direction 'fewer'; expected one of: less, more (invalid-value)",
        "broken/bad-availability.yaml:55:42: lines.time_booked.en[0]: unknown placeholder {when}: not a fact or profile key of persona 'bad-availability' (unknown-placeholder)",
        "broken/bad-availability.yaml:57:13: availability[0].days[0]: unknown weekday 'saturday'; expected one of: mon, tue, wed, thu, fri, sat, sun (invalid-value)",
        'broken/bad-availability.yaml:57:41: availability[0].to: expected a time of day as a string "HH:MM", got the number 1110; put it in quotes if you mean text (wrong-type)',
        'broken/bad-availability.yaml:58:38: availability[1].to: the window closes (09:00) before it opens (18:00) (invalid-window)',
        "broken/bad-availability.yaml:59:36: negotiation.target: the target names the fact 'budgett', which the persona does not have; did you mean 'budget'? (unknown-fact)",
        "broken/bad-availability.yaml:59:52: negotiation.limit: the limit computes with the fact 'saving', which holds no number; write it as {value: ..., zh: ..., en: ...} (not-numeric)",
    ],
    'bad-id.yaml': [
        "broken/bad-id.yaml:3:5: id: 'Bad_Id' is not valid: use lowercase words joined by '-' ending in a version, like 'showroom-family-suv-v1' (invalid-id)",
        "broken/bad-id.yaml:7:10: channel: unknown channel 'shworoom'; did you mean 'showroom'? (invalid-value)",
        "broken/bad-id.yaml:14:9: goal.kind: unknown goal kind 'drive'; did you mean 'test_drive'? (invalid-value)",
    ],
    'bad-variants.yaml': [
        "broken/bad-variants.yaml:9:10: weekday: unknown weekday 'saturday'; expected one of: mon, tue, wed, thu, fri, sat, sun (invalid-value)",
        "broken/bad-variants.yaml:16:13: variants[0].facts.budgett: unknown fact 'budgett' in persona 'wang-lei'; did you mean 'budget'? (unknown-fact)",
        'broken/bad-variants.yaml:17:53: variants[0].availability[0].to: expected a time of day as a string "HH:MM", got the number 720; put it in quotes if you mean text (wrong-type)',
        "broken/bad-variants.yaml:18:24: variants[0].objections_first[0]: unknown objection 'price-gapp' in persona 'wang-lei'; did you mean 'price-gap'? (unknown-objection)",
        "broken/bad-variants.yaml:19:18: variants[0].importance.comute: unknown need 'comute' in persona 'wang-lei'; did you mean 'commute'? (unknown-need)",
        "broken/bad-variants.yaml:20:27: variants[0].goal_needs[1]: unknown need 'budget-cat' in persona 'wang-lei'; did you mean 'budget-cap'? (unknown-need)",
        "broken/bad-variants.yaml:21:9: variants[1].id: duplicate variant id 'early' (first at variants[0]) (duplicate-id)",
    ],
    'binary-junk.yaml': [
        'broken/binary-junk.yaml:3:1: not a text file: NUL byte at byte offset 8 (binary-file)',
    ],
    'control-character.yaml': [
        'broken/control-character.yaml:3:15: control character U+0007 is not allowed in YAML (invalid-character)',
    ],
    'deep-need-without-probe.yaml': [
        "broken/deep-need-without-probe.yaml:22:18: needs[1].reveal.by: deep need 'commute' is revealed only by a probe, but reveal.by has no 'probe' (unrevealable-need)",
        "broken/deep-need-without-probe.yaml:22:71: needs[1].reveal.min_trust: need 'commute' can never be revealed: min_trust 120 is above the highest trust, 100 (unrevealable-need)",
    ],
    'deep-nesting.yaml': [
        'broken/deep-nesting.yaml:3:71: collections nested more than 64 levels deep (too-deep)',
    ],
    'duplicate-id.yaml': [
        "broken/duplicate-id.yaml:3:5: id: duplicate persona id 'wang-lei': also in fixtures/personas/wang-lei.yaml:4 (duplicate-id)",
        "broken/duplicate-id.yaml:19:9: needs[1].id: duplicate need id 'budget-cap' (first at needs[0], line 14) (duplicate-id)",
        "fixtures/personas/wang-lei.yaml:4:5: id: duplicate persona id 'wang-lei': also in broken/duplicate-id.yaml:3 (duplicate-id)",
    ],
    'duplicate-key.yaml': [
        "broken/duplicate-key.yaml:10:34: traits.patience: duplicate key 'patience' (first at line 10, column 10) (duplicate-key)",
    ],
    'empty.yaml': [
        'broken/empty.yaml:1:1: the file is empty (empty-file)',
    ],
    'goal-unknown-need.yaml': [
        "broken/goal-unknown-need.yaml:15:55: goal.requires.needs[0]: unknown need 'budget-capp' in persona 'wang-lei'; did you mean 'budget-cap'? (unknown-need)",
        "broken/goal-unknown-need.yaml:15:91: goal.requires.objections[0]: unknown objection 'trade-in' in persona 'wang-lei' (unknown-objection)",
    ],
    'missing-reaction-line.yaml': [
        "broken/missing-reaction-line.yaml:36:3: lines: missing required reaction line 'leave' (missing-line)",
        "broken/missing-reaction-line.yaml:47:3: lines.ignord: unknown field 'ignord'; did you mean 'ignored'? (unknown-field)",
    ],
    'missing-translation.yaml': [
        "broken/missing-translation.yaml:4:7: name: missing the 'en' translation (missing-translation)",
        "broken/missing-translation.yaml:5:31: summary.en: the 'en' translation is empty (missing-translation)",
        "broken/missing-translation.yaml:36:26: lines.greet.en: no 'en' lines: give at least one (missing-translation)",
    ],
    'multiple-documents.yaml': [
        'broken/multiple-documents.yaml:3:1: more than one YAML document in the file; keep one per file (multiple-documents)',
    ],
    'non-utf8.yaml': [
        'broken/non-utf8.yaml:4:26: not valid UTF-8: byte 0xe9 at byte offset 89; save the file as UTF-8 (not-utf8)',
    ],
    'objection-no-evidence.yaml': [
        "broken/objection-no-evidence.yaml:28:17: objections[0].raise.by: objection 'price-gap' is never raised: raise.by is empty (unraisable-objection)",
        "broken/objection-no-evidence.yaml:29:44: objections[0].resolve.evidence.en: objection 'price-gap' can never be resolved in 'en': no evidence cues (unresolvable-objection)",
    ],
    'out-of-range.yaml': [
        'broken/out-of-range.yaml:10:30: traits.trust: must be between 0 and 100, got 150 (out-of-range)',
        'broken/out-of-range.yaml:10:45: traits.interest: must be between 0 and 100, got -1 (out-of-range)',
        'broken/out-of-range.yaml:16:17: needs[0].importance: must be between 1 and 3, got 5 (out-of-range)',
    ],
    'python-tag.yaml': [
        'broken/python-tag.yaml:8:11: profile.budget: YAML tag !!python/object/apply:os.system is not supported; remove it (unsupported-tag)',
    ],
    'recursive-alias.yaml': [
        'broken/recursive-alias.yaml:3:23: alias *facts refers to a collection that contains it (recursive-alias)',
    ],
    'syntax-error.yaml': [
        "broken/syntax-error.yaml:5:7: did not find expected ',' or ']' (while parsing a flow sequence at line 4, column 8) (yaml-syntax)",
    ],
    'tab-indentation.yaml': [
        'broken/tab-indentation.yaml:4:1: tab character in indentation or between tokens; YAML needs spaces (yaml-syntax)',
    ],
    'top-level-list.yaml': [
        'broken/top-level-list.yaml:2:1: the top level must be a mapping (kind: persona or kind: scenario), got a list (not-a-mapping)',
    ],
    'unknown-field-typo.yaml': [
        "broken/unknown-field-typo.yaml:5:1: sumary: unknown field 'sumary'; did you mean 'summary'? (unknown-field)",
        "broken/unknown-field-typo.yaml:17:5: needs[0].dept: unknown field 'dept'; did you mean 'depth'? (unknown-field)",
    ],
    'unknown-kind.yaml': [
        "broken/unknown-kind.yaml:2:7: kind: unknown kind 'persna'; did you mean 'persona'? (unknown-kind)",
    ],
    'unknown-persona.yaml': [
        "broken/unknown-persona.yaml:6:10: persona: unknown persona 'wang-lie'; did you mean 'wang-lei'? (unknown-persona)",
    ],
    'unknown-placeholder.yaml': [
        "broken/unknown-placeholder.yaml:18:38: needs[0].says.en[0]: unknown placeholder {budgt}: not a fact or profile key of persona 'unknown-placeholder'; did you mean 'budget'? (unknown-placeholder)",
        'broken/unknown-placeholder.yaml:49:33: lines.not_ready.en[0]: placeholder {} must be a plain {name} (invalid-placeholder)',
    ],
    'unknown-technique.yaml': [
        "broken/unknown-technique.yaml:17:19: needs[0].reveal.by[0]: unknown technique 'opne_question'; did you mean 'open_question'? (unknown-technique)",
    ],
    'unknown-topic.yaml': [
        "broken/unknown-topic.yaml:20:12: needs[1].topic: unknown topic 'usag'; did you mean 'usage'? (unknown-topic)",
        "broken/unknown-topic.yaml:22:43: needs[1].reveal.topics[1]: unknown topic 'weather'; expected one of: budget, usage, family, current_car, timeline, preference, finance, trade_in, decision_maker, competitor, concern, contact (unknown-topic)",
    ],
    'unreachable-ask.yaml': [
        'broken/unreachable-ask.yaml:11:42: asks[0].turn: asked at turn 30, after the last turn (max_turns: 12) (unreachable-ask)',
    ],
    'whitespace-only.yaml': [
        'broken/whitespace-only.yaml:1:1: the file holds no YAML content, only whitespace or comments (empty-file)',
    ],
    'wrong-type.yaml': [
        'broken/wrong-type.yaml:10:20: traits.patience: expected a whole number, got a string (wrong-type)',
        'broken/wrong-type.yaml:22:17: needs[1].importance: expected a whole number, got the number 2.5 (wrong-type)',
    ],
}


@pytest.fixture(autouse=True)
def _in_this_folder(monkeypatch):
    monkeypatch.chdir(HERE)  # problems name files relative to here


def test_every_broken_file_has_expectations():
    assert sorted(EXPECTED) == sorted(p.name for p in BROKEN.iterdir())
    assert len(EXPECTED) >= 22


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file(name):
    problems = validate_paths([f"broken/{name}", "fixtures"])
    assert [p.format() for p in problems] == EXPECTED[name]
    assert all(p.code in CODES for p in problems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_library_raises_with_every_problem(name):
    with pytest.raises(ContentError) as caught:
        load_library([f"broken/{name}", "fixtures"])
    assert [p.format() for p in caught.value.problems] == EXPECTED[name]
    assert str(caught.value).splitlines()[0] == EXPECTED[name][0]


def test_all_broken_files_at_once_report_everything():
    # Without duplicate-id.yaml (which makes the fixture persona's id ambiguous, so scenarios
    # naming it are not followed), the problems are exactly the union of the expectations.
    names = [name for name in sorted(EXPECTED) if name != "duplicate-id.yaml"]
    problems = validate_paths([*(f"broken/{name}" for name in names), "fixtures"])
    assert [p.format() for p in problems] == [line for name in names for line in EXPECTED[name]]


def test_an_ambiguous_persona_is_not_followed():
    problems = validate_paths(["broken/duplicate-id.yaml", "broken/goal-unknown-need.yaml", "fixtures"])
    assert [p.code for p in problems] == ["duplicate-id", "duplicate-id", "duplicate-id"]


def test_file_over_the_size_limit_is_not_parsed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.yaml"
    line = b"- " + b"x" * 98 + b"\n"
    big.write_bytes(b"kind: persona\nitems:\n" + line * (5_000_000 // len(line)))
    assert big.stat().st_size > 4_900_000
    assert [p.format() for p in validate_paths(["big.yaml"])] == [
        "big.yaml:1:1: the file is 5.0 MB, over the 1 MB limit; it was not parsed (file-too-large)"
    ]


def test_file_just_under_the_limit_is_parsed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.yaml").write_bytes(b"# " + b"x" * (MAX_BYTES - 20) + b"\nkind: nothing\n")
    assert [p.format() for p in validate_paths(["ok.yaml"])] == [
        "ok.yaml:2:7: kind: unknown kind 'nothing'; expected persona, scenario or references (unknown-kind)"
    ]


def test_missing_path_and_empty_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    assert [p.format() for p in validate_paths(["nowhere.yaml", "empty"])] == [
        "empty:1:1: no *.yaml or *.yml file in this folder (no-files)",
        "nowhere.yaml:1:1: no such file or folder (no-such-path)",
    ]
