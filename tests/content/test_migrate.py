"""Files of an older format still load, and ``simkit migrate`` rewrites them keeping comments.

``format-1/`` holds copies of the three personas and scenarios exactly as they were before
``format_version`` existed (kept out of ``fixtures/``, which the other tests load as one library).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from simkit.content import load_library, validate_paths
from simkit.content.formats import FORMAT_VERSION
from simkit.content.migrate import migrate_files, migrate_text

HERE = Path(__file__).parent
FORMAT_1 = HERE / "format-1"
REPO = HERE.parent.parent


def test_format_1_files_load_as_they_are_and_match_the_library():
    old = load_library(FORMAT_1)
    current = load_library(REPO / "scenarios")
    assert sorted(old.scenarios) == ["online-lead-lowest-price-v1", "showroom-family-suv-v1",
                                     "used-car-hidden-defects-v1"]
    for scenario_id in old.scenarios:
        # the same content as today's migrated files: display names and metadata aside, same persona traits
        assert old.persona(old.scenario(scenario_id).persona_id).traits == \
            current.persona(current.scenario(scenario_id).persona_id).traits


def test_migrate_rewrites_a_copy_keeping_comments_and_says_what_changed(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(FORMAT_1, folder)
    before = (folder / "personas/zhou-jian.yaml").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "simkit", "migrate", "personas/zhou-jian.yaml",
                             "scenarios/showroom-family-suv.yaml"], cwd=folder, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "personas/zhou-jian.yaml:19: traits.price_sensitivity: removed (nothing read it; the customer reacts "
        "to a discount by the rules of the objection it meets)",
        "personas/zhou-jian.yaml:2: format_version: set to 2 (format 1 -> 2)",
        "scenarios/showroom-family-suv.yaml:1: format_version: set to 2 (format 1 -> 2)",
        "2 files: 2 changed, 0 not migrated",
    ]
    after = (folder / "personas/zhou-jian.yaml").read_text(encoding="utf-8")
    expected = before.replace("  price_sensitivity: 0.6\n", "").replace("kind: persona\n",
                                                                       "format_version: 2\nkind: persona\n")
    assert after == expected
    assert after.startswith("# A returning customer")  # the comment is kept
    again = migrate_files([folder / "personas/zhou-jian.yaml"])
    assert [r.lines() for r in again] == [[f"{folder}/personas/zhou-jian.yaml: already format 2, unchanged"]]


def test_migrating_the_whole_copy_leaves_valid_current_files(tmp_path):
    shutil.copytree(FORMAT_1, tmp_path / "lib")
    reports = migrate_files([tmp_path / "lib"])
    assert [len(r.changes) for r in reports] == [2, 2, 2, 1, 1, 1]
    assert validate_paths([tmp_path / "lib"]) == []
    for path in (tmp_path / "lib").rglob("*.yaml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["format_version"] == FORMAT_VERSION


def test_a_flow_mapping_loses_the_pair_and_one_comma():
    head = "kind: persona\n"
    for traits, kept in (("{patience: 5, price_sensitivity: 0.6, trust: 30}", "{patience: 5, trust: 30}"),
                         ("{patience: 5, trust: 30, price_sensitivity: 0.6}", "{patience: 5, trust: 30}"),
                         ("{price_sensitivity: 0.6, patience: 5, trust: 30}", "{patience: 5, trust: 30}")):
        text, changes, _ = migrate_text(_persona(f"traits: {traits}  # how he reacts\n"), "p.yaml")
        assert f"traits: {kept}  # how he reacts\n" in text, text
        assert [str(c).split(":")[0] for c in changes] == ["traits.price_sensitivity", "format_version"]
        assert text.startswith("# p\nformat_version: 2\n" + head)


def test_a_file_with_problems_is_left_alone():
    text = _persona("traits: {patience: five, trust: 30, price_sensitivity: 0.6}\n")
    new_text, changes, problems = migrate_text(text, "p.yaml")
    assert (new_text, changes) == (text, [])
    assert [p.format() for p in problems] == [
        "p.yaml:10:20: traits.patience: expected a whole number, got a string (wrong-type)"]


def test_a_newer_format_is_one_problem():
    text = _persona("traits: {patience: 5, trust: 30}\n").replace("kind: persona", "format_version: 9\nkind: persona")
    (tmp := HERE / "_newer.yaml")
    try:
        tmp.write_text(text, encoding="utf-8")
        assert [p.format() for p in validate_paths([tmp])] == [
            f"{tmp}:2:17: format_version: format 9 is newer than this simkit reads (2); update simkit to "
            "load this file (newer-format)"]
    finally:
        tmp.unlink()


def _persona(traits_line: str) -> str:
    """A valid format-1 persona (the fixture's) with ``traits_line`` in place of its traits."""
    source = (HERE / "fixtures/personas/wang-lei.yaml").read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    out = ["# p\n"] + [traits_line if line.startswith("traits:") else line for line in lines
                       if not line.startswith(("#", "format_version"))]
    return "".join(out)
