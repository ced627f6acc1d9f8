"""The nbgrader course folder (``grading/``), laid out from ``courses/`` and driven through nbgrader's API.

``courses/`` is the single source of truth: every module notebook and the exam notebooks are copied
into ``<course>/source/<assignment>/`` (a file is rewritten only when its content changed) and the
release versions are generated from there. The folder's ``nbgrader_config.py`` is written once
and never overwritten, so a trainer's edits stay; nothing else a trainer put in the folder is
touched. The gradebook is SQLite in the folder unless a SQLAlchemy URL is given
(``SIMKIT_GRADEBOOK_URL``, or ``db_url=``), for example PostgreSQL shared by several graders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from simkit.certify.assignment import EXAM_FOLDER, notebook_file
from simkit.course.assignments import check_result, module_sources, nbgrader_api, place_sources
from simkit.course.build import COURSES
from simkit.labels import LANGS

GRADEBOOK_ENV = "SIMKIT_GRADEBOOK_URL"
COURSE_ID = "simkit"  # nbgrader's default is "", which PostgreSQL's foreign keys refuse

CONFIG = '''\
# nbgrader configuration of the simkit course; written by simkit (simkit.certify.layout) when missing,
# never overwritten: edit freely. `python -m simkit.certify.layout DIR` lays the course out beside it.
import os

c = get_config()  # noqa: F821
here = os.path.dirname(os.path.abspath(__file__))  # noqa: F821 (traitlets sets __file__)
c.CourseDirectory.root = here
c.CourseDirectory.course_id = "simkit"
# SQLite beside this file unless SIMKIT_GRADEBOOK_URL names another SQLAlchemy URL
# (postgresql+psycopg://user@host/db for several graders).
c.CourseDirectory.db_url = os.environ.get("SIMKIT_GRADEBOOK_URL") or "sqlite:///" + os.path.join(here, "gradebook.db")
c.Execute.timeout = 30          # seconds per cell; a cell over it is interrupted and scores 0
# Feedback shows no hidden test (simkit certify checks its own feedback for them after writing it).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "nbgrader.preprocessors.ClearHiddenTests",
]
'''


def gradebook_url(course: Path, db_url: str | None = None) -> str:
    """The gradebook's SQLAlchemy URL: ``db_url``, else ``$SIMKIT_GRADEBOOK_URL``, else SQLite in ``course``."""
    return db_url or os.environ.get(GRADEBOOK_ENV) or f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"


def sources(courses: Path = COURSES, exam: Path = EXAM_FOLDER) -> dict[str, Path]:
    """``{assignment id: source notebook}`` for every course module and the exam, zh before en."""
    found = module_sources(courses)
    found.update({f"{exam.name}-{lang}": notebook_file(lang, exam) for lang in LANGS})
    return found


def lay_out(course: Path, *, courses: Path = COURSES, exam: Path = EXAM_FOLDER) -> list[str]:
    """Copy every source notebook into ``course/source/<id>/<id>.ipynb`` and write the config when missing.

    Returns:
        The assignment ids laid out.
    """
    return place_sources(course, sources(courses, exam), config=CONFIG)


def api(course: Path, *, db_url: str | None = None, cell_timeout: int = 30, execute: dict[str, object] | None = None,
        settings: dict[str, dict[str, object]] | None = None):
    """nbgrader's API on ``course`` (:func:`simkit.course.assignments.nbgrader_api`) with this course's settings."""
    return nbgrader_api(course, db_url=gradebook_url(course, db_url), course_id=COURSE_ID, cell_timeout=cell_timeout,
                        execute=execute, settings=settings)


def generate(course: Path, aid: str, *, db_url: str | None = None) -> None:
    """Generate the release version of ``aid`` (nbgrader replaces ``release/<aid>`` as a whole).

    Raises:
        RuntimeError: nbgrader reports a failure.
    """
    check_result(api(course, db_url=db_url).generate_assignment(aid, force=True), f"generate_assignment {aid}")


def main(argv: list[str] | None = None) -> int:
    """``python -m simkit.certify.layout [DIR]``: lay the course out in DIR (default ``grading``)."""
    argv = sys.argv[1:] if argv is None else argv
    course = Path(argv[0] if argv else "grading")
    for aid in lay_out(course):
        print(f"{course}/source/{aid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
