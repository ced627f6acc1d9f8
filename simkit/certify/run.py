"""``simkit certify``: one call grades a cohort's exam and writes the run folder.

Steps: lay the course out from ``courses/`` and generate the exam's release; collect the cohort
into ``submitted/``; autograde the notebooks with a few long-lived nbgrader workers
(:mod:`simkit.certify.graders`); replay and score every transcript and check its signature and
variant (:mod:`simkit.certify.conversations`); then finish the run folder
(:mod:`simkit.certify.records`: cohort checks, tiers, certificates, feedback, export, summary).

Grading is stateless apart from files and the gradebook: ``shard=(i, n)`` grades every n-th
trainee (sorted by id) starting with the i-th, and :func:`merge` joins shard folders into one.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from simkit.certify import graders, layout
from simkit.certify.assignment import load_rules
from simkit.certify.collect import collect
from simkit.certify.conversations import counted, judge, safe_name
from simkit.certify.feedback import cell_messages, hidden_lines
from simkit.certify.records import finish, read_roster, results, write_json
from simkit.certify.words import review_item
from simkit.errors import SimkitError


def certify(*, course: Path, run_dir: Path, key: bytes, cohort: Path | None = None, lang: str = "en",
            exam_id: str | None = None, db_url: str | None = None, jobs: int = 2, shard: tuple[int, int] = (1, 1),
            cell_timeout: int = 30, roster: Path | None = None,
            progress: Callable[[str], None] = lambda line: None) -> dict:
    """Certify a cohort; returns the run's ``run.json`` (see docs/run-layout.md) and ``seconds``, the
    wall time of each step (generate, collect, autograde, score, finish) and of the replay of the
    transcripts (``replay while grading``: a thread, while the workers grade the notebooks).

    Args:
        course: the nbgrader course folder (laid out and generated here; trainer files are kept).
        run_dir: where the run's results go (created; a re-run over the same folder updates it).
        key: the exam key (:func:`simkit.exam.load_key`), which signed the exam transcripts.
        cohort: the hand-ins (a folder or ``.zip`` of trainee folders); None: ``course/submitted``.
        lang: the exam's language; the assignment is ``certification-<lang>``.
        exam_id: the id the exam app signed with (default: the assignment id).
        db_url: the gradebook's SQLAlchemy URL (default: ``$SIMKIT_GRADEBOOK_URL``, else SQLite).
        jobs: nbgrader workers (one per core).
        shard: ``(i, n)``: grade only the i-th of n parts of the cohort.
        cell_timeout: seconds a notebook cell may run.
        roster: a CSV ``trainee,name,store,team`` (copied into the run folder).
        progress: called with one line per step.
    """
    from simkit import __version__
    from simkit.content import default_library
    from simkit.engine.version import ENGINE_VERSION
    from simkit.understand import ANALYZER_VERSION, analyze

    import time

    clock = [time.perf_counter()]
    seconds: dict[str, float] = {}

    def lap(step: str) -> None:  # where the time goes (returned, not written: a re-run must write the same)
        now = time.perf_counter()
        seconds[step] = round(now - clock[0], 3)
        clock[0] = now

    rules = load_rules()
    aid = f"{rules.module}-{lang}"
    exam_id = exam_id or aid
    index, parts = shard
    if not 1 <= index <= parts:
        raise SimkitError(f"--shard {index}/{parts}: I must be between 1 and N")
    course, run_dir = Path(course).resolve(), Path(run_dir).resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    layout.lay_out(course)
    progress(f"generate {aid}")
    layout.generate(course, aid, db_url=db_url)
    lap("generate")
    submissions, warnings = collect(course, aid, cohort=cohort)
    for line in warnings:
        progress(f"collect: {line}")
    submissions = [s for i, s in enumerate(submissions) if i % parts == index - 1]
    progress(f"collect: {len(submissions)} trainees (shard {index}/{parts})")
    lap("collect")
    cohort_ids = [s.trainee for s in submissions]
    judged: dict[str, list] = {}

    def judge_all() -> None:  # the transcripts need no notebook grade: replayed while the workers grade
        start = time.perf_counter()
        library = default_library()
        analyze("hello", lang="en")  # load the analyzer once, before the first replay
        for sub in submissions:
            judged[sub.trainee] = _judge_transcripts(sub, key=key, exam_id=exam_id, rules=rules, library=library,
                                                     cohort=cohort_ids)
        seconds["replay while grading"] = round(time.perf_counter() - start, 3)

    graded = graders.autograde_all(course, aid, {s.trainee: s.digest for s in submissions if s.problem is None},
                                   db_url=db_url, jobs=jobs, cell_timeout=cell_timeout, progress=progress,
                                   meanwhile=judge_all)
    lap("autograde")
    cards = {}
    for sub in submissions:
        result = _trainee_result(sub, graded.get(sub.trainee), course=course, aid=aid, run_dir=run_dir, rules=rules,
                                 conversations=judged[sub.trainee], cards=cards)
        progress(f"score {sub.trainee}: notebook {result['notebook']['score']:g}/{result['notebook']['max']:g}, "
                 f"conversations {result['conversation_score']:g}")
    lap("score")
    if roster is not None:
        shutil.copyfile(roster, run_dir / "roster.csv")
    meta = {"simkit_version": __version__, "analyzer": ANALYZER_VERSION, "engine": ENGINE_VERSION,
            "hidden_lines": hidden_lines(course / "source" / aid / f"{aid}.ipynb"),
            "shard": f"{index}/{parts}" if parts > 1 else None,
            "gradebook": {"url": shown_url(layout.gradebook_url(course, db_url)), "assignment": aid}}
    run = finish(run_dir, rules=rules, exam_id=exam_id, lang=lang, key=key, meta=meta, cards=cards,
                 roster=read_roster(run_dir / "roster.csv"), progress=progress)
    lap("finish")
    return {**run, "seconds": seconds}


def _judge_transcripts(sub, *, key: bytes, exam_id: str, rules, library, cohort: list[str]) -> list:
    """Replay, score and judge each transcript of one hand-in (:func:`judge`), each under its name in the run."""
    taken: set[str] = set()
    conversations = []
    for path in sub.transcripts:
        name = safe_name(path, sub.folder, taken)
        conversations.append(judge(path, name=name, trainee=sub.trainee, cohort=cohort, key=key, exam_id=exam_id,
                                   rules=rules, library=library))
    return conversations


def _trainee_result(sub, graded, *, course: Path, aid: str, run_dir: Path, rules, conversations: list,
                    cards: dict) -> dict:
    """One trainee's result from the notebook's grade and the judged transcripts; writes their folder
    (transcripts, scorecards, result.json)."""
    folder = run_dir / "trainees" / sub.trainee
    review = [review_item(sub.problem)] if sub.problem else []
    notebook = {"score": 0.0, "max": 0.0, "cells": {}, "messages": {}, "answers": []}
    if graded is not None:
        notebook.update(score=graded.score, max=graded.max_score, cells=graded.cells)
        if graded.problem:
            review.append(review_item(graded.problem))
        messages, answers, timeouts = cell_messages(course / "autograded" / sub.trainee / aid / f"{aid}.ipynb")
        notebook.update(messages=messages, answers=answers)
        if timeouts:
            review.append(review_item("cell-timeout", ", ".join(timeouts)))
    if not notebook["max"]:
        notebook["max"] = _max_points(course, aid)
    for path, conv in zip(sub.transcripts, conversations):
        name = conv.name
        (folder / "transcripts").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / "transcripts" / name)  # as handed in, byte for byte
        if conv.scorecard is not None:
            card = replace(conv.scorecard, source=f"transcripts/{name}")
            cards[(sub.trainee, name)] = card
            write_json(folder / "scorecards" / name, card.to_dict())
        review += conv.review
    chosen, choice_review = counted(conversations, rules)
    review += choice_review
    scores = [chosen[s].score if chosen[s] else 0.0 for s in rules.scenarios]
    conversation_score = round(sum(scores) / len(scores), 1)
    nb_share = notebook["score"] / notebook["max"] if notebook["max"] else 0.0
    total = round(rules.notebook_weight * nb_share + rules.conversation_weight * conversation_score / 100, 1)
    all_passed = all(c is not None and c.passed for c in chosen.values())
    counted_names = {c.name for c in chosen.values() if c is not None}
    result = {
        "trainee": sub.trainee, "tier": rules.tier_of(total, conversations_ok=all_passed), "total": total,
        "notebook": notebook, "conversation_score": conversation_score, "digest": sub.digest,
        "conversations": [{"scenario": c.scenario, "seed": c.seed, "file": f"transcripts/{c.name}",
                           "scorecard": f"scorecards/{c.name}" if c.scorecard is not None else None,
                           "score": c.score, "passed": c.passed, "outcome": c.outcome, "integrity": c.integrity,
                           "signature": c.signature, "accepted": c.accepted, "counted": c.name in counted_names}
                          for c in conversations],
        "review": review, "certificate": None, "code": None,
    }
    write_json(folder / "result.json", result)
    return result


def _max_points(course: Path, aid: str) -> float:
    """The notebook's points from the source (for a trainee whose notebook nbgrader never saw)."""
    import nbformat

    nb = nbformat.read(course / "source" / aid / f"{aid}.ipynb", as_version=4)
    return float(sum(c.metadata.get("nbgrader", {}).get("points", 0) for c in nb.cells
                     if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")))


def merge(*, parts: list[Path], run_dir: Path, key: bytes, progress: Callable[[str], None] = lambda line: None) -> dict:
    """Join shard run folders into ``run_dir`` and finish it as one run (cohort checks redone)."""
    from simkit.scoring import score

    if not parts:
        raise SimkitError("merge needs at least one run folder")
    runs = [json.loads((Path(p) / "run.json").read_text(encoding="utf-8")) for p in parts]
    if len({(r["exam_id"], r.get("lang"), r["analyzer"], r["engine"]) for r in runs}) != 1:
        raise SimkitError("the run folders are of different exams or versions: they cannot be merged")
    run_dir = Path(run_dir).resolve()
    seen: dict[str, Path] = {}
    for part in map(Path, parts):
        for result in results(part):
            if result["trainee"] in seen:
                raise SimkitError(f"{result['trainee']} is in both {seen[result['trainee']]} and {part}")
            seen[result["trainee"]] = part
            shutil.copytree(part / "trainees" / result["trainee"], run_dir / "trainees" / result["trainee"],
                            dirs_exist_ok=True)
        if (part / "roster.csv").is_file() and not (run_dir / "roster.csv").is_file():
            shutil.copyfile(part / "roster.csv", run_dir / "roster.csv")
    cards = {}
    for result in results(run_dir):
        for conv in result["conversations"]:
            if conv["scorecard"]:
                card = score(run_dir / "trainees" / result["trainee"] / conv["file"])
                cards[(result["trainee"], conv["file"].split("/")[-1])] = replace(card, source=conv["file"])
    first = runs[0]
    rules = load_rules()
    meta = {"simkit_version": first["simkit_version"], "analyzer": first["analyzer"], "engine": first["engine"],
            "hidden_lines": _hidden_lines_of(first.get("lang", "en")), "shard": None,
            "gradebook": first.get("gradebook") if all(r.get("gradebook") == first.get("gradebook") for r in runs) else None}
    created = min(r["created"] for r in runs)
    if not (run_dir / "run.json").is_file():
        write_json(run_dir / "run.json", {"created": created})
    return finish(run_dir, rules=rules, exam_id=first["exam_id"], lang=first.get("lang", "en"), key=key, meta=meta,
                  cards=cards, roster=read_roster(run_dir / "roster.csv"), progress=progress)


def shown_url(url: str) -> str:
    """A gradebook URL as run.json records it: without its password (``***``)."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _hidden_lines_of(lang: str) -> list[str]:
    from simkit.certify.assignment import notebook_file

    return hidden_lines(notebook_file(lang))
