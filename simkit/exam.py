"""Exam signatures: only the serving side, which holds the key, can make a valid exam transcript.

The exam server (the practice app in exam mode) draws each trainee's seed, stamps the times and
signs the finished transcript: an HMAC-SHA256 over :meth:`Transcript.canonical_bytes`, which binds
the whole transcript (lines, times, ``times``, seed, versions) to the trainee and the exam. The
certification run checks the signature with the same key. A trainee who runs simkit on their own
machine can practise, but without the key cannot produce a transcript that verifies, and a
transcript copied from another trainee or another exam does not verify either.

The key is a file of random bytes readable only by the server's user (see :func:`new_key`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from simkit.safeio import atomic_write_text
from simkit.transcript import Transcript

SCHEME = "hmac-sha256"
KEY_BYTES = 32


def new_key(path: str | Path) -> bytes:
    """Create a new random key file (mode 0600); refuses to overwrite an existing one."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path}: an exam key is already there; delete it first to start a new exam")
    key = secrets.token_bytes(KEY_BYTES)
    atomic_write_text(path, key.hex() + "\n")  # via mkstemp: created 0600
    os.chmod(path, 0o600)
    return key


def load_key(path: str | Path) -> bytes:
    """Read a key written by :func:`new_key`."""
    text = Path(path).read_text(encoding="ascii").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise ValueError(f"{path}: not an exam key (expected {KEY_BYTES * 2} hex digits)") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"{path}: not an exam key (expected {KEY_BYTES * 2} hex digits)")
    return key


def signature(transcript: Transcript, *, key: bytes, trainee_id: str, exam_id: str) -> str:
    """The signature string for ``transcript`` taken by ``trainee_id`` in ``exam_id``."""
    mac = hmac.new(key, transcript.canonical_bytes(trainee_id=trainee_id, exam_id=exam_id), hashlib.sha256)
    return f"{SCHEME}:{mac.hexdigest()}"


def sign(transcript: Transcript, *, key: bytes, trainee_id: str, exam_id: str) -> Transcript:
    """Set ``transcript.signature`` (in place) and return the transcript."""
    transcript.signature = signature(transcript, key=key, trainee_id=trainee_id, exam_id=exam_id)
    return transcript


def verify(transcript: Transcript, *, key: bytes, trainee_id: str, exam_id: str) -> bool:
    """True only when the transcript carries this trainee's and this exam's valid signature."""
    if not transcript.signature:
        return False
    expected = signature(transcript, key=key, trainee_id=trainee_id, exam_id=exam_id)
    return hmac.compare_digest(transcript.signature.encode("utf-8", "replace"), expected.encode("ascii"))


def exam_seed(*, key: bytes, exam_id: str, trainee_id: str, scenario_id: str) -> int:
    """The seed the exam draws for one trainee and scenario: fixed for the exam, but not
    predictable without the key (so one trainee's lines are no answer key for another's)."""
    message = "\x1f".join((exam_id, trainee_id, scenario_id)).encode("utf-8")
    return int.from_bytes(hmac.new(key, b"seed\x1f" + message, hashlib.sha256).digest()[:4], "big")


def key_from_env(env: dict[str, str] | None = None) -> bytes | None:
    """The key named by ``SIMKIT_EXAM_KEY_FILE`` in the server's environment, or None."""
    path = (env if env is not None else os.environ).get("SIMKIT_EXAM_KEY_FILE")
    return load_key(path) if path else None
