"""``simkit check`` over the whole library: every scenario checks itself (no per-scenario test code),
and a reference that misses its expectation fails with a message that says which and why."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from simkit.cli import main
from simkit.content import default_library, default_scenarios_path
from simkit.selfcheck import check_library

SCENARIOS = default_scenarios_path()


def test_every_scenario_of_the_library_passes_simkit_check(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    count = len(default_library().scenarios)
    assert out[-1] == f"{count} scenarios checked: {count} passed, 0 failed"
    for scenario_id in default_library().scenarios:
        assert f"{scenario_id}: ok" in out
    # per references file (one per scenario, or one per seed for variants): references, 3 levels x
    # 2 languages, order in each language, determinism
    files = sum(len(sets) for sets in default_library().reference_sets.values())
    assert files > count  # the online lead has a file for each of its two variants
    assert sum(1 for line in out if line.startswith("  ok  ")) == files * (1 + 6 + 2 + 1)
    assert not any("FAIL" in line for line in out)


def test_every_scenario_has_references_in_both_languages():
    library = default_library()
    assert set(library.references) == set(library.scenarios)


@pytest.fixture()
def library_copy(tmp_path):
    folder = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_reference_outside_its_band_fails_in_both_languages(library_copy, capsys):
    refs = library_copy / "scenarios/showroom-family-suv.references.yaml"
    _edit(refs, "    min_total: 85\n", "    min_total: 101\n")
    assert main(["check", "showroom-family-suv-v1", "--path", str(library_copy)]) == 1
    out = capsys.readouterr().out
    assert "expect.strong.min_total: must be between 0 and 100, got 101 (out-of-range)" in out
    assert out.splitlines()[-1] == "1 problem in the library: fix them first (simkit validate lists the same)"

    _edit(refs, "    min_total: 101\n    max_total: 100\n", "    min_total: 40\n    max_total: 60\n")
    report = check_library([library_copy], ["showroom-family-suv-v1"])
    failed = [r for r in report.scenarios[0].results if not r.ok]
    assert [(r.check, r.text("en")) for r in failed] == [
        ("strong:zh", "100 points, outside its band 40-60"), ("strong:en", "100 points, outside its band 40-60")]
    assert failed[0].text("zh") == "100分，不在区间 40-60 内"
    assert main(["check", "showroom-family-suv-v1", "--path", str(library_copy), "--lang", "zh"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "  FAIL  优秀 zh      100分，不在区间 40-60 内" in out
    assert out[-1] == "检查了1个场景：0个通过，1个未通过"


def test_missing_evidence_and_a_wrong_outcome_say_what_was_found(library_copy):
    refs = library_copy / "scenarios/showroom-family-suv.references.yaml"
    _edit(refs, "      - needs 1 need-found need=more-seats\n", "      - needs 2 need-found need=more-seats\n")
    _edit(refs, "    outcome: defeat\n", "    outcome: open\n")
    results = {r.check: r for r in check_library([library_copy], ["showroom-family-suv-v1"]).scenarios[0].results}
    assert results["strong:en"].text("en") == (
        "no evidence 'needs 2 need-found need=more-seats'; needs has: 1 need-found, 2 need-found, 3 need-found, "
        "4 need-found")
    assert results["poor:zh"].text("en") == "expected outcome open, got defeat"
    assert results["poor:zh"].text("zh") == "结果应为 open，实际为 defeat"


def test_a_scenario_without_references_fails_and_a_script_that_outlives_the_customer_cannot_play(library_copy):
    (library_copy / "scenarios/used-car-hidden-defects.references.yaml").unlink()
    refs = library_copy / "scenarios/showroom-family-suv.references.yaml"
    text = refs.read_text(encoding="utf-8")
    poor_en = re.search(r"  poor:\n    en:\n      lines:\n", text).end()
    refs.write_text(text[:poor_en] + "        - Hello.\n" * 0 + text[poor_en:].replace(
        "        - I'll knock 10,000 off if you sign right now.\n",
        "        - I'll knock 10,000 off if you sign right now.\n        - Are you still there?\n", 1), encoding="utf-8")
    report = check_library([library_copy])
    by_id = {s.scenario_id: s for s in report.scenarios}
    assert [(r.check, r.ok, r.code) for r in by_id["used-car-hidden-defects-v1"].results] == [
        ("references", False, "references-missing")]
    poor_en_result = next(r for r in by_id["showroom-family-suv-v1"].results if r.check == "poor:en")
    assert poor_en_result.text("en") == (
        "cannot be played: showroom-family-suv-v1 (en): the conversation ended (defeat) before line 5, "
        "'Are you still there?'")
    assert by_id["online-lead-lowest-price-v1"].ok and not report.ok


def test_an_unknown_scenario_id_is_a_usage_error(capsys):
    assert main(["check", "showroom-family-suv-v9"]) == 2
    assert "did you mean 'showroom-family-suv-v1'?" in capsys.readouterr().err
