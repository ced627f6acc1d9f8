"""The scenario studio's model, rendering and page, against simkit's own validator and engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simkit.content import validate_paths
from simkit.engine import Session
from simkit.ui import studio_render as render
from simkit.ui.studio_model import StudioModel, content_root
from simkit.ui.studio_play import default_lines, play

REPO = Path(__file__).resolve().parent.parent.parent
PERSONA = "personas/zhou-jian.yaml"
XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "scenarios"
    shutil.copytree(REPO / "scenarios", root)
    return root


def test_problems_are_the_validators_with_the_same_lines(folder):
    model = StudioModel(path=folder / PERSONA)
    assert model.root == folder and content_root(folder / PERSONA) == folder
    assert model.problems() == [] and model.scenario_ids() == ["showroom-family-suv-v1"]
    broken = model.text.replace("patience: 6", "patience: lots").replace("topic: budget", "topic: budgte")
    model.set_text(broken)
    found = [(p.line, p.column, p.path, p.code, p.message) for p in model.problems()]
    assert {"wrong-type", "unknown-topic"} <= {p[3] for p in found}
    assert (folder / PERSONA).read_text(encoding="utf-8") != broken  # checked in memory, nothing saved
    model.save()  # then simkit validate says the same of the file
    on_disk = [(p.line, p.column, p.path, p.code, p.message) for p in validate_paths([folder])
               if p.file.endswith("zhou-jian.yaml")]
    assert found == on_disk


def test_save_is_atomic_and_the_saved_folder_validates(folder):
    model = StudioModel(path=folder / PERSONA)
    model.set_text(model.text.replace("patience: 6", "patience: 7"))
    assert model.dirty
    model.save()
    assert not model.dirty and "patience: 7" in (folder / PERSONA).read_text(encoding="utf-8")
    assert validate_paths([folder]) == []
    assert [p.name for p in (folder / "personas").iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_yaml_tags_are_never_executed(folder, tmp_path):
    marker = tmp_path / "ran"
    model = StudioModel(path=folder / PERSONA)
    model.set_text(model.text + f'\nextra: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert "unsupported-tag" in {p.code for p in model.problems()}
    with pytest.raises(Exception):
        model.library()
    assert not marker.exists()


def test_the_preview_has_both_languages_and_escapes_markup(folder):
    model = StudioModel(path=folder / PERSONA)
    model.set_text(model.text.replace("我们家算过，{budget}是上限，不想再多了。", XSS))
    groups = {g.path: g for g in model.spoken()}
    says = groups["needs[1].says"]
    assert XSS in says.lines["zh"] and len(says.lines["en"]) == 2
    html = render.preview(list(groups.values()), {"zh": {"budget": "二十五万"}, "en": {}}, "en")
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "二十五万左右" not in html and "二十五万吧" in html  # the placeholder filled from the values given


def test_a_quick_conversation_is_the_engines_and_explains_each_beat(folder):
    model = StudioModel(path=folder / "scenarios/showroom-family-suv.yaml")
    library = model.library()
    lines = default_lines("en")
    played = play(library, "showroom-family-suv-v1", lines, lang="en", seed=3, ui_lang="zh")
    session = Session("showroom-family-suv-v1", seed=3, lang="en", library=library)
    expected = [session.opening] + [session.say(line).text for line in lines if not session.done]
    assert [t.customer for t in played.turns] == expected
    assert all(words and "{" not in words for t in played.turns for _, words, _ in t.beats)
    assert played == play(library, "showroom-family-suv-v1", lines, lang="en", seed=3, ui_lang="zh")
    html = render.played(played, "zh")
    assert html.count('class="simkit-turn"') == len(played.turns)


def test_self_checks_validate_and_replay(folder):
    model = StudioModel(path=folder / "scenarios/showroom-family-suv.yaml")
    results = model.self_checks()
    assert [r.check for r in results] == ["validate", "determinism:showroom-family-suv-v1:zh",
                                          "determinism:showroom-family-suv-v1:en"]
    assert all(r.ok for r in results)
    model.set_text(model.text.replace("max_turns: 20", "max_turns: many"))
    assert [(r.check, r.ok) for r in model.self_checks()] == [("validate", False)]


def test_the_page_shows_problems_and_refuses_files_outside_the_folder(folder, tmp_path):
    pytest.importorskip("ipywidgets")
    from simkit.ui.studio_app import StudioApp

    app = StudioApp(path=folder, query=f"lang=en&file={PERSONA}")
    assert app.model.name == PERSONA and 'data-problems="0"' in app.problems.value
    app.editor.value = app.editor.value.replace("patience: 6", "patience: lots")
    assert 'data-problems="1"' in app.problems.value and "Unsaved" in app.status.value
    outside = tmp_path / "outside.yaml"
    outside.write_text("kind: persona\n", encoding="utf-8")
    app.file.options = [("x", outside)]
    app.file.value = outside
    app._open()
    assert app.model.name == PERSONA  # not opened
