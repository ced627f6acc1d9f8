"""The scenarios' reference conversations, for tests that need a realistic transcript.

The conversations live beside each scenario (``scenarios/**/*.references.yaml``) and
``simkit check`` plays them all; this is a thin way in for the tests that reuse them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from simkit.content import default_library
from simkit.content.references import LEVELS, References
from simkit.selfcheck import play
from simkit.selfcheck import play_reference as play_ref
from simkit.transcript import Transcript

__all__ = ["LEVELS", "load", "play", "play_reference", "reference_file", "reference_files"]


def reference_file(scenario_id: str) -> Path:
    """The references file of ``scenario_id``."""
    return Path(default_library().references[scenario_id].source)


def reference_files() -> list[Path]:
    """Every references file of the library, sorted."""
    return sorted(Path(r.source) for sets in default_library().reference_sets.values() for r in sets)


def load(path: Path) -> dict:
    """A references file as plain data."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def play_reference(path: Path, level: str, lang: str, *, save_to: Path | None = None) -> Transcript:
    """The transcript of one reference script of the file at ``path``."""
    return play_ref(References.from_data(load(path), source=path), level, lang, save_to=save_to)
