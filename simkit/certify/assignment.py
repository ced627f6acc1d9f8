"""The certification exam: its ``module.yaml`` (notebook cells and exam rules) and its notebooks.

``courses/exam/certification/module.yaml`` is written like a course module (see
:mod:`simkit.course.build`) plus an ``exam`` section: the scenarios whose signed transcripts the
trainee hands in, the weights of notebook and conversations, and the lowest total of each tier.
Its setup cell imports nothing heavy, so a grading kernel runs the whole notebook in well under a
second (the hidden tests use only the strict checks of :mod:`simkit.grading`).

Run ``python -m simkit.certify.assignment`` after editing the ``module.yaml``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from simkit.course.build import COURSES, build_notebook, load_module, write_changed
from simkit.labels import LANGS

EXAM_FOLDER = COURSES / "exam" / "certification"
TIERS = ("distinction", "merit", "pass", "fail")  # best first


@dataclass(frozen=True)
class ExamRules:
    """What an exam asks for and how it is graded.

    Attributes:
        module: the module id (``certification``); assignment ids are ``<module>-<lang>``.
        scenarios: the scenario ids of the conversations, each needed once.
        notebook_weight, conversation_weight: points of the 0-100 total (they add up to 100).
        tiers: ``{tier: lowest total}`` for pass, merit and distinction.
    """

    module: str
    scenarios: tuple[str, ...]
    notebook_weight: float
    conversation_weight: float
    tiers: dict[str, float]

    def tier_of(self, total: float, *, conversations_ok: bool) -> str:
        """The tier a total earns; ``fail`` unless every conversation was accepted and passed."""
        if conversations_ok:
            for tier in TIERS[:-1]:
                if total >= self.tiers[tier]:
                    return tier
        return "fail"


def load_rules(folder: Path = EXAM_FOLDER) -> ExamRules:
    """The ``exam`` section of ``folder/module.yaml``, checked."""
    module = load_module(folder)
    exam = module.get("exam") or {}
    weights, tiers = exam.get("weights") or {}, exam.get("tiers") or {}
    rules = ExamRules(module=module["id"], scenarios=tuple(exam.get("scenarios") or ()),
                      notebook_weight=float(weights.get("notebook", 0)),
                      conversation_weight=float(weights.get("conversations", 0)),
                      tiers={t: float(tiers[t]) for t in TIERS[:-1] if t in tiers})
    if not rules.scenarios or abs(rules.notebook_weight + rules.conversation_weight - 100) > 1e-9 \
            or set(rules.tiers) != set(TIERS[:-1]):
        raise ValueError(f"{folder}/module.yaml: exam needs scenarios, weights adding up to 100 "
                         "and the lowest total of pass, merit and distinction")
    return rules


def notebook_file(lang: str, folder: Path = EXAM_FOLDER) -> Path:
    return folder / f"{folder.name}-{lang}.ipynb"


def build_exam_notebook(module: dict, lang: str) -> nbformat.NotebookNode:
    """The exam's source notebook in ``lang``: a course notebook with a light setup cell."""
    nb = build_notebook(module, lang)
    setup = nb.cells[1]
    setup.source = ("# " + {"zh": "本单元格设定语言，请勿修改", "en": "This cell sets the language; do not change it"}[lang]
                    + f'\nLANG = "{lang}"')
    nb.metadata["simkit"]["exam"] = True
    return nb


def render(folder: Path = EXAM_FOLDER) -> dict[Path, str]:
    """The exam notebook files as text, by path."""
    module = load_module(folder)
    return {notebook_file(lang, folder): nbformat.writes(build_exam_notebook(module, lang)) + "\n" for lang in LANGS}


def main(argv: list[str] | None = None) -> int:
    """Rewrite the exam notebooks when the ``module.yaml`` changed."""
    del argv
    write_changed(render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
