"""simkit certify end to end: a synthetic cohort of every quality and every cheat, real nbgrader kernels,
SQLite and a real PostgreSQL server, shards merged, re-runs. One cohort, graded once per gradebook."""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import pytest

from simkit import exam
from simkit.certify import certificate, layout
from simkit.certify.feedback import hidden_lines
from simkit.certify.records import COLUMNS
from simkit.certify.run import certify, merge
from simkit.cli import main
from simkit.ui.dashboard_data import load_run
from tests.certify import postgres
from tests.certify.cohort import AID, EXPECTED, read_json, write_cohort

CELL_TIMEOUT = 15  # the endless loop costs this much; honest cells take well under a second, even on a busy machine


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    base = tmp_path_factory.mktemp("certify")
    key = exam.new_key(base / "exam.key")
    scratch = base / "scratch-course"
    layout.lay_out(scratch)
    layout.generate(scratch, AID)
    folder = write_cohort(base / "cohort", release=scratch / "release" / AID / f"{AID}.ipynb", key=key)
    return {"base": base, "key": key, "folder": folder}


@pytest.fixture(scope="module")
def sqlite_run(cohort):
    lines: list[str] = []
    run_dir = cohort["base"] / "run-sqlite"
    run = certify(course=cohort["base"] / "course-sqlite", run_dir=run_dir, key=cohort["key"], cohort=cohort["folder"],
                  jobs=2, cell_timeout=CELL_TIMEOUT, progress=lines.append)
    return {"run": run, "dir": run_dir, "progress": lines, "course": cohort["base"] / "course-sqlite"}


def _result(run_dir: Path, trainee: str) -> dict:
    return read_json(run_dir / "trainees" / trainee / "result.json")


@pytest.mark.parametrize("trainee", sorted(EXPECTED))
def test_each_trainee_gets_the_grade_earned(sqlite_run, trainee):
    tier, total, notebook, codes, certified = EXPECTED[trainee]
    result = _result(sqlite_run["dir"], trainee)
    assert result["tier"] == tier
    assert result["notebook"]["score"] == notebook and result["notebook"]["max"] == 10
    if total is not None:
        assert result["total"] == total
    assert result["total"] == round(30 * notebook / 10 + 0.7 * result["conversation_score"], 1)
    assert {item["code"] for item in result["review"]} == codes
    assert all(item["reason_zh"] and item["reason_en"] for item in result["review"])
    assert (result["certificate"] is not None) == certified == (result["code"] is not None)
    assert (sqlite_run["dir"] / "trainees" / trainee / "certificate.html").is_file() == certified


def test_the_copier_earns_what_the_copied_earns_but_both_wait_for_a_trainer(sqlite_run):
    dana, copier = (_result(sqlite_run["dir"], t) for t in ("dana", "copier"))
    assert dana["total"] == copier["total"] and dana["tier"] == copier["tier"] == "distinction"
    assert [r["detail"] for r in copier["review"]] == ["dana"]


def test_counted_conversations_are_signed_exam_variants_that_replay(sqlite_run):
    strong = _result(sqlite_run["dir"], "strong")
    assert [(c["signature"], c["integrity"], c["counted"]) for c in strong["conversations"]] == [("valid", "ok", True)] * 2
    looper = _result(sqlite_run["dir"], "looper")
    assert {c["signature"] for c in looper["conversations"]} == {"missing"}
    forger = _result(sqlite_run["dir"], "forger")
    assert {(c["signature"], c["integrity"]) for c in forger["conversations"]} == {("invalid", "tampered")}


def test_no_feedback_holds_hidden_test_code(sqlite_run):
    lines = hidden_lines(sqlite_run["course"] / "source" / AID / f"{AID}.ipynb")
    assert len(lines) >= 3
    for trainee in EXPECTED:
        page = (sqlite_run["dir"] / "trainees" / trainee / "feedback.html").read_text(encoding="utf-8")
        assert trainee in page
        for line in lines + ["BEGIN HIDDEN TESTS", "simkit.grading"]:
            assert line not in page, (trainee, line)
    forged = (sqlite_run["dir"] / "trainees" / "forger" / "feedback.html").read_text(encoding="utf-8")
    assert "class Yes(list)" in forged and "<script" not in forged  # their own answer, escaped


def test_certificates_verify_and_altered_ones_do_not(sqlite_run, cohort):
    run_dir = sqlite_run["dir"]
    issued = read_json(run_dir / "certificates.json")
    assert sorted(r["trainee"] for r in issued.values()) == sorted(t for t, e in EXPECTED.items() if e[4])
    for code, record in issued.items():
        page = run_dir / "trainees" / record["trainee"] / "certificate.html"
        assert certificate.verify(code, run_dir=run_dir, key=cohort["key"])[0]
        assert certificate.verify(str(page), run_dir=run_dir)[0]
        altered = page.with_name("altered.html")
        altered.write_text(page.read_text(encoding="utf-8").replace("Pass", "Distinction").replace("Merit", "Distinction")
                           .replace(">100<", ">99<").replace(record["trainee"], "someone-else", 1), encoding="utf-8")
        assert not certificate.verify(str(altered), run_dir=run_dir)[0]
        altered.unlink()
    assert main(["certify", "verify", next(iter(issued)), "--run", str(run_dir)]) == 0
    assert main(["certify", "verify", "SK-AAAA-AAAA-AAAA-AAAA", "--run", str(run_dir)]) == 1


def test_the_run_folder_follows_the_documented_layout(sqlite_run, cohort):
    run_dir, run = sqlite_run["dir"], sqlite_run["run"]
    assert {k: run[k] for k in ("format", "exam_id", "trainees")} == {"format": 1, "exam_id": AID,
                                                                       "trainees": len(EXPECTED)}
    assert run["tiers"] == {t: sum(1 for e in EXPECTED.values() if e[0] == t)
                            for t in ("distinction", "merit", "pass", "fail")}
    assert run["review"] == sum(1 for e in EXPECTED.values() if e[3])
    with open(run_dir / "export.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS and COLUMNS[-1] == "code" and "dim_needs" in COLUMNS
    assert sorted(r[0] for r in rows[1:]) == sorted(EXPECTED)
    for trainee in EXPECTED:
        for conv in _result(run_dir, trainee)["conversations"]:
            handed = cohort["folder"] / trainee / Path(conv["file"]).name
            assert (run_dir / "trainees" / trainee / conv["file"]).read_bytes() == handed.read_bytes()
    assert any(line.startswith("autograde ") for line in sqlite_run["progress"])
    assert "need a manual look" in (run_dir / "summary.txt").read_text(encoding="utf-8")
    course = sqlite_run["course"].resolve()
    assert run["gradebook"] == {"url": f"sqlite:///{course / 'gradebook.db'}", "assignment": AID}
    assert load_run(run_dir).conversations == load_run(run_dir, index=False).conversations  # the index is current


def test_postgresql_gradebook_gives_the_same_export(sqlite_run, cohort):
    why = postgres.unavailable()
    if why:
        pytest.skip(why)
    archive = cohort["base"] / "cohort.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # this time the cohort comes as a zip
        for path in sorted(cohort["folder"].rglob("*")):
            if path.is_file():
                zf.write(path, Path("cohort") / path.relative_to(cohort["folder"]))
    with postgres.server() as url:
        run_dir = cohort["base"] / "run-postgres"
        certify(course=cohort["base"] / "course-postgres", run_dir=run_dir, key=cohort["key"], cohort=archive,
                db_url=url, jobs=2, cell_timeout=CELL_TIMEOUT)
        from nbgrader.api import Gradebook

        with Gradebook(url, layout.COURSE_ID) as gradebook:
            unopenable = {t for t, e in EXPECTED.items() if e[3] & {"notebook-missing", "notebook-empty",
                                                                      "notebook-not-json"}}
            assert sorted(s.id for s in gradebook.students) == sorted(set(EXPECTED) - unopenable)
    assert (run_dir / "export.csv").read_text("utf-8") == (sqlite_run["dir"] / "export.csv").read_text("utf-8")
    assert not (cohort["base"] / "course-postgres" / "gradebook.db").exists()


def test_two_shards_merged_are_one_run(sqlite_run, cohort):
    """Each shard as a batch job runs it: the shared course folder and gradebook, the cohort in nbgrader's
    layout, its own run folder. (The notebooks were graded into this gradebook by the first run and have
    not changed, so the shards find their grades there; grading itself is shown by the runs above.)"""
    parts = []
    for index in (1, 2):
        parts.append(cohort["base"] / f"run-shard{index}")
        run = certify(course=sqlite_run["course"], run_dir=parts[-1], key=cohort["key"], shard=(index, 2), jobs=1,
                      cell_timeout=CELL_TIMEOUT)
        assert 0 < run["trainees"] < len(EXPECTED) and run["shard"] == f"{index}/2"
    assert sum(read_json(p / "run.json")["trainees"] for p in parts) == len(EXPECTED)
    merged = cohort["base"] / "run-merged"
    assert main(["certify", "merge", *map(str, parts), "--out", str(merged), "--key", str(cohort["base"] / "exam.key"),
                 "--quiet"]) == 1  # 1: some trainees need a manual look
    for name in ("export.csv", "certificates.json"):
        assert (merged / name).read_text("utf-8") == (sqlite_run["dir"] / name).read_text("utf-8")
    assert read_json(merged / "run.json")["tiers"] == sqlite_run["run"]["tiers"]
    filecopy = _result(parts[0] if (parts[0] / "trainees" / "filecopy").is_dir() else parts[1], "filecopy")
    assert "copied-transcript" in {r["code"] for r in _result(merged, "filecopy")["review"]}
    assert filecopy["tier"] == "fail"


def test_rerun_changes_nothing_and_keeps_trainer_files(sqlite_run, cohort):
    course, run_dir = sqlite_run["course"], sqlite_run["dir"]
    trainer_files = {course / "notes.txt": "my notes", course / "source" / AID / "marking-guide.md": "guide",
                     course / "nbgrader_config.py": (course / "nbgrader_config.py").read_text() + "# mine\n"}
    for path, text in trainer_files.items():
        path.write_text(text, encoding="utf-8")
    before = {p: p.read_bytes() for p in run_dir.rglob("*") if p.is_file()}
    assert main(["certify", "--course", str(course), "--cohort", str(cohort["folder"]), "--out", str(run_dir),
                 "--key", str(cohort["base"] / "exam.key"), "--jobs", "2", "--quiet"]) == 1
    after = {p: p.read_bytes() for p in run_dir.rglob("*") if p.is_file()}
    assert after == before
    for path, text in trainer_files.items():
        assert path.read_text(encoding="utf-8") == text


def test_a_trainer_releases_a_held_certificate_by_naming_the_trainee(sqlite_run, cohort):
    # Last in this module: it changes the shared run folder.
    course, run_dir = sqlite_run["course"], sqlite_run["dir"]
    (run_dir / "released.txt").write_text("dana  # her own notes, checked with her manager\n\n# copier: not yet\n",
                                          encoding="utf-8")
    assert main(["certify", "--course", str(course), "--cohort", str(cohort["folder"]), "--out", str(run_dir),
                 "--key", str(cohort["base"] / "exam.key"), "--jobs", "2", "--quiet"]) == 1  # others still need a look
    dana, copier = (_result(run_dir, t) for t in ("dana", "copier"))
    assert [r["code"] for r in dana["review"]] == ["similar-lines-released"]
    assert dana["code"] and certificate.verify(dana["code"], run_dir=run_dir, key=cohort["key"])[0]
    assert [r["code"] for r in copier["review"]] == ["similar-lines"] and copier["code"] is None
    summary = (run_dir / "summary.txt").read_text(encoding="utf-8")
    assert "released by a trainer (released.txt): dana" in summary
    assert "dana: similar-lines" not in summary and "copier: similar-lines" in summary
