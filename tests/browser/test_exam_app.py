"""Exam mode in real Chromium against a real Voila server (``simkit app practice --exam``'s command line).

One server for the module. The trainee sees a bilingual exam banner and no meters, hints,
choices or scorecard; the link's query cannot pick the scenario, seed or mode; each finished
conversation is saved signed and verifies with the server's key; nothing the browser receives
(the page, its scripts, the kernel's websocket messages) holds the key.
"""

from __future__ import annotations

import json

import pytest

from simkit import Session
from simkit.exam import exam_seed, new_key, verify
from simkit.transcript import Transcript
from simkit.ui.serve import ServeOptions
from tests.browser import practice_page as pp
from tests.browser.harness import VoilaServer, screenshot

USED_CAR = "used-car-hidden-defects-v1"
ONLINE = "online-lead-lowest-price-v1"
TRAINEE, EXAM = "trainee-07", "cert-test-1"


@pytest.fixture(scope="module")
def exam(tmp_path_factory):
    root = tmp_path_factory.mktemp("exam")
    (root / "secret").mkdir()
    key = new_key(root / "secret" / "exam.key")
    exam_file = root / "exam.json"
    exam_file.write_text(json.dumps({"exam_id": EXAM, "scenarios": [USED_CAR, ONLINE],
                                     "save_to": str(root / "saved" / "{trainee}")}), encoding="utf-8")
    return {"root": root, "key": key, "file": exam_file, "saved": root / "saved" / TRAINEE}


@pytest.fixture(scope="module")
def server(browser, exam, tmp_path_factory):
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    srv = VoilaServer(ServeOptions(pool_size=1, exam=str(exam["file"])), log=log,
                      env={"SIMKIT_EXAM_KEY_FILE": str(exam["root"] / "secret" / "exam.key"),
                           "JUPYTERHUB_USER": TRAINEE})
    yield srv
    srv.stop()


def test_an_exam_hides_the_state_saves_a_signed_transcript_and_never_shows_the_key(browser, server, exam):
    key_hex = exam["key"].hex()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    received: list[str] = []
    page.on("response", lambda r: received.append(_body(r)))
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(str(f))))
    # A query that would start a practice conversation: the exam server ignores it.
    page.goto(server.url(f"scenario={USED_CAR}&seed=5&mode=choice&lang=zh"), timeout=3 * pp.TIMEOUT)
    page.wait_for_selector(".simkit-exam-banner", timeout=3 * pp.TIMEOUT)
    banner = page.inner_text(".simkit-exam-banner")
    assert "考试" in banner and "This is an exam" in banner and TRAINEE in banner
    assert page.locator(pp.CUSTOMER).count() == 0
    screenshot(page, "exam-start-zh")
    page.locator(".simkit-exam-go").first.click()
    pp.wait_for_chat(page)
    seed = exam_seed(key=exam["key"], exam_id=EXAM, trainee_id=TRAINEE, scenario_id=USED_CAR)
    session = Session(USED_CAR, seed=seed, lang="zh")
    assert pp.customer_lines(page) == [session.opening]
    _, lines = pp.reference_lines(USED_CAR, "zh")
    for n, line in enumerate(lines[:4], start=1):
        assert pp.say(page, line) == session.say(line).text
        if n == 2:
            screenshot(page, "exam-mid-zh")
    shown = page.locator(".simkit-practice")
    assert shown.locator("[data-meter], .simkit-happened, .simkit-choice, .simkit-score-summary").count() == 0
    assert "阶段" not in shown.inner_text()  # the stage is a hint too
    page.click(".simkit-finish")
    page.wait_for_selector(".simkit-exam-ended", timeout=pp.TIMEOUT)
    assert page.locator(".simkit-score-summary").count() == 0 and page.locator(pp.INPUT).is_disabled()
    screenshot(page, "exam-ended-zh")
    saved = Transcript.load(exam["saved"] / f"{USED_CAR}.json")
    assert saved.trainee_lines == lines[:4] and saved.seed == seed and saved.times == "live"
    assert verify(saved, key=exam["key"], trainee_id=TRAINEE, exam_id=EXAM)
    assert not verify(saved, key=exam["key"], trainee_id="someone-else", exam_id=EXAM)
    # Nothing the browser got holds the key: the page, its scripts and styles, the widget messages.
    received.append(page.content())
    assert len(received) > 20 and not [r for r in received if key_hex in r]
    assert [p.name for p in exam["saved"].iterdir()] == [f"{USED_CAR}.json"]
    context.close()


def test_the_exam_in_english_lists_what_is_done_and_takes_each_scenario_once(browser, server, exam):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url(), timeout=3 * pp.TIMEOUT)
    page.wait_for_selector(".simkit-exam-banner", timeout=3 * pp.TIMEOUT)
    page.locator(".widget-toggle-button", has_text="English").click()
    page.wait_for_selector(".simkit-exam-go:has-text('Begin')", timeout=pp.TIMEOUT)
    items = page.locator(".simkit-exam-item")
    statuses = {items.nth(i).get_attribute("data-scenario"): items.nth(i).get_attribute("data-status")
                for i in range(items.count())}
    assert statuses == {USED_CAR: "started", ONLINE: "new"}  # ended early: it can be continued, not restarted
    screenshot(page, "exam-start-en")
    page.locator(".simkit-exam-go", has_text="Begin").click()
    pp.wait_for_chat(page)
    seed = exam_seed(key=exam["key"], exam_id=EXAM, trainee_id=TRAINEE, scenario_id=ONLINE)
    session = Session(ONLINE, seed=seed, lang="en")
    line = "Hi, thanks for your message! I'm Sam. Happy to help with the price."
    assert pp.say(page, line) == session.say(line).text
    assert page.locator("[data-meter], .simkit-happened").count() == 0
    screenshot(page, "exam-mid-en")
    saved = Transcript.load(exam["saved"] / f"{ONLINE}.json")
    assert saved.lang == "en" and saved.trainee_lines == [line]
    assert verify(saved, key=exam["key"], trainee_id=TRAINEE, exam_id=EXAM)
    context.close()


def _body(response) -> str:
    try:
        return response.body().decode("utf-8", "replace")
    except Exception:  # a redirect or an aborted request has no body
        return ""
