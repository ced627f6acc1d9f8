"""The widgets over the view-model, without a browser: escaping, states, and traits that score nothing."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("ipywidgets")

from simkit.content import default_library  # noqa: E402
from simkit.ui import render  # noqa: E402
from simkit.ui.app import PracticeApp  # noqa: E402
from simkit.ui.labels import UI_TEXT  # noqa: E402
from simkit.ui.widgets import Practice  # noqa: E402
from tests.ui.test_model import USED_CAR, seed_of, strong_lines  # noqa: E402

ATTACKS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>']


def all_html(widget) -> str:
    """Every HTML value under ``widget``."""
    out = [getattr(widget, "value", "")] if widget.__class__.__name__ == "HTML" else []
    for child in getattr(widget, "children", ()):
        out.append(all_html(child))
    return "\n".join(out)


def test_every_label_has_both_languages():
    assert all(set(v) == {"zh", "en"} and all(v.values()) for v in UI_TEXT.values())


@pytest.mark.parametrize("attack", ATTACKS)
def test_trainee_markup_is_shown_as_text(tmp_path, attack):
    p = Practice(USED_CAR, lang="en", folder=tmp_path)
    p.chat.input.value = attack
    assert p.model.messages[-2].text == attack
    p.chat.finish.click()
    html = all_html(p.widget)
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert render.escape(attack) in html  # shown, escaped, in the chat and the scorecard's quotes


def test_enter_sends_clears_and_redraws(tmp_path):
    p = Practice(USED_CAR, lang="zh", folder=tmp_path)
    p.chat.input.value = "您好，欢迎光临！我是小孙。"
    assert p.chat.input.value == ""
    assert p.chat.bubbles.value.count('data-role="customer"') == 2
    assert "第1轮" in p.chat.header.value and 'data-meter="trust"' in p.meters.widget.value
    assert p.model.path.name in p.saved.value


def test_an_overlong_line_is_given_back(tmp_path):
    p = Practice(USED_CAR, lang="en", folder=tmp_path)
    p.chat.input.value = "x" * 2001
    assert p.chat.input.value == "x" * 2001 and "too long" in p.chat.notice.value
    assert p.model.session.transcript.turns == []


def test_the_end_disables_the_input_and_shows_the_scorecard(tmp_path):
    p = Practice(USED_CAR, lang="en", seed=seed_of(), folder=tmp_path)
    for line in strong_lines("en"):
        p.chat.input.value = line
    assert p.chat.input.disabled and p.chat.send.disabled and p.chat.finish.disabled
    assert p.chat.input.placeholder == "The conversation is over"
    summary = p.scorecard.widget.children[0].value
    assert f'data-total="{p.model.scorecard.total}"' in summary and "Passed" in summary
    assert "Try saying" in p.scorecard.widget.children[1].value or not p.model.scorecard.feedback
    evidence = [b for b in _buttons(p.scorecard.widget) if "simkit-evidence" in b._dom_classes]
    assert evidence
    evidence[0].click()
    turn = int(re.search(r"\d+", evidence[0].description).group())
    assert p.model.highlighted == turn
    assert f'simkit-hl" data-turn="{turn}"' in p.chat.bubbles.value


def test_setting_traits_from_outside_changes_nothing_scored(tmp_path):
    """What a browser could send: new values for any synced trait, disabled widgets included."""
    p = Practice(USED_CAR, lang="en", seed=seed_of(), folder=tmp_path)
    for line in strong_lines("en"):
        p.chat.input.value = line
    card, turns = p.model.scorecard, list(p.model.session.transcript.turns)
    saved = p.model.path.read_text()
    p.chat.input.disabled = False
    p.chat.input.value = "I guarantee it, sign now!"
    p.scorecard.widget.children[0].value = '<div data-total="100">Total: 100/100</div>'
    p.meters.widget.value = "trust 100"
    p.chat.bubbles.value = ""
    assert p.model.scorecard is card and p.model.session.transcript.turns == turns
    assert p.model.path.read_text() == saved


def test_choice_mode_shows_buttons_and_hides_the_input(tmp_path):
    p = Practice(USED_CAR, lang="zh", mode="choice", folder=tmp_path)
    buttons = p.chat.choices.children
    assert 3 <= len(buttons) <= 4 and p.chat.input_row.layout.display == "none"
    first = buttons[0].description
    buttons[0].click()
    assert p.model.messages[-2].text == first


def test_an_exam_hides_the_meters(tmp_path):
    p = Practice(USED_CAR, lang="en", mode="exam", folder=tmp_path)
    assert "Exam mode" in p.meters.widget.value and "data-meter" not in p.meters.widget.value


def test_scenario_text_is_escaped_too(tmp_path, monkeypatch):
    p = Practice(USED_CAR, lang="en", folder=tmp_path)
    monkeypatch.setitem(p.model.session.persona.name, "en", "<b onmouseover=alert(1)>Eve</b>")
    p.redraw()
    assert "<b onmouseover" not in p.chat.header.value + p.chat.bubbles.value
    assert "&lt;b onmouseover=alert(1)&gt;Eve" in p.chat.header.value


def test_the_kernel_lost_message_links_to_resume(tmp_path):
    p = Practice(USED_CAR, lang="zh", folder=tmp_path)
    assert f'href="?resume={p.model.path.name}"' in p.lost.value and "simkit-kernel-lost" in p.lost._dom_classes


def test_the_app_picker_filters_and_starts(tmp_path):
    app = PracticeApp(lang="en", folder=tmp_path)
    library = default_library()
    assert app.practice is None and len(app.scenario.options) == len(library.scenarios)
    app.channel.value = "online_chat"
    online = sorted(i for i in library.scenarios if library.scenario(i).channel == "online_chat")
    assert sorted(v for _, v in app.scenario.options) == online and "online-lead-lowest-price-v1" in online
    app.channel.value = ""
    app.tag.value = "used-car"
    app.language.value = "zh"
    assert app.lang == "zh" and app.scenario.value == USED_CAR
    app.mode.value = "choice"
    app._start_from_picker()
    assert app.practice.model.mode == "choice" and app.practice.model.lang == "zh"
    assert "data:application/json;base64," in app.download.value


def test_the_app_starts_and_resumes_from_the_query(tmp_path):
    app = PracticeApp(query=f"scenario={USED_CAR}&lang=en&mode=free&seed=4", folder=tmp_path)
    model = app.practice.model
    assert (model.lang, model.mode, model.session.seed) == ("en", "free", 4)
    model.send("Hello, welcome!")
    again = PracticeApp(query=f"resume={model.path.name}", folder=tmp_path)
    assert again.practice.model.messages == model.messages
    missing = PracticeApp(query="resume=../etc/passwd&lang=en", folder=tmp_path)
    assert missing.practice is None and "No transcript called ../etc/passwd" in all_html(missing.widget)


def test_the_app_carries_a_static_first_view_of_the_conversation(tmp_path, monkeypatch):
    """The served page shows it before the widgets load: the conversation so far, escaped, no input."""
    assert "text/html" not in PracticeApp(lang="en", folder=tmp_path)._repr_mimebundle_()  # the picker: none
    app = PracticeApp(query=f"scenario={USED_CAR}&lang=zh&seed=2", folder=tmp_path)
    monkeypatch.setitem(app.practice.model.session.persona.name, "zh", ATTACKS[1])
    app.practice.model.send(ATTACKS[0])
    bundle = app._repr_mimebundle_()
    first = bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle  # front ends with widgets draw those
    assert "simkit-first-view" in first and render.escape(app.practice.model.session.opening) in first
    assert render.escape(ATTACKS[0]) in first and render.escape(ATTACKS[1]) in first
    assert "<script>" not in first and "<img" not in first and "<input" not in first
    assert render.escape(UI_TEXT["connecting"]["zh"]) in first


def _buttons(widget):
    if widget.__class__.__name__ == "Button":
        yield widget
    for child in getattr(widget, "children", ()):
        yield from _buttons(child)
