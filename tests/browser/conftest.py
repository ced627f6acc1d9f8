"""Fixtures for browser tests: one Playwright and one chromium per run, servers per module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.harness import CHROMIUM, launch_chromium


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (bash scripts/test.sh installs Debian's chromium)"
    try:
        import playwright  # noqa: F401
        import voila  # noqa: F401
    except ImportError:
        return "playwright and voila are missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)  # CI must run the browser tests, never skip them quietly
        pytest.skip(missing)
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        yield chromium
        chromium.close()
