"""The parts of a certification run that need no kernel: collecting hand-ins, copied lines, codes, words."""

from __future__ import annotations

import zipfile

import nbformat
import pytest

from simkit.certify import certificate, collect
from simkit.certify.assignment import load_rules, notebook_file, render
from simkit.certify.conversations import normalise, similar_pairs
from simkit.certify.words import REVIEW


def test_the_exam_notebooks_are_built_from_module_yaml():
    for path, text in render().items():
        assert path.read_text(encoding="utf-8") == text, f"{path}: run python -m simkit.certify.assignment"
        nb = nbformat.reads(text, as_version=4)
        assert "import" not in nb.cells[1].source  # a grading kernel starts in well under a second


def test_exam_rules_are_read_and_tiers_need_every_conversation():
    rules = load_rules()
    assert rules.notebook_weight + rules.conversation_weight == 100
    assert rules.tier_of(95, conversations_ok=True) == "distinction"
    assert rules.tier_of(80, conversations_ok=True) == "merit"
    assert rules.tier_of(60, conversations_ok=True) == "pass"
    assert rules.tier_of(59.9, conversations_ok=True) == "fail"
    assert rules.tier_of(100, conversations_ok=False) == "fail"


def test_every_review_code_has_both_languages():
    for code, (zh, en) in REVIEW.items():
        assert zh.strip() and en.strip() and zh != en, code


@pytest.mark.parametrize("content, problem", [
    (None, "notebook-missing"), (b"", "notebook-empty"), (b"  \n", "notebook-empty"),
    (b"not {json", "notebook-not-json"), (b"\xff\xfe", "notebook-not-json"), (b'{"cells": 3}', "notebook-invalid"),
    (nbformat.writes(nbformat.v4.new_notebook()).encode(), None),
])
def test_notebooks_nbgrader_cannot_open_are_found_first(tmp_path, content, problem):
    path = tmp_path / "a.ipynb"
    if content is not None:
        path.write_bytes(content)
    assert collect.notebook_problem(path) == problem


def test_a_zip_is_unpacked_safely_and_bad_ids_are_skipped(tmp_path):
    archive = tmp_path / "cohort.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("cohort/alice/certification-en.ipynb", "{}")
        zf.writestr("cohort/alice/exam.json", "{}")
        zf.writestr("cohort/../../escape.txt", "x")
        zf.writestr("/abs.txt", "x")
        zf.writestr("cohort/bad id!/certification-en.ipynb", "{}")
    found, warnings = collect.collect(tmp_path / "course", "certification-en", cohort=archive)
    assert [s.trainee for s in found] == ["alice"]
    assert [p.name for p in found[0].transcripts] == ["exam.json"]
    assert found[0].problem == "notebook-invalid"
    assert any("bad id!" in w for w in warnings)
    assert not (tmp_path / "escape.txt").exists() and not list(tmp_path.rglob("abs.txt"))
    again, _ = collect.collect(tmp_path / "course", "certification-en", cohort=archive)
    assert again[0].digest == found[0].digest


def test_lines_copied_between_trainees_are_found_but_common_phrases_are_not():
    script = [f"Line number {n} of a conversation that matters" for n in range(10)]
    lines = {("a", "s"): script, ("b", "s"): [line.upper() + "!" for line in script],
             ("c", "s"): script[:3] + [f"Something else entirely {n}" for n in range(7)],
             ("d", "t"): script}
    assert similar_pairs(lines) == {"a": {"b"}, "b": {"a"}}
    assert normalise("Hi, THERE!  ok") == normalise("hi there ok")


def test_lines_copied_with_a_word_changed_here_and_there_are_found():
    script = ["What brings you in today, and what are you driving now?",
              "You mentioned the kids; how often is the third row needed?",
              "I understand, nobody wants to pay for options they never use.",
              "Here is the written quote with every fee itemised.",
              "Would Saturday at ten suit you and your wife for a test drive?"]
    edited = ["What brings you in today, and what do you drive now?",
              "You mentioned the kids; how often is the third row used?",
              "I understand, nobody wants to pay for extras they never use.",
              "Here is the printed quote with every fee itemised.",
              "Would Saturday at eleven suit you and your wife for a test drive?"]
    zh = ["您好，今天主要想看看什么车型呢？", "您刚才说孩子刚上小学，平时接送路远吗？", "我理解，谁都不想多花冤枉钱。",
          "这是我们的书面报价，每一项费用都列清楚了。", "那这周六上午十点，您和爱人一起来试驾好吗？"]
    zh_edited = [line.replace("十点", "十一点").replace("车型", "车").replace("列清楚", "写清楚") for line in zh]
    honest = ["Hi there, what can I help you with?", "How many people usually ride with you?",
              "That sounds frustrating, tell me more.", "Our service plan covers the first three years.",
              "Can I book you in for a drive on Friday afternoon?"]
    lines = {("a", "s"): script, ("b", "s"): edited, ("c", "s"): honest,
             ("d", "z"): zh, ("e", "z"): zh_edited, ("f", "z"): zh[:2] + ["完全不同的一句话，我们聊聊别的吧。"] * 3}
    assert similar_pairs(lines) == {"a": {"b"}, "b": {"a"}, "d": {"e"}, "e": {"d"}}


def test_certificate_codes_bind_what_the_certificate_says():
    record = {"exam_id": "e", "trainee": "t", "name": "N", "tier": "merit", "total": 80.0, "digest": "d"}
    code = certificate.code_for(record, key=b"k" * 32)
    assert certificate.CODE.fullmatch(code)
    assert code != certificate.code_for({**record, "tier": "distinction"}, key=b"k" * 32)
    assert code != certificate.code_for(record, key=b"j" * 32)
    page = certificate.render({**record, "code": code, "date": "2026-05-04", "name": "<b>x</b>"})
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_stock_phrases_said_by_much_of_the_cohort_are_not_copying():
    stock = ["What brings you in today?", "What budget do you have in mind?", "How many seats do you need?",
             "Would Saturday at ten work for a test drive?", "Let me show you the seven-seat version.",
             "Here is the crash test report.", "Does that settle your worry about safety?"]
    lines = {(f"t{n}", "s"): stock + [f"My own closing line number {n} for this customer"] for n in range(12)}
    assert similar_pairs(lines) == {}
    lines[("cheat", "s")] = lines[("t3", "s")][:-1] + ["My own closing line number 3 for this client"]
    # The own lines differ by a digit, so a dozen trainees say near copies of each: stock phrases too.
    assert similar_pairs(lines) == {}


def test_lines_the_course_taught_everyone_are_not_copying():
    from simkit.certify.conversations import taught_lines
    from tests.certify.cohort import LINES, SHOWROOM

    taught = taught_lines()
    course = LINES["A"][SHOWROOM]  # the first module's worked solution
    assert all(normalise(line) in taught for line in course)
    lines = {("a", "s"): course, ("b", "s"): ["Well, " + line for line in course]}
    assert similar_pairs(lines) == {"a": {"b"}, "b": {"a"}}
    assert similar_pairs(lines, taught) == {}


def test_a_new_gradebook_is_stamped_with_the_revision_alembic_heads_gives(tmp_path):
    import os
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    from nbgrader.dbutil import _temp_alembic_ini

    from simkit.certify import layout
    from simkit.course.assignments import alembic_head

    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    with _temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:  # what nbgrader runs for it
        heads = subprocess.check_output(["alembic", "-c", ini, "heads"], env=env).decode().split()[0]
    assert alembic_head() == heads
    layout.lay_out(tmp_path)
    layout.generate(tmp_path, "certification-en")
    with sqlite3.connect(tmp_path / "gradebook.db") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(heads,)]


def test_the_exam_tests_are_checked_again_on_the_answers_plain_values():
    from simkit.certify.checks import free_names, recheck
    from simkit.grading import AnswerError

    tests = {c.metadata["nbgrader"]["grade_id"]: c.source
             for c in nbformat.read(notebook_file("en"), as_version=4).cells
             if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")}
    assert {gid: free_names(source) for gid, source in tests.items()} == {
        "late-leads-test": ["late"], "open-choice-test": ["open_choice"], "quote-total-test": ["quote_total"]}
    recheck(tests["late-leads-test"], {"late": [1, 4]})
    recheck(tests["open-choice-test"], {"open_choice": 3})
    recheck(tests["quote-total-test"], {"quote_total": 125750})
    for gid, wrong in (("late-leads-test", {"late": [4]}), ("open-choice-test", {"open_choice": 1}),
                       ("quote-total-test", {"quote_total": 125000}), ("open-choice-test", {"open_choice": 3.0})):
        with pytest.raises(AssertionError):
            recheck(tests[gid], wrong)
    with pytest.raises(AnswerError):
        recheck(tests["late-leads-test"], {"late": "[1, 4]"})
    assert free_names("%time x = 1") is None  # not plain Python: left to the kernel
    assert free_names("import a.b\nfrom c import d as e\nf = [g for g in h]\nprint(a, e, f, i)") == ["h", "i"]


def test_cell_metadata_is_validated_as_jsonschema_does_with_the_schema_checked_once():
    import copy

    from jsonschema import ValidationError, validate
    from nbgrader.nbgraderformat import MetadataValidator, common

    from simkit.course.assignments import _check_schemas_once

    _check_schemas_once()
    _check_schemas_once()  # installed once, whoever asks
    assert type(common.jsonschema).__name__ == "_SchemaOnce" and type(common.jsonschema._jsonschema).__name__ == "module"
    schema = MetadataValidator().schema
    good = {"schema_version": 3, "grade": True, "solution": False, "locked": True, "points": 3, "grade_id": "t",
            "task": False}
    bad = [{**good, "points": "three"}, {**good, "grade_id": 5}, {**good, "grade": "yes"}, {**good, "extra": 1}]
    common.jsonschema.validate(copy.deepcopy(good), schema)
    validate(copy.deepcopy(good), schema)
    for meta in bad:
        with pytest.raises(ValidationError) as ours:
            common.jsonschema.validate(copy.deepcopy(meta), schema)
        with pytest.raises(ValidationError) as theirs:
            validate(copy.deepcopy(meta), schema)
        assert str(ours.value) == str(theirs.value)
    assert len(common.jsonschema._validators) == 1
