"""A browser test harness: real Voila servers on free localhost ports, Debian's chromium via Playwright.

Reused by every app's browser tests (practice now; the dashboard and studio later):

- :class:`VoilaServer` starts ``voila`` with the same command line ``simkit app`` uses
  (:func:`simkit.ui.serve.voila_argv`), waits until it answers, and stops its whole process group;
- :func:`launch_chromium` launches ``/usr/bin/chromium`` (never a downloaded browser) with the
  flags that keep it off the network;
- :func:`screenshot` saves a PNG under ``tests/artifacts/`` (git-ignored; CI keeps its output).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
REPO = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VoilaServer:
    """One ``voila`` process serving an app on 127.0.0.1, for the length of a test module.

    Args:
        options: :class:`simkit.ui.serve.ServeOptions` (port and token are filled in).
        app: the app's notebook name under ``apps/``.
        env: extra environment for the server and its kernels (``SIMKIT_TRANSCRIPTS``, ...).
        log: where the server's output goes.
    """

    def __init__(self, options, *, app: str = "practice", env: dict[str, str] | None = None, log: Path) -> None:
        from dataclasses import replace

        from simkit.ui.serve import voila_argv, voila_env

        self.port = free_port()
        self.options = replace(options, port=self.port, ip="127.0.0.1").with_token()
        self.token = self.options.token
        self.log_path = log
        self._log = open(log, "w", encoding="utf-8")
        full_env = voila_env(self.options, {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        self.process = subprocess.Popen(voila_argv(self.options, app=app), cwd=REPO, env=full_env, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_ready()

    def url(self, query: str = "") -> str:
        sep = "&" if query else ""
        return f"http://127.0.0.1:{self.port}/?{query}{sep}token={self.token}"

    def api(self, path: str):
        """GET a Jupyter server API path (``/api/kernels``) as JSON."""
        import json

        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}",
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def kernels(self) -> list[dict]:
        return self.api("/api/kernels")

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"voila exited with {self.process.returncode}: see {self.log_path}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"voila did not listen within {timeout} s: see {self.log_path}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()


def launch_chromium(playwright):
    """Debian's chromium under Playwright; each launch has a new, empty profile."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
