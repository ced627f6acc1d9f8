"""The scenario studio's model, rendering and page, against simkit's own validator and engine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from simkit.commands.check import report_lines
from simkit.content import validate_paths
from simkit.engine import Session
from simkit.selfcheck import check_library
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


def test_self_checks_are_simkit_check_on_the_edited_text(folder):
    model = StudioModel(path=folder / "scenarios/showroom-family-suv.yaml")
    report = model.self_checks()
    assert report == check_library([folder], ["showroom-family-suv-v1"])  # the same code, the same results
    cli = subprocess.run([sys.executable, "-m", "simkit", "check", "--path", str(folder), "--lang", "en",
                          "showroom-family-suv-v1"], capture_output=True, text=True, cwd=REPO)
    assert cli.returncode == 0 and cli.stdout.splitlines() == report_lines(report, "en")
    checks = [r.check for r in report.scenarios[0].results]
    assert checks[:7] == ["references", "strong:zh", "strong:en", "average:zh", "average:en", "poor:zh", "poor:en"]
    for lang in ("zh", "en"):  # each reference with its outcome, points and band, in words
        html = render.checks(report, lang)
        assert 'data-failed="0"' in html
        for result in report.scenarios[0].results:
            assert escape(result.text(lang)) in html and escape(result.label(lang)) in html
        strong = report.scenarios[0].results[1]
        assert (f'data-check="strong:zh" data-ok="true" data-code="reference-ok" data-outcome="success" '
                f'data-total="{strong.params["total"]}" data-band="{strong.params["band"]}"') in html

    model.set_text(model.text.replace("min_trust: 55", "min_trust: 95"))  # the strong salesperson cannot book now
    failing = model.self_checks()
    assert "min_trust: 55" in (folder / "scenarios/showroom-family-suv.yaml").read_text(encoding="utf-8")  # unsaved
    bad = [r for r in failing.scenarios[0].results if not r.ok]
    assert [(r.check, r.code) for r in bad][:2] == [("strong:zh", "wrong-outcome"), ("strong:en", "wrong-outcome")]
    html = render.checks(failing, "zh")
    assert f'data-failed="{len(bad)}"' in html and all(escape(r.text("zh")) in html for r in bad)

    model.set_text(model.text.replace("max_turns: 20", "max_turns: many"))
    broken = model.self_checks()
    assert broken.scenarios == () and [p.code for p in broken.problems] == ["wrong-type"]
    assert 'data-problems="1"' in render.checks(broken, "en")


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
