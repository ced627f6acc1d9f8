"""A scenario's own candidate lines (``choices:`` per stage) are offered in choice mode."""

from __future__ import annotations

import shutil

import yaml

from simkit import Session
from simkit.content import default_library, load_library
from simkit.ui.choices import candidates
from tests.browser.harness import REPO

STRONG = {"zh": "在您看车之前，我先问问：这台车主要是谁开、平时怎么用？",
          "en": "Before you look around, may I ask who will mostly drive it and how you use it day to day?"}
WEAK = {"zh": "这台车的颜色很受欢迎。", "en": "This colour is very popular."}
HARMFUL = {"zh": "别犹豫了，今天不买就没了。", "en": "Don't hesitate, it'll be gone if you don't buy today."}


def test_authored_lines_for_a_stage_are_offered_and_the_rest_are_built(tmp_path):
    shutil.copytree(REPO / "scenarios", tmp_path, dirs_exist_ok=True)
    path = tmp_path / "scenarios" / "used-car-hidden-defects.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["choices"] = {"needs": [{"kind": "strong", "says": STRONG}, {"kind": "weak", "says": WEAK},
                                 {"kind": "harmful", "says": HARMFUL}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    library = load_library(tmp_path)  # valid content
    for lang in ("zh", "en"):
        plain = Session("used-car-hidden-defects-v1", seed=1, lang=lang)
        session = Session("used-car-hidden-defects-v1", seed=1, lang=lang, library=library)
        assert candidates(session) == candidates(plain)  # at reception: nothing authored, all built
        line = next(c.text for c in candidates(session) if c.kind == "strong")
        session.say(line)
        plain.say(line)
        assert session.view.stage == "needs"
        offered = candidates(session)
        assert {(c.kind, c.text) for c in offered} == {("strong", STRONG[lang]), ("weak", WEAK[lang]),
                                                       ("harmful", HARMFUL[lang])}
        session.say(STRONG[lang])
        if session.view.stage == "needs":  # said once: the next strong line is built again
            assert STRONG[lang] not in [c.text for c in candidates(session)]


def test_a_bad_choice_kind_is_a_content_error(tmp_path):
    shutil.copytree(REPO / "scenarios", tmp_path, dirs_exist_ok=True)
    path = tmp_path / "scenarios" / "used-car-hidden-defects.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["choices"] = {"needs": [{"kind": "brilliant", "says": STRONG}]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_library(tmp_path)
    except Exception as exc:  # noqa: BLE001 - the content error names the field
        assert "choices" in str(exc) and "brilliant" in str(exc)
    else:
        raise AssertionError("an unknown choice kind was accepted")
    assert default_library().scenario("used-car-hidden-defects-v1").choices == {}
