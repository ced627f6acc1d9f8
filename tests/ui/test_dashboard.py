"""The cohort dashboard's reading, view, export and rendering, against the run's own files."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from simkit.ui import dashboard_render as render
from simkit.ui.dashboard_data import inside, load_run
from simkit.ui.dashboard_gradebook import read_grades
from simkit.ui.dashboard_view import CohortView

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("make_cohort", REPO / "bench" / "make_cohort.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_cohort(9, tmp_path_factory.mktemp("run") / "run")


def _cards(run_dir: Path):
    for result in sorted(run_dir.glob("trainees/*/result.json")):
        data = json.loads(result.read_text(encoding="utf-8"))
        for conv in data["conversations"]:
            yield data["trainee"], conv, json.loads((result.parent / conv["scorecard"]).read_text(encoding="utf-8"))


def test_the_unfiltered_export_is_export_csv_and_filters_keep_their_rows(run_dir):
    view = CohortView(load_run(run_dir))
    export = (run_dir / "export.csv").read_text(encoding="utf-8")
    assert view.csv() == export
    rows = list(csv.DictReader(io.StringIO(export)))
    for tier in view.options("tier"):
        view.set_filter("tier", tier)
        assert list(csv.DictReader(io.StringIO(view.csv()))) == [r for r in rows if r["tier"] == tier]
    view.set_filter("tier", "no-such-tier")  # a value the run does not have is no filter
    assert len(view.rows()) == len(rows)
    view.set_filter("store", "north")
    assert {r["store"] for r in view.rows()} == {"north"}
    view.set_filter("store", "")
    view.set_sort("total", descending=True)
    totals = [float(r["total"]) for r in view.rows()]
    assert totals == sorted(totals, reverse=True)


def test_figures_are_those_of_the_scorecards(run_dir):
    view = CohortView(load_run(run_dir))
    cards = list(_cards(run_dir))
    steps, defeats = view.funnel(view.conversations())
    assert dict(steps)["funnel-all"] == len(cards)
    assert dict(steps)["funnel-goal"] == sum(c["outcome"]["status"] == "success" for _, _, c in cards)
    assert sum(defeats.values()) == len(cards) - dict(steps)["funnel-goal"]
    trainee = "t0002"
    points, top = 0, 0
    for t, _, card in cards:
        if t == trainee:
            dim = next(d for d in card["dimensions"] if d["name"] == "needs")
            points, top = points + dim["points"], top + dim["max"]
    assert view.skills[trainee]["needs"] == pytest.approx(100 * points / top)
    weakest = view.weakest(view.conversations())
    assert [w.percent for w in weakest] == sorted(w.percent for w in weakest)
    lost = sum(ev["lost"] for _, _, c in cards for d in c["dimensions"] if d["name"] == weakest[0].dimension
               for ev in d["evidence"] if ev["reason"] == weakest[0].reasons[0].reason)
    assert weakest[0].reasons[0].points == lost


def test_the_index_gives_what_the_files_give_and_is_ignored_once_stale(run_dir):
    from simkit.ui.dashboard_data import INDEX, write_index

    assert (run_dir / INDEX).is_file()  # make_cohort writes it, as simkit certify does
    from_files = load_run(run_dir, index=False)
    assert load_run(run_dir).conversations == from_files.conversations
    result = json.loads((run_dir / "trainees" / "t0001" / "result.json").read_text(encoding="utf-8"))
    card = run_dir / "trainees" / "t0001" / result["conversations"][0]["scorecard"]  # conversation 0's card
    export = run_dir / "export.csv"
    saved_card, saved_export, saved_index = card.read_bytes(), export.read_bytes(), (run_dir / INDEX).read_bytes()
    try:
        data = json.loads(saved_card)
        data["outcome"] = {"status": "defeat", "reason": "pressured", "turn": 1, "goal": None}
        card.write_text(json.dumps(data), encoding="utf-8")
        assert load_run(run_dir).conversations["t0001"][0].defeat is None  # the export unchanged: the index is used
        export.write_bytes(saved_export + saved_export.splitlines(keepends=True)[-1])  # a re-written export
        assert load_run(run_dir).conversations["t0001"][0].defeat == "pressured"  # read from the files
        write_index(run_dir)
        assert load_run(run_dir).conversations["t0001"][0].defeat == "pressured"  # from the new index
        (run_dir / INDEX).write_text("{not json", encoding="utf-8")
        assert load_run(run_dir).conversations == load_run(run_dir, index=False).conversations
    finally:
        card.write_bytes(saved_card)
        export.write_bytes(saved_export)
        (run_dir / INDEX).write_bytes(saved_index)


def test_the_gradebook_is_read_as_nbgrader_counts_it(run_dir, tmp_path, monkeypatch):
    api = pytest.importorskip("nbgrader.api")
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")  # nbgrader's alembic
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with api.Gradebook(url, "course") as book:
        book.add_assignment("exam")
        book.add_notebook("exam", "exam")
        book.add_grade_cell("late-leads", "exam", "exam", max_score=4, cell_type="code")
        book.add_grade_cell("reflection", "exam", "exam", max_score=2, cell_type="markdown")
        for trainee in ("t0001", "t0002"):
            book.add_student(trainee)
            book.add_submission("exam", trainee)
        scores = {("t0001", "late-leads"): (4, None, None), ("t0001", "reflection"): (None, 1.5, 0.5),
                  ("t0002", "late-leads"): (0, None, None), ("t0002", "reflection"): (None, None, 1.0)}
        for (trainee, cell), (auto, manual, extra) in scores.items():
            grade = book.find_grade(cell, "exam", "exam", trainee)
            grade.auto_score, grade.manual_score, grade.extra_credit = auto, manual, extra
            grade.needs_manual_grade = manual is None and cell == "reflection"
        book.db.commit()
        expected = {t: {g.name: (g.score, g.max_score, g.needs_manual_grade)
                        for g in book.find_submission_notebook("exam", "exam", t).grades} for t in ("t0001", "t0002")}
    run = load_run(run_dir)
    run.grades = read_grades({"gradebook": {"url": url, "assignment": "exam"}})
    assert run.grades.problem is None and run.grades.cells == ["late-leads", "reflection"]
    assert {t: {c: (g.score, g.max_score, g.needs_manual_grade) for c, g in cells.items()}
            for t, cells in run.grades.trainees.items()} == expected
    assert run.grades.cell_means(["t0001", "t0002"]) == {"late-leads": (50.0, 1, 2), "reflection": (50.0, 1, 2)}
    view = CohortView(run)
    html = render.gradebook(view, view.trainees(), "en")
    assert html.count("<rect") == 2 and 'data-chart="exercises"' in html
    cells = render.trainee_grades(view, "t0001", "zh")
    then = float(view.row("t0001")["notebook_score"])  # the export's, drawn by make_cohort (4-10)
    assert 'data-total="6"' in cells and ("评分库现在给6分" in cells) == (then != 6)
    assert "评分库现在给0分" in render.trainee_grades(view, "t0002", "zh")  # 0 is never the export's (4-10)
    assert 'data-graded="0"' in render.trainee_grades(view, "t0003", "en")
    missing = read_grades({"gradebook": {"url": f"sqlite:///{tmp_path / 'none.db'}", "assignment": "exam"}})
    assert "no gradebook at" in missing.problem and not (tmp_path / "none.db").exists()
    assert "Cannot read the gradebook" in render.gradebook(CohortView(replace(run, grades=missing)), [], "en")
    assert read_grades({}) is None


def test_paths_a_result_names_stay_inside_the_trainees_folder(tmp_path, run_dir):
    base = tmp_path / "t"
    assert inside(base, "transcripts/a.json") == base / "transcripts" / "a.json"
    for bad in ("../x.json", "/etc/passwd", "a/../../x", "a\\..\\x", "", None, 3):
        assert inside(base, bad) is None
    run = load_run(run_dir)
    conv = run.conversations["t0001"][0]
    assert run.path(conv, conv.transcript) == run_dir / "trainees" / "t0001" / conv.transcript
    assert run.path(conv, "../t0002/" + conv.transcript) is None  # another trainee's file: never opened


def test_markup_in_names_and_lines_is_escaped(run_dir):
    view = CohortView(load_run(run_dir))
    rows = view.rows()
    assert "<img" in rows[0]["name"]  # make_cohort gives the first trainee a name with markup
    for html in (render.table(view, rows, "en"), render.radar(view, rows[0]["trainee"], view.trainees(), "zh")):
        assert "<img" not in html and "<script" not in html and "&lt;img" in html
    conv = view.run.conversations["t0001"][0]
    transcript = json.loads(view.run.path(conv, conv.transcript).read_text(encoding="utf-8"))
    transcript["turns"][0]["trainee"] = "<script>alert(1)</script>"
    html = render.drill(conv, transcript, json.loads(view.run.path(conv, conv.scorecard).read_text(encoding="utf-8")), "en")
    assert "<script" not in html and "&lt;script&gt;alert(1)" in html
    assert html.count('class="simkit-turn"') >= len(transcript["turns"]) + 1


def test_the_page_builds_and_switches_language(run_dir):
    pytest.importorskip("ipywidgets")
    from simkit.ui.dashboard_app import DashboardApp, load_cohort

    app = DashboardApp(cohort=load_cohort(str(run_dir)), query="lang=en&trainee=t0004")
    assert app.trainee.value == "t0004" and "data-series=\"t0004" in app.radar.value
    assert 'data-chart="funnel"' in app.funnel.value and app.drill.value
    app.filter_widgets["tier"].value = "fail"
    assert all(r["tier"] == "fail" for r in app.view.rows())
    app.language.value = "zh"
    assert "学员成绩看板" in app.widget.children[0].value
    missing = DashboardApp(cohort=load_cohort(os.devnull))
    assert missing.view is None and "not a certification run" in missing.widget.children[0].value
