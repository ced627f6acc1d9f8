"""Autograde a cohort with nbgrader: a few long-lived workers, each grading one shard.

Starting nbgrader costs seconds (its imports alone take about 5 s of CPU here), so the parent
imports it once, generates the release, and forks ``jobs`` workers that inherit it; each worker
grades its shard one trainee after the other through nbgrader's API (one kernel per notebook, as
nbgrader does, but the grading kernel of :mod:`simkit.certify.kernel`, forked by the worker's
:mod:`simkit.certify.forkserver` and stopped at once after the last cell; every test that passes
in it is checked again in the worker, :mod:`simkit.certify.checks`), and through one database
engine (:func:`_one_engine`). A kernel that fails to start
(the ZMQ port clash nbgrader has when several run on one machine, upstream #174) is started again; so is a database that was busy. A kernel the
trainee kills (``os._exit``) is tried once more and then reported: its cells score 0 and the
trainee is listed for a manual look. The grades are read back from the gradebook.

A trainee whose hand-in has not changed since it was last graded into the same gradebook is not
graded again (``<course>/.simkit/graded/``), so running a certification twice is cheap.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue as queue_module
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from simkit.certify import forkserver, kernel, layout

#: Log text of failures that are the machine's, not the trainee's: grading again may succeed.
TRANSIENT = ("Kernel died before replying to kernel_info", "Address already in use", "kernel_info",
             "database is locked", "Kernel didn't respond", "OperationalError")
ATTEMPTS = 3
#: How a worker runs a notebook: in the grading kernel, killed once the last cell has run (a graceful
#: stop waits for the kernel's exit hooks, of no use here and the trainee's to write).
EXECUTE = {"kernel_name": kernel.KERNEL_NAME, "shutdown_kernel": "immediate"}


@dataclass
class Graded:
    """What nbgrader made of one notebook.

    Attributes:
        score, max_score: the notebook's autograded points.
        cells: ``{grade_id: [score, max_score]}`` of every graded cell.
        problem: ``kernel-died``, ``autograde-failed`` or None.
        attempts: how many times it was graded this run (0: unchanged since the last run).
        seconds: wall time of the grading.
    """

    score: float = 0.0
    max_score: float = 0.0
    cells: dict[str, list[float]] = field(default_factory=dict)
    problem: str | None = None
    attempts: int = 0
    seconds: float = 0.0


def autograde_all(course: Path, aid: str, submissions: dict[str, str], *, db_url: str | None = None, jobs: int = 2,
                  cell_timeout: int = 30, progress: Callable[[str], None] = lambda line: None,
                  meanwhile: Callable[[], None] = lambda: None) -> dict[str, Graded]:
    """Autograde every trainee of ``submissions`` (``{trainee: digest of the hand-in}``).

    ``meanwhile`` runs in a thread of this process while the workers grade (started once they are
    forked, so that no worker inherits a thread), or here when nothing needs grading; what it raises
    is raised here, after the grading.

    Returns:
        ``{trainee: Graded}`` for every trainee given.
    """
    from nbgrader.api import Gradebook

    course = Path(course).resolve()
    url = layout.gradebook_url(course, db_url)
    stamps = course / ".simkit" / "graded" / aid
    stamps.mkdir(parents=True, exist_ok=True)
    with Gradebook(url, layout.COURSE_ID) as gradebook:  # students first, from one process: workers then only add grades
        for trainee in submissions:
            gradebook.update_or_create_student(trainee)
        todo = [t for t in submissions if _stamp(stamps, t) != {"digest": submissions[t], "db_url": url}
                or not _graded_before(gradebook, course, aid, t)]
    outcomes: dict[str, tuple[str | None, int, float]] = {t: (None, 0, 0.0) for t in submissions if t not in todo}
    if todo:
        outcomes.update(_run_workers(course, aid, todo, url=url, jobs=jobs, cell_timeout=cell_timeout,
                                     progress=progress, meanwhile=meanwhile))
    else:
        meanwhile()
    graded = {}
    with Gradebook(url, layout.COURSE_ID) as gradebook:
        for trainee in submissions:
            problem, attempts, seconds = outcomes[trainee]
            graded[trainee] = _read_grades(gradebook, aid, trainee, problem, attempts, seconds)
            if attempts and graded[trainee].problem is None:
                _write_stamp(stamps, trainee, {"digest": submissions[trainee], "db_url": url})
    return graded


def _run_workers(course: Path, aid: str, todo: list[str], *, url: str, jobs: int, cell_timeout: int,
                 progress: Callable[[str], None], meanwhile: Callable[[], None]) -> dict[str, tuple[str | None, int, float]]:
    layout.api(course, db_url=url)  # import nbgrader here, once: the forked workers inherit it
    kernels = kernel.install(course)
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    shards = [todo[i::jobs] for i in range(max(1, min(jobs, len(todo))))]
    workers = [context.Process(target=_work, args=(course, aid, shard, url, cell_timeout, kernels, results),
                               daemon=True) for shard in shards]
    for worker in workers:
        worker.start()
    failed: list[BaseException] = []

    def run_meanwhile() -> None:
        try:
            meanwhile()
        except BaseException as error:  # noqa: BLE001  # raised in the main thread below
            failed.append(error)

    side = threading.Thread(target=run_meanwhile, name="simkit-meanwhile", daemon=True)
    side.start()
    outcomes: dict[str, tuple[str | None, int, float]] = {}
    try:
        while len(outcomes) < len(todo):
            try:
                trainee, problem, attempts, seconds = results.get(timeout=1.0)
            except queue_module.Empty:
                if not any(w.is_alive() for w in workers) and results.empty():
                    break  # a worker died: its remaining trainees are reported below
                continue
            outcomes[trainee] = (problem, attempts, seconds)
            progress(f"autograde {len(outcomes)}/{len(todo)} {trainee}: {problem or 'ok'} ({seconds:.1f} s)")
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.terminate()
        side.join()
    if failed:
        raise failed[0]
    for trainee in todo:
        outcomes.setdefault(trainee, ("autograde-failed", 0, 0.0))
    return outcomes


def _work(course: Path, aid: str, shard: list[str], url: str, cell_timeout: int, kernels: Path, results) -> None:
    """One worker: grade each trainee of ``shard`` in turn, through one nbgrader API."""
    # where nbgrader's kernel manager finds the grading kernel
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(kernels), os.environ.get("JUPYTER_PATH")]))
    try:
        server = forkserver.start()  # this worker's kernels are forked from it
    except (OSError, RuntimeError):
        server = None  # then each kernel starts as a process of its own (the client's fallback)
    try:
        from simkit.certify import checks  # imports nbgrader's preprocessors, already loaded by the parent

        api = layout.api(course, db_url=url, cell_timeout=cell_timeout, execute=EXECUTE,
                         settings={"Autograde": {"autograde_preprocessors": checks.autograde_preprocessors()}})
        close_engine = _one_engine(url)
        try:
            for trainee in shard:
                start = time.monotonic()
                problem, attempts = _grade_one(api, aid, trainee)
                results.put((trainee, problem, attempts, time.monotonic() - start))
        finally:
            close_engine()
    finally:
        if server is not None:
            server.close()


def _one_engine(url: str) -> Callable[[], None]:
    """Make nbgrader open the gradebook at ``url`` through one SQLAlchemy engine in this (worker) process.

    nbgrader opens a gradebook about nine times per notebook, each with an engine of its own: a new
    connection pool and every statement compiled again. Here they all get this one, and closing a
    gradebook (which disposes its engine) leaves the pool's connections open for the next.

    Returns:
        What closes the engine's connections, when the worker is done.
    """
    import nbgrader.api

    create_engine = nbgrader.api.create_engine
    engine = create_engine(url, echo=False, future=True)  # the options nbgrader's Gradebook gives
    close_pool = engine.dispose
    engine.dispose = lambda *args, **kwargs: None  # what Gradebook.close() calls
    nbgrader.api.create_engine = lambda db_url, **options: (engine if str(db_url) == url
                                                            else create_engine(db_url, **options))
    return close_pool


def _grade_one(api, aid: str, trainee: str) -> tuple[str | None, int]:
    problem = "autograde-failed"
    for attempt in range(1, ATTEMPTS + 1):
        result = api.autograde(aid, trainee, force=True, create=False)
        log = f"{result.get('log', '')}\n{result.get('error', '')}"
        if result["success"]:
            return None, attempt
        if "DeadKernelError" in log and not any(t in log for t in TRANSIENT[:1]):
            problem = "kernel-died"
            if attempt >= 2:
                break  # killed twice: it is the notebook, not the machine
        elif not any(t in log for t in TRANSIENT):
            break
        time.sleep(0.2 * attempt)
    return problem, attempt


def _read_grades(gradebook, aid: str, trainee: str, problem: str | None, attempts: int, seconds: float) -> Graded:
    from nbgrader.api import MissingEntry

    try:
        notebook = gradebook.find_submission_notebook(aid, aid, trainee)
    except MissingEntry:
        return Graded(problem=problem or "autograde-failed", attempts=attempts, seconds=seconds)
    cells = {g.name: [float(g.score or 0), float(g.max_score or 0)]
             for g in notebook.grades if g.cell.cell_type == "code"}
    if problem is None and notebook.needs_manual_grade and any(g.cell.cell_type == "code" for g in notebook.grades
                                                                if g.needs_manual_grade):
        problem = "kernel-died"  # nbgrader marks the cells of a dead kernel for a manual grade
    return Graded(score=float(sum(s for s, _ in cells.values())), max_score=float(sum(m for _, m in cells.values())),
                  cells=cells, problem=problem, attempts=attempts, seconds=seconds)


def _graded_before(gradebook, course: Path, aid: str, trainee: str) -> bool:
    from nbgrader.api import MissingEntry

    try:
        gradebook.find_submission_notebook(aid, aid, trainee)
    except MissingEntry:
        return False
    return (course / "autograded" / trainee / aid / f"{aid}.ipynb").is_file()


def _stamp(folder: Path, trainee: str) -> dict | None:
    try:
        return json.loads((folder / f"{trainee}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_stamp(folder: Path, trainee: str, data: dict) -> None:
    tmp = folder / f".{trainee}.json.tmp"
    tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    os.replace(tmp, folder / f"{trainee}.json")
