"""Versions of behaviour: short hashes of what decides behaviour, never of source files.

A version must change when the rules, the weights, the model or the scenario's meaning change,
and must not change for a comment or a refactor (it is recorded in every transcript, and a
transcript recorded under other versions is not certifiable). So versions hash data -- a table
of rule constants, the shipped model's bytes -- plus a hand-bumped number for the logic that no
table captures.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

#: The release, as in pyproject.toml (tests/test_versions.py checks they agree). It lives here,
#: not in simkit/__init__.py, so that modules recording it need not import the whole package.
SIMKIT_VERSION = "0.1.0"


def digest(data: Any) -> str:
    """The first 12 hex digits of a SHA-256 over ``data`` as canonical JSON.

    Sets become sorted lists and tuples lists, so the digest depends on values only.
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def bytes_digest(raw: bytes) -> str:
    """The first 12 hex digits of a SHA-256 over ``raw`` with Windows line ends made Unix ones."""
    return hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()[:12]


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot version a {type(value).__name__}")
