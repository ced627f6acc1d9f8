"""The practice app's speed as a trainee feels it, in Debian's chromium against a real Voila server.

Prints two figures (targets: first line < 3 s; reply < 150 ms median):

- page load to the first customer line visible (a new browser context each time, the server's
  preheated pool refilled in between, as when trainees arrive one by one): the server's static
  first view of the conversation (simkit.ui.render.first_view), shown as the HTML arrives; then
  page load to ready to reply (the live chat and its input drawn), with where that time goes:
  the server's HTML complete (Voila with a preheated kernel), the page's scripts loaded (the
  ``load`` event: Voila's JupyterLab front end, about 5 MB of JavaScript), the first widget drawn
  and the live chat's first line drawn (the widget manager connecting to the kernel and rendering);
- Enter to the customer's reply visible, measured inside the page (keydown to the new bubble in
  the DOM), median and p95 over 20 turns.

Run: ``.venv/bin/python bench/bench_ui.py`` (needs the test extra and /usr/bin/chromium).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from simkit import Session  # noqa: E402
from simkit.ui.choices import strong_line  # noqa: E402
from simkit.ui.serve import ServeOptions  # noqa: E402
from tests.browser import practice_page as pp  # noqa: E402
from tests.browser.harness import VoilaServer, launch_chromium  # noqa: E402

LOADS = 5
PHASES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {html: nav.responseEnd / 1000, scripts: nav.loadEventEnd / 1000,
          widget: window.__simkit_t.widget / 1000, line: window.__simkit_t.line / 1000,
          first: window.__simkit_t.first / 1000};
}"""
MARK = """
window.__simkit_t = {};
new MutationObserver(() => {
  const t = window.__simkit_t, now = performance.now();
  if (!t.first && document.querySelector('.simkit-customer')) t.first = now;
  if (!t.widget && document.querySelector('.jupyter-widgets')) t.widget = now;
  if (!t.line && document.querySelector('.simkit-chat-box .simkit-customer')) t.line = now;
}).observe(document, {childList: true, subtree: true});
"""
TURNS = 20
WATCH = """() => {
  const box = document.querySelector('.simkit-chat-box');
  const input = document.querySelector('.simkit-input input');
  window.__replies = [];
  let t0 = null;
  let count = box.querySelectorAll('.simkit-customer').length;
  input.addEventListener('keydown', e => { if (e.key === 'Enter') t0 = performance.now(); }, true);
  new MutationObserver(() => {
    const n = box.querySelectorAll('.simkit-customer').length;
    if (n > count && t0 !== null) { window.__replies.push(performance.now() - t0); t0 = null; }
    count = n;
  }).observe(box, {childList: true, subtree: true, characterData: true});
}"""


def browser_cpu_seconds() -> float:
    """CPU seconds used so far by this process's chromium descendants: a figure that, unlike the
    wall time, hardly moves when other work shares the machine."""
    parents, cpu = {}, {}
    tick = os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            chromium = b"chromium" in (proc / "cmdline").read_bytes()
        except OSError:
            continue
        parents[int(proc.name)] = int(fields[1])
        if chromium:
            cpu[int(proc.name)] = (int(fields[11]) + int(fields[12])) / tick
    me = os.getpid()

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == me:
                return True
        return False

    return sum(seconds for pid, seconds in cpu.items() if ours(pid))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    folder = tempfile.mkdtemp(prefix="simkit-bench-")
    server = VoilaServer(ServeOptions(pool_size=2, transcripts=folder), log=Path(folder) / "voila.log")
    try:
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            pp.warm(browser, server)
            firsts, loads, phases, cpu = [], [], [], []
            for i in range(LOADS):
                time.sleep(8)  # let the pool refill, as between two trainees arriving
                context = browser.new_context()
                page = context.new_page()
                page.add_init_script(MARK)
                used = browser_cpu_seconds()
                start = time.perf_counter()
                page.goto(server.url(f"scenario=used-car-hidden-defects-v1&lang=en&seed={i}"),
                          timeout=pp.TIMEOUT, wait_until="commit")
                page.wait_for_selector(".simkit-customer", timeout=pp.TIMEOUT)
                firsts.append(time.perf_counter() - start)
                pp.wait_for_chat(page)
                page.wait_for_selector(f"{pp.INPUT}:enabled", timeout=pp.TIMEOUT)
                loads.append(time.perf_counter() - start)
                phases.append(page.evaluate(PHASES))
                cpu.append(browser_cpu_seconds() - used)
                context.close()
            print(f"first customer line visible: median {statistics.median(firsts):.2f} s, "
                  f"max {max(firsts):.2f} s over {LOADS} page loads")
            print(f"ready to reply (live chat and input drawn): median {statistics.median(loads):.2f} s, "
                  f"max {max(loads):.2f} s")
            print("  median seconds after navigation: " + ", ".join(
                f"{name} {statistics.median(p[key] for p in phases):.2f}"
                for key, name in (("first", "first view's line"), ("html", "server HTML done"),
                                  ("scripts", "scripts loaded"), ("widget", "first widget"),
                                  ("line", "live chat's first line"))))
            print(f"  the browser's own work: median {statistics.median(cpu):.2f} CPU s per page load "
                  f"(load average {os.getloadavg()[0]:.1f} at the end)")
            sys.stdout.flush()
            replies: list[float] = []
            for scenario in ("used-car-hidden-defects-v1", "showroom-family-suv-v1"):
                if len(replies) >= TURNS:
                    break
                time.sleep(8)
                context = browser.new_context()
                page = context.new_page()
                page.goto(server.url(f"scenario={scenario}&lang=zh&seed=1"), timeout=pp.TIMEOUT)
                pp.wait_for_chat(page)
                page.evaluate(WATCH)
                session = Session(scenario, seed=1, lang="zh")
                while not session.done and len(replies) < TURNS:
                    line = strong_line(session)
                    session.say(line)
                    pp.say(page, line)
                    got = page.evaluate("window.__replies")
                    replies.append(got[-1])
                    page.evaluate("window.__replies = []")
                context.close()
            browser.close()
    finally:
        server.stop()
    print(f"Enter to reply visible: median {statistics.median(replies):.0f} ms, p95 {p95(replies):.0f} ms "
          f"over {len(replies)} turns")


if __name__ == "__main__":
    main()
