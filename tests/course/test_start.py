"""The README's main command sets up the course and opens JupyterLab on courses/."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_start_sh_opens_jupyterlab_on_the_course():
    port = _free_port()
    process = subprocess.Popen(
        ["bash", "scripts/start.sh", "--no-browser", f"--port={port}", "--ServerApp.token=start-test"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        listing = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token=start-test", timeout=2) as r:
                    listing = json.load(r)
                break
            except OSError:
                time.sleep(0.5)
        assert listing is not None, process.stdout.read().decode(errors="replace") if process.poll() is not None else ""
        names = {item["name"] for item in listing["content"]}
        assert "01-getting-started" in names
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token=start-test", timeout=10) as r:
            assert r.status == 200
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
