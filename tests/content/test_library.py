"""The library: the real scenarios load clean, lookups, the default folder, content hashes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

import simkit.content
from simkit.content import Library, Persona, Scenario, default_library, load_library, validate_paths
from simkit.content.library import default_scenarios_path, find_content_files
from simkit.errors import ContentError, UnknownIdError

HERE = Path(__file__).parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"


def test_the_real_scenarios_folder_is_clean():
    assert [p.format() for p in validate_paths([REPO / "scenarios"])] == []
    library = load_library(REPO / "scenarios")
    assert "showroom-family-suv-v1" in library.scenarios
    for scenario in library.scenarios.values():
        assert scenario.persona_id in library.personas


def test_default_folder_is_the_repository_scenarios(monkeypatch):
    monkeypatch.delenv("SIMKIT_SCENARIOS", raising=False)
    assert default_scenarios_path() == REPO / "scenarios"
    assert set(default_library().scenarios) == set(load_library(REPO / "scenarios").scenarios)


def test_lookups_and_typed_objects():
    library = load_library([FIXTURES])
    scenario = library.scenario("wang-lei-first-car-v1")
    persona = library.persona(scenario.persona_id)
    assert isinstance(scenario, Scenario) and isinstance(persona, Persona)
    assert scenario.source == FIXTURES / "scenarios/wang-lei-first-car.yaml"
    assert persona.objection("price-gap").raise_on == ("present", "close")
    assert persona.need("commute").depth == "deep"
    assert scenario.goal.needs == ("budget-cap", "commute")
    assert scenario.asks[0].turn == 3
    assert repr(library) == "<Library: 1 personas, 1 scenarios>"
    assert library.catalogue() == [{
        "id": "wang-lei-first-car-v1", "title": {"zh": "第一次买车", "en": "First car"},
        "tags": ["showroom", "first-car"], "channel": "showroom", "persona": "wang-lei",
        "business_line": None, "skills": [], "difficulty": None,  # the fixture gives no catalogue metadata
    }]


def test_unknown_ids_suggest_close_ones():
    library = load_library(FIXTURES)
    with pytest.raises(UnknownIdError) as caught:
        library.scenario("wang-lei-first-car-v2")
    assert str(caught.value) == "unknown scenario 'wang-lei-first-car-v2'; did you mean 'wang-lei-first-car-v1'?"
    with pytest.raises(UnknownIdError, match=r"^unknown persona 'zhou'$"):
        library.persona("zhou")
    with pytest.raises(UnknownIdError):
        library.content_hash("nope-v1")


def test_collections_are_sorted_and_read_only():
    library = load_library(REPO / "scenarios")
    assert list(library.scenarios) == sorted(library.scenarios)
    assert list(library.personas) == sorted(library.personas)
    with pytest.raises(TypeError):
        library.scenarios["x"] = None  # type: ignore[index]


def test_environment_variable_and_cache(tmp_path, monkeypatch):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES, folder)
    monkeypatch.setenv("SIMKIT_SCENARIOS", str(folder))
    first = default_library()
    assert list(first.scenarios) == ["wang-lei-first-car-v1"]
    assert default_library() is first  # cached while nothing changes
    scenario_file = folder / "scenarios/wang-lei-first-car.yaml"
    scenario_file.write_text(scenario_file.read_text(encoding="utf-8").replace("First car", "A first car"), encoding="utf-8")
    second = default_library()
    assert second is not first and second.scenario("wang-lei-first-car-v1").title["en"] == "A first car"
    (folder / "scenarios/more").mkdir()  # a file added in a new sub-folder is seen too
    (folder / "scenarios/more/copy.yaml").write_text(
        scenario_file.read_text(encoding="utf-8").replace("wang-lei-first-car-v1", "wang-lei-copy-v1"), encoding="utf-8")
    assert sorted(default_library().scenarios) == ["wang-lei-copy-v1", "wang-lei-first-car-v1"]
    (folder / "scenarios/more/copy.yaml").unlink()
    assert list(default_library().scenarios) == ["wang-lei-first-car-v1"]
    (folder / "personas/wang-lei.yaml").write_text("kind: persona\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        default_library()
    assert "missing required field 'id' (missing-field)" in str(caught.value)


def test_missing_default_folder_is_a_content_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SIMKIT_SCENARIOS", str(tmp_path / "nowhere"))
    with pytest.raises(ContentError, match="no such file or folder"):
        default_library()


def test_hidden_folders_are_skipped_and_yml_is_read(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "c")
    checkpoint = tmp_path / "c/personas/.ipynb_checkpoints"
    checkpoint.mkdir()
    shutil.copy(FIXTURES / "personas/wang-lei.yaml", checkpoint / "wang-lei-checkpoint.yaml")
    (tmp_path / "c/scenarios/wang-lei-first-car.yaml").rename(tmp_path / "c/scenarios/first-car.yml")
    files, problems = find_content_files(tmp_path / "c")
    assert problems == []
    assert [Path(name).name for _, name in files] == ["wang-lei.yaml", "first-car.yml"]
    assert validate_paths(str(tmp_path / "c")) == []


def test_a_file_given_twice_is_read_once():
    assert validate_paths([FIXTURES, FIXTURES / "personas/wang-lei.yaml"]) == []


# -- content hash ------------------------------------------------------------------------------

SCENARIO_ID = "wang-lei-first-car-v1"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_content_hash_format_and_determinism():
    digest = load_library(FIXTURES).content_hash(SCENARIO_ID)
    assert digest.startswith("sha256:") and len(digest) == len("sha256:") + 64
    assert load_library(FIXTURES).content_hash(SCENARIO_ID) == digest


@pytest.mark.parametrize("style", ["json", "block", "comments"])
def test_reformatting_keeps_the_content_hash(tmp_path, style):
    original = load_library(FIXTURES).content_hash(SCENARIO_ID)
    folder = _copy(tmp_path)
    for path in folder.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if style == "json":  # JSON is YAML too: quotes everywhere, keys reordered
            text = json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1)
        elif style == "block":
            text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=False, sort_keys=False, width=40)
        else:
            text = "# a comment\n" + path.read_text(encoding="utf-8").replace("\n", "   # trailing\n", 3)
        path.write_text(text, encoding="utf-8")
    assert load_library(folder).content_hash(SCENARIO_ID) == original


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("scenarios/wang-lei-first-car.yaml", "Okay, let's book a test drive.", "Okay, let us book a test drive."),
        ("scenarios/wang-lei-first-car.yaml", "max_turns: 12", "max_turns: 13"),
        ("personas/wang-lei.yaml", "leave: {zh: [我走了。], en: [Bye.]}", "leave: {zh: [我走了。], en: [Bye!]}"),
        ("personas/wang-lei.yaml", "trust: 30", "trust: 31"),
    ],
)
def test_editing_content_changes_the_hash(tmp_path, file, old, new):
    original = load_library(FIXTURES).content_hash(SCENARIO_ID)
    folder = _copy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert load_library(folder).content_hash(SCENARIO_ID) != original


def test_public_names():
    assert sorted(simkit.content.__all__) == sorted([
        "CODES", "FORMAT_VERSION", "Ask", "Goal", "Library", "Need", "Objection", "Persona", "Problem", "References",
        "Scenario", "Traits", "check_paths", "default_library",
        "default_scenarios_path", "find_content_files", "json_schema", "load_library", "migrate_files",
        "validate_paths",
    ])
    assert Library.__module__ == "simkit.content.library"
