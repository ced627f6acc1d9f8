"""The scenario studio and the cohort dashboard in real Chromium against real Voila servers.

One server per app for the module (2 cores: few pages, no kernel pool). The studio edits a copy
of the repository's scenarios holding a broken persona file with markup in its lines; the
dashboard reads a real ``simkit certify`` run over a small cohort made with the certification
tests' helpers (tests/certify/cohort.py: signed exam transcripts, notebooks graded by nbgrader).
What a page shows is checked against simkit and nbgrader themselves: the problem lines against
``simkit validate``, the self-checks against ``simkit check``, the export against the run's
export.csv, the notebook grades against nbgrader's own gradebook API.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simkit import exam
from simkit.certify import layout
from simkit.certify.run import certify
from simkit.content import validate_paths
from simkit.scoring import words
from simkit.selfcheck import check_library
from simkit.ui.dashboard_data import INDEX
from simkit.ui.serve import ServeOptions
from tests.browser.harness import REPO, VoilaServer, screenshot
from tests.certify.cohort import AID, LINES, ONLINE, SHOWROOM, WRONG, exam_transcript, notebook, write_honest

TIMEOUT = 180_000  # ms; kernels start slowly on a busy 2-core machine
XSS_NAME = '<img src=x onerror="document.title=\'xss\'"><script>alert(1)</script>'
XSS_LINE = '<script>document.title="xss"</script><img src=x onerror="document.title=\'xss\'">'
PERSONA = "personas/zhou-jian.yaml"
BREAKS = (("patience: 6", "patience: lots"), ("by: [open_question, exclusion_question, probe]",
                                               "by: [opne_question, exclusion_question, probe]"))


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> tuple[Path, str]:
    """A copy of the scenarios whose persona file is broken twice and says markup; the fixed text."""
    root = tmp_path_factory.mktemp("studio") / "scenarios"
    shutil.copytree(REPO / "scenarios", root)
    text = (root / PERSONA).read_text(encoding="utf-8")
    first_zh = "        - 家里添了老二，{kids}，我爸妈也常过来，现在这台车坐不下了。"
    assert first_zh in text
    fixed = text.replace(first_zh, f"        - {XSS_LINE}")
    broken = fixed
    for good, bad in BREAKS:
        broken = broken.replace(good, bad)
    (root / PERSONA).write_text(broken, encoding="utf-8")
    return root, fixed


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    """A real simkit certify run over four trainees: three honest, one poor whose name holds markup."""
    base = tmp_path_factory.mktemp("certify")
    key = exam.new_key(base / "exam.key")
    course = base / "course"
    layout.lay_out(course)
    layout.generate(course, AID)  # the release the trainees' notebooks are written from
    release = course / "release" / AID / f"{AID}.ipynb"
    cohort = write_honest(base / "cohort", release=release, key=key, count=3)
    poor = cohort / "poor"
    poor.mkdir()
    (poor / f"{AID}.ipynb").write_text(notebook(release, WRONG), encoding="utf-8")
    for scenario in (SHOWROOM, ONLINE):
        exam_transcript(scenario, LINES["poor"][scenario], key=key, trainee="poor").save(poor / f"{scenario}.json")
    roster = base / "roster.csv"
    with open(roster, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("trainee", "name", "store", "team"), ("honest00", "王伟", "north", "A"),
                                 ("honest01", "李娜", "north", "B"), ("honest02", "张静", "south", "A"),
                                 ("poor", XSS_NAME, "south", "B")])
    certify(course=course, run_dir=base / "run", key=key, cohort=cohort, jobs=2, cell_timeout=15, roster=roster)
    return base / "run"


@pytest.fixture(scope="module")
def servers(browser, content, run_dir, tmp_path_factory):
    logs = tmp_path_factory.mktemp("voila")
    studio = VoilaServer(ServeOptions(pool_size=0), app="studio",
                         env={"SIMKIT_STUDIO_PATH": str(content[0])}, log=logs / "studio.log")
    try:
        dashboard = VoilaServer(ServeOptions(pool_size=0), app="dashboard",
                                env={"SIMKIT_RUN_DIR": str(run_dir)},
                                log=logs / "dashboard.log")
    except Exception:
        studio.stop()
        raise
    yield {"studio": studio, "dashboard": dashboard}
    studio.stop()
    dashboard.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2200})
    page = context.new_page()
    yield page
    context.close()


def _no_markup_ran(page) -> None:
    assert page.title() != "xss"
    assert page.locator("img[onerror]").count() == 0
    assert page.locator(".simkit-trainer script").count() == 0


def test_the_studio_lists_problems_jumps_saves_and_checks(page, servers, content):
    root, fixed = content
    expected = sorted({p.line for p in validate_paths([root]) if p.file.endswith("zhou-jian.yaml")})
    assert len(expected) == 2
    page.goto(servers["studio"].url(f"lang=en&file={PERSONA}"), timeout=TIMEOUT)
    page.wait_for_selector(".simkit-problems[data-problems='2']", timeout=TIMEOUT)
    lines = sorted(int(a.get_attribute("data-line")) for a in page.locator(".simkit-problems .simkit-jump").all())
    assert lines == expected
    assert "opne_question" in page.locator(".simkit-problems").inner_text()

    page.locator(".simkit-problems .simkit-jump").nth(1).click()  # selects that line in the editor
    editor = page.locator(".simkit-editor textarea")
    start = editor.evaluate("e => e.value.slice(0, e.selectionStart).split('\\n').length")
    assert start == expected[1]

    page.get_by_text("Customer lines", exact=True).click()
    preview = page.locator(".simkit-preview")
    preview.get_by_text(XSS_LINE).wait_for(timeout=TIMEOUT)  # shown as text
    _no_markup_ran(page)
    screenshot(page, "studio-en")

    editor.fill(fixed)
    page.locator(".simkit-save").click()
    page.wait_for_selector(".simkit-status .simkit-ok", timeout=TIMEOUT)
    assert (root / PERSONA).read_text(encoding="utf-8") == fixed
    page.wait_for_selector(".simkit-problems[data-problems='0']", state="attached", timeout=TIMEOUT)
    validate = subprocess.run([sys.executable, "-m", "simkit", "validate", str(root)], capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout

    page.get_by_text("Self-checks", exact=True).click()
    page.locator(".simkit-run-checks").click()
    checks = page.locator(".simkit-checks")
    checks.wait_for(timeout=TIMEOUT)
    assert checks.get_attribute("data-failed") == "0"
    report = check_library([root], ["showroom-family-suv-v1"])  # simkit check on the saved folder
    rows = checks.locator("tr[data-check]")
    assert [r.get_attribute("data-check") for r in rows.all()] == [r.check for r in report.scenarios[0].results]
    strong = checks.locator("tr[data-check='strong:en']")
    assert strong.get_attribute("data-outcome") == "success" and strong.get_attribute("data-band") == "85-100"
    assert report.scenarios[0].results[2].text("en") in strong.inner_text()

    page.get_by_text("Quick conversation", exact=True).click()
    page.locator(".simkit-play").click()
    page.wait_for_selector(".simkit-played .simkit-outcome", timeout=TIMEOUT)
    assert page.locator(".simkit-played [data-beat]").count() > 5
    _no_markup_ran(page)

    page.get_by_text("中文", exact=True).first.click()
    page.get_by_text("试玩对话", exact=True).wait_for(timeout=TIMEOUT)
    page.get_by_text("客户台词", exact=True).click()
    page.locator(".simkit-preview").get_by_text(XSS_LINE).wait_for(timeout=TIMEOUT)
    page.get_by_text("自检", exact=True).click()
    page.locator(".simkit-run-checks").click()
    page.locator(".simkit-checks").wait_for(timeout=TIMEOUT)
    assert report.scenarios[0].results[1].text("zh") in page.locator("tr[data-check='strong:zh']").inner_text()
    screenshot(page, "studio-zh")


def test_the_dashboard_of_a_real_run_shows_its_cohort_charts_radar_drill_down_grades_and_export(page, servers,
                                                                                               run_dir):
    export = (run_dir / "export.csv").read_text(encoding="utf-8")
    rows = export.splitlines()[1:]
    results = {t: json.loads((run_dir / "trainees" / t / "result.json").read_text(encoding="utf-8"))
               for t in ("honest00", "honest01", "honest02", "poor")}
    assert len(rows) == 4 and (run_dir / INDEX).is_file()  # certify wrote the dashboard's index
    page.goto(servers["dashboard"].url("lang=en"), timeout=TIMEOUT)
    page.wait_for_selector("svg[data-chart=radar] polygon.simkit-series", timeout=TIMEOUT)
    assert page.locator(".simkit-table tbody tr").count() == len(rows)
    for chart in ("tiers", "histogram", "funnel", "radar", "exercises"):
        assert page.locator(f"svg[data-chart={chart}] rect, svg[data-chart={chart}] polygon").count() > 0, chart
    funnel = [int(r.get_attribute("data-value")) for r in page.locator("svg[data-chart=funnel] rect").all()]
    assert funnel[0] == sum(len(r["conversations"]) for r in results.values()) and funnel == sorted(funnel, reverse=True)

    # The trainee with markup in their name: shown as text, and it ran nothing.
    assert "<script>alert(1)</script>" in page.locator(".simkit-table").inner_text()
    _no_markup_ran(page)

    # Unfiltered and unsorted, the export is the run's export.csv.
    assert _exported(page) == export

    # The notebook grades are the gradebook's, as nbgrader's own API reads them.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{run_dir.parent / 'course' / 'gradebook.db'}", layout.COURSE_ID) as book:
        graded = {t: {g.name: g.score for g in book.find_submission_notebook(AID, AID, t).grades}
                  for t in results}
    cells = sorted(graded["honest00"])
    assert [r.get_attribute("data-cell") for r in page.locator(".simkit-exercises tr[data-cell]").all()] == cells
    assert page.locator("svg[data-chart=exercises] rect").count() == len(cells)

    # A chosen trainee: the radar has their polygon, their notebook cells, and every turn annotated.
    trainee = "honest01"
    option = page.locator(".simkit-trainee select option", has_text=trainee).first.inner_text()
    page.locator(".simkit-trainee select").select_option(label=option)
    page.wait_for_selector(f"svg[data-chart=radar] polygon[data-series^='{trainee}']", timeout=TIMEOUT)
    page.wait_for_selector(f".simkit-trainee-grades[data-total='{sum(graded[trainee].values()):g}']", timeout=TIMEOUT)
    shown = {r.get_attribute("data-cell"): float(r.get_attribute("data-score"))
             for r in page.locator(".simkit-trainee-grades tr[data-cell]").all()}
    assert shown == graded[trainee]
    conversation = results[trainee]["conversations"][0]
    transcript = json.loads((run_dir / "trainees" / trainee / conversation["file"]).read_text(encoding="utf-8"))
    page.wait_for_function(
        f"document.querySelectorAll('.simkit-drill .simkit-turn[data-turn]').length >= {len(transcript['turns']) + 1}",
        timeout=TIMEOUT)
    drill = page.locator(".simkit-drill")
    assert transcript["turns"][0]["trainee"] in drill.inner_text()
    assert drill.locator(".simkit-evidence").count() > 0
    screenshot(page, "dashboard-en")

    # A tier filter: the export holds only that tier's rows.
    tier = "fail"
    page.locator(".simkit-filter-tier select").select_option(label=words.tier_label(tier, "en"))
    wanted = [r for r in csv.DictReader(io.StringIO(export)) if r["tier"] == tier]
    assert 0 < len(wanted) < len(rows)
    page.wait_for_selector(f".simkit-table[data-rows='{len(wanted)}']", timeout=TIMEOUT)
    assert list(csv.DictReader(io.StringIO(_exported(page)))) == wanted

    page.locator(".simkit-filter-tier select").select_option(index=0)
    page.wait_for_selector(f".simkit-table[data-rows='{len(rows)}']", timeout=TIMEOUT)
    page.get_by_text("中文", exact=True).first.click()
    page.get_by_text("学员成绩看板").wait_for(timeout=TIMEOUT)
    page.wait_for_selector("svg[data-chart=radar] polygon.simkit-series", timeout=TIMEOUT)
    page.get_by_text("笔记本练习（来自评分库）").wait_for(timeout=TIMEOUT)
    screenshot(page, "dashboard-zh")


def _exported(page) -> str:
    href = page.locator(".simkit-export-link").get_attribute("href")
    return base64.b64decode(href.split(",", 1)[1]).decode("utf-8")
