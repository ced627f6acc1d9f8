"""Lay the course's source notebooks out as an nbgrader course and generate the release versions.

``courses/`` holds one folder per module with a zh and an en notebook; nbgrader wants one folder per
assignment. Each (module, language) becomes the assignment ``<module>-<lang>`` (``01-getting-started-zh``)
holding that one notebook, so a trainee is graded on the language they study in. The source notebooks
stay the single source of truth: the layout is copied from them and generated again at will; nothing
in ``source/`` or ``release/`` is edited by hand.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from simkit.course.build import COURSES, module_folders, notebook_path
from simkit.labels import LANGS
from simkit.safeio import write_if_changed

_CONFIG = '''\
# Written by simkit (simkit.course.assignments); edit freely, it is not overwritten.
c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = {db_url!r}
c.Exchange.assignment_dir = {root!r}
'''


def assignment_ids(courses: Path = COURSES) -> list[str]:
    """Every assignment id, module by module, zh before en."""
    return list(module_sources(courses))


def module_sources(courses: Path = COURSES) -> dict[str, Path]:
    """``{assignment id: source notebook}`` for every module under ``courses``, zh before en."""
    return {f"{folder.name}-{lang}": notebook_path(folder, lang) for folder in module_folders(courses) for lang in LANGS}


def _db_url(root: Path) -> str:
    """The gradebook: SQLite in the course folder (the one URL config, generate and autograde share)."""
    return f"sqlite:///{root / 'gradebook.db'}"


def lay_out(root: Path, *, courses: Path = COURSES) -> list[str]:
    """Copy every source notebook into ``root/source/<assignment>/`` and write ``nbgrader_config.py``.

    Args:
        root: the nbgrader course folder (created when missing).
        courses: the folder of module folders.

    Returns:
        The assignment ids laid out.
    """
    root = Path(root).resolve()
    return place_sources(root, module_sources(courses),
                         config=_CONFIG.format(root=str(root), db_url=_db_url(root)))


def place_sources(root: Path, sources: dict[str, Path], *, config: str) -> list[str]:
    """Lay ``sources`` out as the nbgrader course in ``root``: ``source/<id>/<id>.ipynb`` for each.

    ``root/nbgrader_config.py`` is written with ``config`` only when missing (then it is the
    trainer's); a notebook is rewritten (atomically) only when its content changed.

    Args:
        root: the nbgrader course folder (created when missing).
        sources: ``{assignment id: source notebook}``.
        config: the text of ``nbgrader_config.py``.

    Returns:
        The assignment ids laid out, in the order of ``sources``.
    """
    root = Path(root).resolve()
    root.mkdir(parents=True, exist_ok=True)
    config_file = root / "nbgrader_config.py"
    if not config_file.exists():
        config_file.write_text(config, encoding="utf-8")
    for aid, notebook in sources.items():
        write_if_changed(root / "source" / aid / f"{aid}.ipynb", notebook.read_bytes())
    return list(sources)


def nbgrader_api(root: Path, *, db_url: str, course_id: str | None = None, cell_timeout: int | None = None,
                 execute: dict[str, object] | None = None, settings: dict[str, dict[str, object]] | None = None):
    """nbgrader's API on the course in ``root``, with this interpreter's ``bin/`` on ``PATH``.

    nbgrader creates its gradebook by running the ``alembic`` command, which lives there.

    Args:
        root: the nbgrader course folder.
        db_url: the gradebook's SQLAlchemy URL.
        course_id: nbgrader's course id (its default ``""`` when not given).
        cell_timeout: seconds a cell may run when autograding (nbgrader's default when not given).
        execute: more settings of nbgrader's ``Execute`` preprocessor (``kernel_name``, ``shutdown_kernel``).
        settings: more settings by class name (``{"Autograde": {"autograde_preprocessors": [...]}}``).
    """
    import nbgrader.api
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    nbgrader.api.get_alembic_version = alembic_head  # what a new gradebook is stamped with, read in this process
    _check_schemas_once()
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    config = Config()
    config.CourseDirectory.root = str(Path(root).resolve())
    config.CourseDirectory.db_url = db_url
    if course_id is not None:
        config.CourseDirectory.course_id = course_id
    if cell_timeout is not None:
        config.Execute.timeout = cell_timeout
    for name, value in (execute or {}).items():
        setattr(config.Execute, name, value)
    for section, values in (settings or {}).items():
        for name, value in values.items():
            setattr(config[section], name, value)
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def alembic_head() -> str:
    """The newest revision of nbgrader's gradebook schema, which a new gradebook is stamped with.

    nbgrader itself (``nbgrader.api.get_alembic_version``) runs ``alembic heads`` as a command for
    it: a new interpreter importing alembic and all of nbgrader, about 11 s of CPU here, each time a
    gradebook is created. Alembic's own API reads the same revision from nbgrader's migration
    scripts in this process, where nbgrader is already imported.
    """
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import ALEMBIC_DIR

    return ScriptDirectory(ALEMBIC_DIR).get_current_head()


class _SchemaOnce:
    """``jsonschema`` as nbgrader's cell-metadata check sees it: each schema is itself checked once.

    nbgrader validates the metadata of every cell of every notebook it converts (generate,
    autograde, feedback) with ``jsonschema.validate(metadata, schema)``, which first checks the
    schema against its meta-schema, every time: about 0.2 s of CPU per notebook here. This keeps
    the validator made for a schema and validates each cell as ``jsonschema.validate`` does (the
    same validator class, the same best-matching error raised).
    """

    def __init__(self, jsonschema) -> None:
        self._jsonschema = jsonschema
        self._validators: list[tuple[dict, object]] = []  # (a copy of the schema, its validator)

    def __getattr__(self, name: str):
        return getattr(self._jsonschema, name)

    def validate(self, instance, schema) -> None:
        import copy

        validator = next((v for known, v in self._validators if known == schema), None)
        if validator is None:
            cls = self._jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = cls(copy.deepcopy(schema))
            self._validators.append((copy.deepcopy(schema), validator))
        error = self._jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error


def _check_schemas_once() -> None:
    from nbgrader.nbgraderformat import common

    if not isinstance(common.jsonschema, _SchemaOnce):
        common.jsonschema = _SchemaOnce(common.jsonschema)


def check_result(result: dict, what: str) -> None:
    """Raise ``RuntimeError`` with nbgrader's error and log when ``result`` (of the API) failed."""
    if not result["success"]:
        raise RuntimeError(f"nbgrader {what} failed:\n{result.get('error', '')}\n{result.get('log', '')}")


def generate(root: Path, ids: list[str] | None = None) -> None:
    """Run nbgrader's ``generate_assignment`` for ``ids`` (default: all laid out) in ``root``.

    Raises:
        RuntimeError: when nbgrader reports that an assignment failed.
    """
    root = Path(root).resolve()
    api = nbgrader_api(root, db_url=_db_url(root))
    for aid in ids or sorted(p.name for p in (root / "source").iterdir() if p.is_dir()):
        check_result(api.generate_assignment(aid, force=True), f"generate_assignment {aid}")


def autograde(root: Path, aid: str, student: str) -> dict[str, float]:
    """Autograde ``root/submitted/<student>/<aid>/`` with nbgrader; the score of every graded cell.

    Returns:
        ``{grade_id: score}`` for the autograded (code) cells of the submission's notebook.

    Raises:
        RuntimeError: when nbgrader reports a failure (a kernel that died is reported, not raised:
            its cells score 0 and need a manual look).
    """
    from nbgrader.api import Gradebook

    root = Path(root).resolve()
    result = nbgrader_api(root, db_url=_db_url(root)).autograde(aid, student, force=True, create=True)
    if not result["success"] and "DeadKernelError" not in result.get("log", ""):
        check_result(result, f"autograde {aid} {student}")
    with Gradebook(_db_url(root)) as gradebook:
        notebook = gradebook.find_submission_notebook(aid, aid, student)
        return {grade.name: grade.score for grade in notebook.grades if grade.cell.cell_type == "code"}
