"""A cohort never stops early and never skips silently: every file is a row, scored or an error
with its reason. Real files, links, FIFOs and devices; real processes for the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simkit import i18n
from simkit.scoring.batch import COLUMNS, find_transcripts, score_many, write_csv
from tests.references import reference_file, play_reference

SHOWROOM = reference_file("showroom-family-suv-v1")


def simkit(*args, timeout=120, cwd=None, **kw):
    return subprocess.run([sys.executable, "-m", "simkit", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
                          **kw)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "strong.json"
    play_reference(SHOWROOM, "strong", "en", save_to=path)
    return path


def _cohort(folder: Path, good: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"good{i:02d}.json" for i in range(count)]
    for path in paths:
        shutil.copyfile(good, path)
    return paths


def _csv(path: Path) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    return {Path(r["file"]).name: r for r in rows}


def test_deep_json_and_huge_seed_do_not_stop_the_cohort(tmp_path, good):
    cohort = tmp_path / "cohort"
    goods = _cohort(cohort, good, 4)
    (cohort / "deep.json").write_text("[" * 2048, encoding="utf-8")  # 2 KB
    text = good.read_text(encoding="utf-8")
    (cohort / "seed.json").write_text(text.replace('"seed": 3,', '"seed": ' + "9" * 5000 + ","), encoding="utf-8")
    assert '"seed": 3,' in text
    out = tmp_path / "cohort.csv"
    for jobs in ("1", "2"):
        run = simkit("score", cohort, "--csv", out, "--jobs", jobs)
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        rows = _csv(out)
        assert len(rows) == 6
        assert all(rows[p.name]["status"] == "ok" and rows[p.name]["total"] for p in goods)
        assert rows["deep.json"]["status"] == "error" and rows["deep.json"]["error_code"] == "too-deep"
        assert rows["seed.json"]["error_code"] == "invalid-transcript"
        assert "thousands of digits" in rows["seed.json"]["error"]
        assert f"simkit: error: {cohort / 'deep.json'}: nested too deeply" in run.stderr


def test_every_entry_that_looks_like_a_transcript_is_a_row(tmp_path, good):
    cohort = tmp_path / "cohort"
    _cohort(cohort, good, 1)
    shutil.copyfile(good, cohort / "UPPER.JSON")
    (cohort / "gone.json").symlink_to(tmp_path / "missing.json")
    os.mkfifo(cohort / "pipe.json")
    (cohort / "folder.json").mkdir()
    (cohort / "zero.json").symlink_to("/dev/zero")
    elsewhere = tmp_path / "elsewhere"
    _cohort(elsewhere, good, 1)
    (cohort / "linked").symlink_to(elsewhere, target_is_directory=True)
    (cohort / "notes.txt").write_text("not a transcript", encoding="utf-8")
    out = tmp_path / "cohort.csv"
    run = simkit("score", cohort, "--csv", out, timeout=60)
    assert run.returncode == 2, run.stderr
    rows = _csv(out)
    assert set(rows) == {"good00.json", "UPPER.JSON", "gone.json", "pipe.json", "folder.json", "zero.json", "linked"}
    assert rows["UPPER.JSON"]["status"] == "ok"
    codes = {name: (r["error_code"], r["error"]) for name, r in rows.items() if r["status"] == "error"}
    assert codes == {
        "gone.json": ("unreadable", "cannot read: a broken link (its target does not exist)"),
        "pipe.json": ("not-regular-file", "not a regular file (a named pipe (FIFO))"),
        "folder.json": ("not-regular-file", "not a regular file (a folder)"),
        "zero.json": ("not-regular-file", "not a regular file (a character device)"),
        "linked": ("linked-folder", "a linked folder, not followed (score its target folder directly)"),
    }


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a runaway read fails, not the machine


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_given_by_name_is_refused_at_once(tmp_path, special):
    if special == "fifo":
        special = tmp_path / "t.json"
        os.mkfifo(special)
    run = simkit("score", special, timeout=60, preexec_fn=_limit_memory)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith(f"simkit: error: {special}: not a regular file (")
    assert "Traceback" not in run.stderr


def _slow_transcript(good: Path, path: Path) -> None:
    """A valid transcript of 8 MB whose long trainee lines take seconds to score."""
    data = json.loads(good.read_text(encoding="utf-8"))
    for i, turn in enumerate(data["turns"]):
        turn["trainee"] = f"Line {i}: what brings you in today? " * 25000
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_time_limit_is_a_timeout_row_and_the_next_file_is_scored(tmp_path, good, jobs):
    slow = tmp_path / "a-slow.json"
    _slow_transcript(good, slow)
    t0 = time.perf_counter()
    rows = score_many([slow, good], jobs=jobs, time_limit=0.5)
    assert time.perf_counter() - t0 < 5  # unlimited, the slow file alone takes about 4 s
    assert [(r.status, r.code) for r in rows] == [("error", "timeout"), ("scored", None)]
    assert rows[0].message == "scoring took longer than 0.5 s"
    assert rows[0].reason("zh") == "评分超时" and rows[0].reason("en") == "over the time limit"


def test_rows_are_typed_and_the_same_with_one_or_two_workers(tmp_path, good):
    paths = _cohort(tmp_path, good, 3) + [tmp_path / "missing.json"]
    one, two = score_many(paths, jobs=1), score_many(paths, jobs=2)
    assert one == two
    assert [r.status for r in one] == ["scored"] * 3 + ["error"]
    assert one[0].scorecard.source == str(paths[0]) and one[0].scorecard.total == one[1].scorecard.total
    assert (one[3].code, one[3].message) == ("unreadable", "cannot read: No such file or directory")


def test_every_error_code_has_zh_and_en_text():
    from simkit.errors import TranscriptError
    from simkit.scoring.batch import ERROR_CODES

    assert set(ERROR_CODES) >= {TranscriptError("x").code, "timeout", "unknown-scenario"}
    for code in ERROR_CODES:
        zh, en = i18n.text(f"error.{code}", "zh"), i18n.text(f"error.{code}", "en")
        assert zh != en and any("\u4e00" <= ch <= "\u9fff" for ch in zh) and en.isascii()


@pytest.mark.parametrize("name", ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"])
def test_csv_cells_are_never_formulas(tmp_path, good, name):
    shutil.copyfile(good, tmp_path / f"{name}.json")
    out = tmp_path / "out.csv"
    run = simkit("score", ".", "--csv", out, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    cell = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))["file"]
    assert cell == f"'{name}.json"


def test_csv_cell():
    from simkit.scoring.batch import csv_cell

    assert [csv_cell(v) for v in ("=1+1", "\tx", "plain", 3, True, None, "a\x1bb")] == \
        ["'=1+1", "'\\x09x", "plain", "3", "true", "", "a\\x1bb"]


def test_csv_header_and_order(tmp_path, good):
    paths = _cohort(tmp_path / "b", good, 2) + [tmp_path / "a.json"]
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    found = find_transcripts([tmp_path])
    assert found == sorted(paths)
    out = io.StringIO()
    write_csv(score_many(found), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == ",".join(COLUMNS) and len(lines) == 4
    assert lines[1].startswith(f"{tmp_path / 'a.json'},error,") and ',not-json,"not valid JSON at line 1' in lines[1]


def test_ctrl_c_stops_a_cohort_without_tracebacks(tmp_path, good):
    _cohort(tmp_path / "cohort", good, 800)  # about 14 s of work for two workers
    proc = subprocess.Popen([sys.executable, "-m", "simkit", "score", str(tmp_path / "cohort"), "--jobs", "2",
                             "--csv", str(tmp_path / "out.csv")], stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    time.sleep(3)
    assert proc.poll() is None, "the cohort was scored before the interrupt; make it bigger"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole process group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert stderr.strip() == "simkit: interrupted"
    assert not (tmp_path / "out.csv").exists()
