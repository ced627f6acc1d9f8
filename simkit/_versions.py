"""Versions derived from the bytes of source files, so a behaviour change can't go unrecorded."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def files_version(prefix: str, folder: Path, names: Iterable[str]) -> str:
    """``prefix`` + the first 12 hex digits of a SHA-256 over each file's name and bytes.

    A missing file counts as ``b"-"`` (an optional artefact, such as a shipped model).
    """
    digest = hashlib.sha256()
    for name in names:
        path = folder / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return prefix + digest.hexdigest()[:12]
