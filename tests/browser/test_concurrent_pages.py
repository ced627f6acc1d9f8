"""Ten trainees on one Voila server at once, then the culler (a server of its own, short cull timeout)."""

from __future__ import annotations

import json
import time

import pytest

from simkit import Session
from simkit.ui.choices import strong_line
from simkit.ui.serve import ServeOptions
from tests.browser import practice_page as pp
from tests.browser.harness import VoilaServer

PAGES = [("showroom-family-suv-v1", "zh", s) for s in (1, 2, 3, 4)] + \
        [("online-lead-lowest-price-v1", "en", s) for s in (1, 2, 3)] + \
        [("used-car-hidden-defects-v1", lang, s) for lang, s in (("zh", 1), ("en", 2), ("en", 3))]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("transcripts")
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    # Closed pages' kernels go after 3 s idle; open ones, and pages still loading, are kept while
    # the test runs (cull_connected 600 s; cull_unconnected 900 s: ten pages loading at once on a
    # loaded 2-core machine took more than the default 120 s to connect, and lost their kernels).
    srv = VoilaServer(ServeOptions(pool_size=0, cull_idle=3, cull_interval=1, cull_connected=600,
                                   cull_unconnected=900, transcripts=str(folder)), log=log)
    srv.folder = folder
    yield srv
    srv.stop()


def test_ten_pages_at_once_each_see_only_their_own_conversation_then_are_culled(browser, server):
    assert len({(s, seed) for s, _, seed in PAGES}) == 10
    contexts = [browser.new_context() for _ in PAGES]
    pages = []
    for ctx, (scenario, lang, seed) in zip(contexts, PAGES):
        page = ctx.new_page()
        page.goto(server.url(f"scenario={scenario}&lang={lang}&seed={seed}"), wait_until="commit", timeout=3 * pp.TIMEOUT)
        pages.append(page)
    sessions = [Session(s, seed=seed, lang=lang) for s, lang, seed in PAGES]
    said: list[list[str]] = [[] for _ in PAGES]
    for page, session in zip(pages, sessions):
        pp.wait_for_first_line(page, server, timeout=3 * pp.TIMEOUT)
        assert pp.customer_lines(page) == [session.opening]
    # Every page says its next line, then every reply is awaited: the kernels work side by side.
    while not all(s.done for s in sessions):
        waiting = []
        for i, (page, session) in enumerate(zip(pages, sessions)):
            if session.done:
                continue
            line = strong_line(session)
            waiting.append((i, page.locator(pp.CUSTOMER).count(), session.say(line).text))
            said[i].append(line)
            page.fill(pp.INPUT, line)
            page.press(pp.INPUT, "Enter")
        for i, before, expected in waiting:
            pages[i].wait_for_function(f"document.querySelectorAll({pp.CUSTOMER!r}).length > {before}",
                                       timeout=pp.TIMEOUT)
            assert pp.customer_lines(pages[i])[-1] == expected
    names = set()
    for page, session, lines in zip(pages, sessions, said):
        assert session.outcome.status == "success"
        assert pp.trainee_lines(page) == lines
        assert pp.customer_lines(page) == [session.opening] + [t.customer for t in session.transcript.turns]
        name = pp.transcript_name(page)
        saved = json.loads((server.folder / name).read_text(encoding="utf-8"))
        assert [t["trainee"] for t in saved["turns"]] == lines
        assert (saved["scenario"]["id"], saved["seed"]) == (session.scenario.id, session.seed)
        names.add(name)
    assert len(names) == len(PAGES)
    assert len(pp.kernel_processes(server)) == len(PAGES)
    for ctx in contexts:
        ctx.close()
    deadline = time.monotonic() + 90
    while pp.kernel_processes(server) and time.monotonic() < deadline:
        time.sleep(1)
    assert pp.kernel_processes(server) == []
