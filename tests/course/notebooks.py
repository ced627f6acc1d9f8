"""Run course notebooks headlessly for the tests, the way a trainee's kernel would."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from simkit import Session
from simkit.course.build import load_module


def place_solutions(module_folder: Path, lang: str, into: Path) -> None:
    """Save the module's solution practices (played through a real Session) into ``into``."""
    for name, practice in (load_module(module_folder).get("solutions") or {}).items():
        session = Session(practice["scenario"], seed=practice.get("seed", 0), lang=lang,
                          save_to=into / f"{name}-{lang}.json")
        for line in practice["lines"][lang]:
            session.say(line)


def execute(notebook: Path, workdir: Path) -> nbformat.NotebookNode:
    """Execute a copy of ``notebook`` in ``workdir``, errors kept in the outputs."""
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / notebook.name
    shutil.copyfile(notebook, copy)
    nb = nbformat.read(copy, as_version=4)
    NotebookClient(nb, timeout=120, allow_errors=True, resources={"metadata": {"path": str(workdir)}}).execute()
    return nb


def errors(nb: nbformat.NotebookNode) -> dict[str, str]:
    """``{grade_id: "Error: message"}`` for every code cell that raised."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found[cell.metadata["nbgrader"]["grade_id"]] = f"{output.ename}: {output.evalue}"
    return found


def graded_ids(nb: nbformat.NotebookNode) -> list[str]:
    """The grade ids of the autograded test cells."""
    return [c.metadata["nbgrader"]["grade_id"] for c in nb.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]
