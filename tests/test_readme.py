"""The README's Python examples run as written, in order, in a fresh folder (save, then score)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_python_examples_run(tmp_path):
    blocks = python_blocks()
    assert len(blocks) >= 2
    script = tmp_path / "readme_examples.py"
    script.write_text("\n".join(blocks), encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    saved = list((tmp_path / "transcripts").glob("*.json"))
    assert [p.name for p in saved] == ["showroom-family-suv-v1-7.json"]
    assert re.search(r"^\d+ (True|False) (fail|pass|merit|distinction)$", run.stdout, re.M), run.stdout
