"""Write a module's zh and en nbgrader source notebooks from its ``module.yaml``.

One description holds both languages cell by cell, so the two notebooks always have the same
cells, grade ids and points. The notebooks are what trainers open and what nbgrader reads; run
``python -m simkit.course.build`` after editing a ``module.yaml`` (a test fails when a notebook is
out of date).

A ``module.yaml``::

    id: 03-needs-mining
    title: {zh: 需求挖掘, en: Needs mining}
    cells:
      - md: {zh: "...", en: "..."}          # read-only text
      - code: "worked_dialogue(...)"        # read-only code, shared (LANG is "zh" or "en")
      - code: {zh: "...", en: "..."}        # read-only code, per language
      - answer: {id: open-questions, code: {zh: ..., en: ...}}   # the trainee's cell; the solution
                                            # sits between "### BEGIN SOLUTION" / "### END SOLUTION"
      - test: {id: open-questions-test, points: 2, code: "..."}  # autograded; code is hidden
      - reflection: {id: reflection, points: 3, rubric: {zh: ..., en: ...}}  # graded by hand
    solutions:                              # practice transcripts a test plays beside the notebook
      practice: {scenario: ..., seed: 0, lines: {zh: [...], en: [...]}}
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import nbformat
import yaml

from simkit.labels import LANGS

COURSES = Path(__file__).resolve().parents[2] / "courses"
SCHEMA_VERSION = 3  # nbgrader's cell metadata schema


def _text(value: Any, lang: str) -> str:
    text = value[lang] if isinstance(value, dict) else value
    return text.replace("{LANG}", lang).rstrip("\n")


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = True,
          points: int | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"grade": grade, "grade_id": grade_id, "locked": locked,
                            "schema_version": SCHEMA_VERSION, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell(spec: dict[str, Any], n: int, module: str, lang: str) -> nbformat.NotebookNode:
    """The notebook cell for one entry of ``cells`` (``n`` numbers read-only cells)."""
    v4 = nbformat.v4
    if "md" in spec:
        return v4.new_markdown_cell(_text(spec["md"], lang), metadata=_meta(f"{module}-c{n:02d}"))
    if "code" in spec:
        return v4.new_code_cell(_text(spec["code"], lang), metadata=_meta(f"{module}-c{n:02d}"))
    if "answer" in spec:
        answer = spec["answer"]
        return v4.new_code_cell(_text(answer["code"], lang),
                                metadata=_meta(answer["id"], solution=True, locked=False))
    if "test" in spec:
        test = spec["test"]
        intro = _text(test.get("intro", {"zh": "# 评分单元格（隐藏测试）", "en": "# Graded cell (hidden tests)"}), lang)
        source = f"{intro}\n### BEGIN HIDDEN TESTS\n{_text(test['code'], lang)}\n### END HIDDEN TESTS"
        return v4.new_code_cell(source, metadata=_meta(test["id"], grade=True, points=test["points"]))
    if "reflection" in spec:
        item = spec["reflection"]
        meta = _meta(item["id"], grade=True, solution=True, locked=False, points=item["points"])
        meta["simkit"] = {"rubric": _text(item["rubric"], lang)}
        return v4.new_markdown_cell(_text(item.get("answer", "YOUR ANSWER HERE"), lang), metadata=meta)
    raise ValueError(f"{module}: a cell needs one of md, code, answer, test, reflection: {spec!r}")


def load_module(folder: Path) -> dict[str, Any]:
    """The parsed ``module.yaml`` of ``folder``."""
    return yaml.safe_load((folder / "module.yaml").read_text(encoding="utf-8"))


def notebook_path(folder: Path, lang: str) -> Path:
    return folder / f"{folder.name}-{lang}.ipynb"


def build_notebook(module: dict[str, Any], lang: str) -> nbformat.NotebookNode:
    """The source notebook of ``module`` in ``lang``."""
    mid = module["id"]
    title = module["title"][lang]
    setup = ("# " + {"zh": "本单元格设定语言，请勿修改", "en": "This cell sets the language; do not change it"}[lang]
             + f'\nLANG = "{lang}"\nfrom simkit.course import worked_dialogue, reading\n'
             "from simkit.ui import Practice")
    cells = [nbformat.v4.new_markdown_cell(f"# {title}", metadata=_meta(f"{mid}-title")),
             nbformat.v4.new_code_cell(setup, metadata=_meta(f"{mid}-setup"))]
    for n, spec in enumerate(module["cells"], start=1):
        cells.append(_cell(spec, n, mid, lang))
    for cell in cells:  # stable ids, so that building again writes the same file
        cell.id = cell.metadata["nbgrader"]["grade_id"]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["simkit"] = {"module": mid, "lang": lang}
    return nb


def module_folders(root: Path = COURSES) -> list[Path]:
    """Every module folder under ``root`` (those holding a ``module.yaml``), in order."""
    return sorted(p.parent for p in root.glob("*/module.yaml"))


def render(folder: Path) -> dict[Path, str]:
    """The notebook files ``folder``'s module should have, as text, by path."""
    module = load_module(folder)
    if module["id"] != folder.name:
        raise ValueError(f"{folder}/module.yaml: id {module['id']!r} must be the folder's name")
    return {notebook_path(folder, lang): nbformat.writes(build_notebook(module, lang)) + "\n" for lang in LANGS}


def write_changed(files: dict[Path, str]) -> None:
    """Write each of ``files`` (text by path) whose content changed, and print its path."""
    for path, text in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(COURSES.parent)}")


def main(argv: list[str] | None = None) -> int:
    """Rewrite every module's notebooks; print the ones that changed."""
    del argv
    for folder in module_folders():
        write_changed(render(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
