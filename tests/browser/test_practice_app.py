"""The practice app in real Chromium against a real Voila server (one server for the module).

Each test talks to the app as a trainee would and checks the result against the engine itself:
the same lines through a :class:`~simkit.Session` give the same customer lines and the same total.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from simkit import Session
from simkit.content import load_library
from simkit.scoring import score
from simkit.ui.choices import candidates
from simkit.ui.serve import ServeOptions
from tests.browser import practice_page as pp
from tests.browser.harness import REPO, VoilaServer, screenshot

USED_CAR = "used-car-hidden-defects-v1"
ATTACKS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
           '<a href="javascript:alert(1)">click</a>', '<img src=x onerror="window.__pwned=1">']


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    """The repository's scenarios plus one whose YAML text holds markup (a test scenario)."""
    root = tmp_path_factory.mktemp("scenarios")
    shutil.copytree(REPO / "scenarios", root, dirs_exist_ok=True)
    persona = yaml.safe_load((REPO / "scenarios/personas/he-min.yaml").read_text(encoding="utf-8"))
    persona["id"] = "markup-persona"
    persona["name"] = {"zh": ATTACKS[1], "en": ATTACKS[3]}
    scenario = yaml.safe_load((REPO / "scenarios/scenarios/used-car-hidden-defects.yaml").read_text(encoding="utf-8"))
    scenario.update(id="markup-test-v1", persona="markup-persona",
                    title={"zh": ATTACKS[0], "en": ATTACKS[0]}, brief={"zh": ATTACKS[2], "en": ATTACKS[2]},
                    opening={"zh": [ATTACKS[1]], "en": [ATTACKS[3] + " " + ATTACKS[2]]})
    (root / "personas" / "markup.yaml").write_text(yaml.safe_dump(persona, allow_unicode=True), encoding="utf-8")
    (root / "scenarios" / "markup.yaml").write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    load_library(root)  # the test scenario is valid content
    return root


@pytest.fixture(scope="module")
def transcripts(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("transcripts")


@pytest.fixture(scope="module")
def server(browser, content, transcripts, tmp_path_factory):
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    srv = VoilaServer(ServeOptions(pool_size=2, transcripts=str(transcripts)),
                      env={"SIMKIT_SCENARIOS": str(content)}, log=log)
    pp.warm(browser, srv)
    yield srv
    srv.stop()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_free_conversation_to_the_goal_then_the_scorecard(context, server, transcripts, lang):
    seed, lines = pp.reference_lines(USED_CAR, lang)
    page = pp.open_app(context, server, f"lang={lang}")
    page.wait_for_selector(".simkit-start", timeout=pp.TIMEOUT)
    page.locator("select").nth(2).select_option(value=None, label=_title(USED_CAR, lang))
    page.locator("input[type=number]").fill(str(seed))
    page.locator("input[type=number]").press("Tab")
    screenshot(page, f"start-{lang}")
    page.click(".simkit-start")
    pp.wait_for_chat(page)
    session = Session(USED_CAR, seed=seed, lang=lang)
    assert pp.customer_lines(page) == [session.opening]
    for n, line in enumerate(lines, start=1):
        try:
            reply = pp.say(page, line)
        except Exception:
            screenshot(page, f"failed-free-{lang}-turn-{n}")
            raise
        assert reply == session.say(line).text, f"turn {n}"
        if n == 6:
            screenshot(page, f"mid-{lang}")
    assert session.outcome.status == "success"
    assert pp.total(page) == score(session.transcript).total
    assert page.locator(pp.INPUT).is_disabled()
    screenshot(page, f"scorecard-{lang}")
    saved = json.loads((transcripts / pp.transcript_name(page)).read_text(encoding="utf-8"))
    assert [t["trainee"] for t in saved["turns"]] == lines and saved["outcome"]["status"] == "success"
    # Choosing an evidence item highlights its turn in the chat.
    page.locator(".simkit-evidence").first.click()
    page.wait_for_selector(".simkit-chat-box .simkit-hl", timeout=pp.TIMEOUT)


def test_a_choice_mode_conversation_to_the_end(context, server):
    page = pp.open_app(context, server, f"scenario=showroom-family-suv-v1&lang=en&mode=choice&seed=2")
    pp.wait_for_chat(page)
    session = Session("showroom-family-suv-v1", seed=2, lang="en")
    while not session.done:
        page.wait_for_function("document.querySelectorAll('.simkit-choice').length >= 3", timeout=pp.TIMEOUT)
        shown = page.locator(".simkit-choice").all_inner_texts()
        offered = candidates(session)
        assert [c.text for c in offered] == shown
        strong = next(c.text for c in offered if c.kind == "strong")
        assert pp.choose(page, strong) == session.say(strong).text
    assert pp.total(page) == score(session.transcript).total
    assert page.locator(".simkit-choice").count() == 0


def test_markup_in_lines_and_scenario_text_shows_as_text(context, server):
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url("scenario=markup-test-v1&lang=en"), timeout=pp.TIMEOUT)
    pp.wait_for_chat(page)
    for attack in ATTACKS:
        pp.say(page, attack)
    assert pp.trainee_lines(page) == ATTACKS
    page.click(".simkit-finish")
    pp.total(page)
    page.wait_for_timeout(500)
    body = page.inner_text("body")
    assert ATTACKS[0] in body and ATTACKS[2] in body and ATTACKS[3] in body  # the YAML text, as text
    assert pp.customer_lines(page)[0] == f"{ATTACKS[3]} {ATTACKS[2]}"
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    for shown in (".simkit-practice", "#simkit-first-view"):  # the live chat and the server's first view
        assert page.locator(f"{shown} script, {shown} img, {shown} a[href^=javascript]").count() == 0
    assert page.locator("#simkit-first-view .simkit-customer").text_content().endswith(f"{ATTACKS[3]} {ATTACKS[2]}")
    screenshot(page, "markup-as-text")


def test_the_first_line_shows_before_the_front_end_and_gives_way_to_the_live_chat(context, server):
    """The server's HTML carries the conversation (simkit.ui.render.first_view): with Voila's
    front end blocked the trainee still reads the customer's first line; with it, the live chat
    replaces the copy."""
    session = Session(USED_CAR, seed=3, lang="zh")
    blocked = context.new_page()
    blocked.route("**/voila/static/**", lambda route: route.abort())
    blocked.goto(server.url(f"scenario={USED_CAR}&lang=zh&seed=3"), timeout=pp.TIMEOUT, wait_until="commit")
    blocked.wait_for_selector("#simkit-first-view .simkit-customer", timeout=pp.TIMEOUT)
    assert blocked.inner_text("#simkit-first-view .simkit-customer").endswith(session.opening)
    assert not blocked.is_visible("#loading") and blocked.query_selector(pp.INPUT) is None
    screenshot(blocked, "first-view-zh")
    blocked.close()
    page = pp.open_app(context, server, f"scenario={USED_CAR}&lang=zh&seed=3")
    pp.wait_for_chat(page)
    page.wait_for_selector("#simkit-first-view", state="hidden", timeout=pp.TIMEOUT)
    assert pp.customer_lines(page) == [session.opening]


def test_widget_messages_from_the_browser_change_nothing_scored(context, server, transcripts):
    page = pp.open_app(context, server, f"scenario={USED_CAR}&lang=en&seed=1")
    pp.wait_for_chat(page)
    pp.say(page, "Hello, welcome! I'm Sam, one of the consultants here.")
    page.click(".simkit-finish")
    before = pp.total(page)
    path = transcripts / pp.transcript_name(page)
    saved = path.read_text(encoding="utf-8")
    # Set every synced trait a browser can reach: the disabled input's value and state, and the
    # HTML of every view (the scorecard's total included), as comm messages to the kernel.
    changed = page.evaluate("""async () => {
        const wm = window.jupyterapp.widgetManager;
        let n = 0;
        for (const id of Object.keys(wm._models)) {
            const model = await wm.get_model(id);
            const name = model.get('_model_name');
            if (name === 'TextModel') {
                model.set({disabled: false, value: 'I guarantee it, sign today!'});
                model.save_changes(); n++;
            } else if (name === 'HTMLModel') {
                model.set('value', '<div data-total="100">100</div>'); model.save_changes(); n++;
            }
        }
        return n;
    }""")
    assert changed > 5
    page.wait_for_timeout(1500)
    assert path.read_text(encoding="utf-8") == saved  # no turn was played, nothing re-saved
    assert score(path).total == before
    # The kernel's own view did not move: a redraw from Python shows the real conversation.
    page.locator(".simkit-evidence").first.click()
    page.wait_for_function("document.querySelectorAll('.simkit-chat-box .simkit-trainee').length === 1",
                           timeout=pp.TIMEOUT)


def test_a_killed_kernel_is_reported_and_the_conversation_resumes(context, server, transcripts):
    seed, lines = pp.reference_lines(USED_CAR, "zh")
    page = pp.open_app(context, server, f"scenario={USED_CAR}&lang=zh&seed={seed}")
    pp.wait_for_chat(page)
    session = Session(USED_CAR, seed=seed, lang="zh")
    for line in lines[:4]:
        assert pp.say(page, line) == session.say(line).text
    name = pp.transcript_name(page)
    pp.kill_kernel(pp.kernel_id(page))
    lost = page.locator(".simkit-kernel-lost .simkit-alert")
    lost.wait_for(state="visible", timeout=pp.TIMEOUT)
    assert name in lost.inner_text() and "连接已断开" in lost.inner_text()
    screenshot(page, "kernel-lost-zh")
    saved = json.loads((transcripts / name).read_text(encoding="utf-8"))
    assert [t["trainee"] for t in saved["turns"]] == lines[:4]
    lost.locator("a").click()
    pp.wait_for_chat(page)
    page.wait_for_function(f"document.querySelectorAll({pp.TRAINEE!r}).length === 4", timeout=pp.TIMEOUT)
    assert pp.transcript_name(page) == name
    for line in lines[4:]:
        assert pp.say(page, line) == session.say(line).text
    assert pp.total(page) == score(session.transcript).total
    saved = json.loads((transcripts / name).read_text(encoding="utf-8"))
    assert [t["trainee"] for t in saved["turns"]] == lines


def test_no_request_leaves_the_machine(context, server):
    requests = []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.url(f"scenario={USED_CAR}&lang=en"), timeout=pp.TIMEOUT)
    pp.wait_for_chat(page)
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))]
    assert outside == []


def _title(scenario_id: str, lang: str) -> str:
    from simkit.content import default_library

    return default_library().scenario(scenario_id).title[lang]
