"""Every course notebook is current, pairs zh with en, runs, and grades honestly (nbgrader, real kernels)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbgrader.validator import Validator

from simkit.course import assignments
from simkit.course.build import module_folders, notebook_path, render
from simkit.labels import LANGS
from tests.course.notebooks import errors, execute, graded_ids, place_solutions

MODULES = module_folders()
CASES = [(folder, lang) for folder in MODULES for lang in LANGS]


def _ids(case):
    return f"{case[0].name}-{case[1]}" if isinstance(case, tuple) else None


def test_the_course_has_modules():
    assert [m.name for m in MODULES][:1] == ["01-getting-started"]


@pytest.mark.parametrize("folder", MODULES, ids=lambda f: f.name)
def test_notebooks_are_built_from_module_yaml(folder):
    for path, text in render(folder).items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is out of date: run python -m simkit.course.build"


def _shape(nb):
    return [(c.cell_type, c.metadata["nbgrader"]["grade_id"], c.metadata["nbgrader"].get("points"),
             c.metadata["nbgrader"]["grade"], c.metadata["nbgrader"]["solution"], c.metadata["nbgrader"]["locked"])
            for c in nb.cells]


@pytest.mark.parametrize("folder", MODULES, ids=lambda f: f.name)
def test_zh_and_en_have_the_same_cells_grade_ids_and_points(folder):
    zh, en = (nbformat.read(notebook_path(folder, lang), as_version=4) for lang in ("zh", "en"))
    assert _shape(zh) == _shape(en)
    assert len(graded_ids(zh)) >= 2
    assert any(c.cell_type == "markdown" and c.metadata["nbgrader"]["grade"] for c in zh.cells), "a reflection"
    assert all(c.metadata.get("simkit", {}).get("rubric") for c in zh.cells
               if c.cell_type == "markdown" and c.metadata["nbgrader"]["grade"])


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_source_notebook_runs_and_passes_every_test(case, tmp_path):
    folder, lang = case
    place_solutions(folder, lang, tmp_path)
    nb = execute(notebook_path(folder, lang), tmp_path)
    assert errors(nb) == {}


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """The nbgrader course laid out from courses/ and every release version generated."""
    root = tmp_path_factory.mktemp("course")
    ids = assignments.lay_out(root)
    assignments.generate(root, ids)
    return root


def test_every_module_has_a_release(release):
    assert sorted(p.name for p in (release / "release").iterdir()) == sorted(assignments.assignment_ids())


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_release_holds_no_solution_nor_hidden_test(case, release):
    folder, lang = case
    aid = f"{folder.name}-{lang}"
    text = (release / "release" / aid / f"{aid}.ipynb").read_text(encoding="utf-8")
    source = nbformat.read(notebook_path(folder, lang), as_version=4)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "simkit.grading"):
        assert marker not in text
    released = nbformat.read(release / "release" / aid / f"{aid}.ipynb", as_version=4)
    solution_lines = {line.strip() for c in source.cells if c.metadata["nbgrader"]["solution"] and c.cell_type == "code"
                      for line in c.source.split("### BEGIN SOLUTION")[-1].split("### END SOLUTION")[0].splitlines()
                      if re.search(r"\w", line) and not line.strip().startswith("#")}
    released_lines = {line.strip() for c in released.cells for line in c.source.splitlines()}
    assert not solution_lines & released_lines
    assert json.loads(text)["metadata"]["simkit"] == {"module": folder.name, "lang": lang}


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_source_notebook_passes_nbgrader_validate(case, tmp_path):
    folder, lang = case
    place_solutions(folder, lang, tmp_path)
    copy = tmp_path / notebook_path(folder, lang).name
    shutil.copyfile(notebook_path(folder, lang), copy)
    assert Validator().validate(str(copy)) == {}


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_release_left_blank_scores_zero_on_every_autograded_test(case, release):
    """A trainee who hands the release in untouched: nbgrader puts the hidden tests back, and each fails."""
    folder, lang = case
    aid = f"{folder.name}-{lang}"
    submission = release / "submitted" / "blank" / aid
    shutil.copytree(release / "release" / aid, submission, dirs_exist_ok=True)
    scores = assignments.autograde(release, aid, "blank")
    source = nbformat.read(notebook_path(folder, lang), as_version=4)
    assert sorted(scores) == sorted(graded_ids(source))
    assert set(scores.values()) == {0}
