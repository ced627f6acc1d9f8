"""Transcripts: the record of a conversation, saved atomically and replayable.

A transcript is JSON (``format: simkit-transcript``, ``format_version: 2``) holding the
scenario id and content hash, the seed, the language, the simkit, analyzer and engine versions
and every turn with its timestamp. Customer lines are recorded but never trusted:
:func:`simkit.engine.replay.replay` feeds the trainee's lines to a fresh Session and lists every
customer line that comes out differently.

``times`` says how the timestamps were taken: ``"live"`` when the session's own clock stamped
them as a person typed (an interactive terminal or widget), ``"untrusted"`` otherwise (piped or
scripted input, a caller's clock, any ``at=``). Only live times earn responsiveness points (see
:mod:`simkit.scoring.integrity`). ``signature`` is the slot the exam server will fill; a file
without one can have any field edited, ``times`` included. Version 1 files still load; their
times are untrusted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from simkit._versions import SIMKIT_VERSION
from simkit.errors import TranscriptError
from simkit.safeio import atomic_write_text, read_limited  # noqa: F401 (atomic_write_text: used by callers)

FORMAT = "simkit-transcript"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)  # version 1 had no ``times`` and no ``signature``
TIMES_LIVE, TIMES_UNTRUSTED = "live", "untrusted"
MAX_BYTES = 20 * 1024 * 1024  # far above any real conversation; guards against junk


@dataclass(kw_only=True)
class Turn:
    """One exchange: the trainee's line, the customer's answer, and what the director decided."""

    n: int
    trainee: str
    trainee_at: str
    customer: str
    analysis: dict[str, Any] = field(default_factory=dict)
    beats: list[dict[str, Any]] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "trainee": self.trainee,
            "trainee_at": self.trainee_at,
            "customer": self.customer,
            "analysis": self.analysis,
            "beats": self.beats,
            "state": self.state,
        }


@dataclass
class Transcript:
    """Everything needed to replay and score a conversation."""

    scenario_id: str
    scenario_hash: str
    seed: int
    lang: str
    analyzer: str
    started_at: str
    opening: str
    opening_beats: list[dict[str, Any]] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    outcome: dict[str, Any] | None = None
    simkit_version: str = ""
    engine: str = ""
    times: str = TIMES_UNTRUSTED
    signature: str | None = None  # filled by the exam server: see canonical_bytes()

    def __post_init__(self) -> None:
        if not self.simkit_version:
            self.simkit_version = SIMKIT_VERSION

    @property
    def trainee_lines(self) -> list[str]:
        return [t.trainee for t in self.turns]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "simkit_version": self.simkit_version,
            "analyzer": self.analyzer,
            "engine": self.engine,
            "scenario": {"id": self.scenario_id, "hash": self.scenario_hash},
            "seed": self.seed,
            "lang": self.lang,
            "started_at": self.started_at,
            "opening": self.opening,
            "opening_beats": self.opening_beats,
            "turns": [t.to_dict() for t in self.turns],
            "outcome": self.outcome,
            "times": self.times,
            "signature": self.signature,
        }

    def canonical_bytes(self, *, trainee_id: str, exam_id: str) -> bytes:
        """The exact bytes the exam server's signature will cover (an HMAC, in a later version).

        Canonical JSON (sorted keys, no spaces, UTF-8) of the whole transcript without its
        ``signature``, bound to the trainee and the exam, so a signed transcript can be neither
        edited (a timestamp, ``times``, a line) nor handed in by someone else or for another exam.
        """
        body = {k: v for k, v in self.to_dict().items() if k != "signature"}
        signed = {"exam_id": exam_id, "trainee_id": trainee_id, "transcript": body}
        return json.dumps(signed, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def save(self, path: str | Path) -> None:
        """Write atomically: a crash mid-write leaves the previous file whole."""
        atomic_write_text(Path(path), self.to_json())

    @classmethod
    def load(cls, path: str | Path) -> Transcript:
        """Read a transcript file: only a regular file of at most :data:`MAX_BYTES` (a FIFO or a
        device is refused without blocking); JSON nested past the parser's depth guard is refused.

        Raises:
            TranscriptError: with ``code`` saying why the file cannot be used.
        """
        path = Path(path)
        return cls.from_json(read_limited(path, limit=MAX_BYTES), source=str(path))

    @classmethod
    def from_json(cls, raw: bytes | str, *, source: str | None = None) -> Transcript:
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            raise TranscriptError(f"not UTF-8 text (bad byte at offset {exc.start})", path=source,
                                  code="not-utf8") from None
        if not text.strip():
            raise TranscriptError("file is empty", path=source, code="empty")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            # A transcript is one JSON object: a whole file ends with "}", and a file cut
            # after an inner "}" fails only at its very end.
            cut = not text.rstrip().endswith("}") or exc.pos >= len(text.rstrip())
            hint = " (the file looks truncated)" if cut else ""
            raise TranscriptError(f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}",
                                  path=source, code="not-json") from None
        except RecursionError:  # the parser's own depth guard: deeper than Python's stack allows
            raise TranscriptError("nested too deeply to read (hundreds of levels; a transcript has six)",
                                  path=source, code="too-deep") from None
        except ValueError:  # an integer past Python's digit limit (4300 by default)
            raise TranscriptError("holds a number with thousands of digits; no transcript does",
                                  path=source) from None
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: Any, *, source: str | None = None) -> Transcript:
        check = _Checker(source)
        check.require(isinstance(data, dict), "", "expected a JSON object")
        if data.get("format") != FORMAT:
            check.fail("format", f"expected {FORMAT!r}, got {data.get('format')!r}")
        version = data.get("format_version")
        if version not in READABLE_VERSIONS or type(version) is not int:
            check.fail("format_version", f"this simkit reads versions 1 to {FORMAT_VERSION}, got {version!r}")
        scenario = check.typed(data, "scenario", dict)
        scenario_id = check.typed(scenario, "id", str, "scenario.")
        scenario_hash = check.typed(scenario, "hash", str, "scenario.")
        seed = check.typed(data, "seed", int)
        lang = check.typed(data, "lang", str)
        if lang not in ("zh", "en"):
            check.fail("lang", f"expected 'zh' or 'en', got {lang!r}")
        turns_data = check.typed(data, "turns", list)
        turns = []
        for i, item in enumerate(turns_data):
            n, trainee, at, customer = _check_turn(check, item, i)
            turns.append(Turn(n=n, trainee=trainee, trainee_at=at, customer=customer,
                              analysis=item.get("analysis") or {}, beats=item.get("beats") or [],
                              state=item.get("state") or {}))
        outcome = data.get("outcome")
        check.require(outcome is None or isinstance(outcome, dict), "outcome", "expected an object or null")
        times = data.get("times", TIMES_UNTRUSTED) if version >= 2 else TIMES_UNTRUSTED
        check.require(times in (TIMES_LIVE, TIMES_UNTRUSTED), "times", f"expected 'live' or 'untrusted', got {times!r}")
        signature = data.get("signature")
        check.require(signature is None or isinstance(signature, str), "signature", "expected text or null")
        return cls(
            scenario_id=scenario_id,
            scenario_hash=scenario_hash,
            seed=seed,
            lang=lang,
            analyzer=str(data.get("analyzer", "")),
            started_at=check.typed(data, "started_at", str),
            opening=check.typed(data, "opening", str),
            opening_beats=data.get("opening_beats") or [],
            turns=turns,
            outcome=outcome,
            simkit_version=str(data.get("simkit_version", "")),
            engine=str(data.get("engine", "")),
            times=times,
            signature=signature,
        )


def _check_turn(check: _Checker, item: Any, i: int) -> tuple[int, str, str, str]:
    """``n``, ``trainee``, ``trainee_at`` and ``customer`` of ``turns[i]``, checked one by one: a
    TranscriptError names the first problem."""
    where = f"turns[{i}]."
    if not isinstance(item, dict):
        check.fail(f"turns[{i}]", "expected an object")
    n = check.typed(item, "n", int, where)
    if n != i + 1:
        check.fail(f"{where}n", f"expected turn {i + 1}, got {n} (a turn is missing or out of order)")
    return (n, check.typed(item, "trainee", str, where), check.typed(item, "trainee_at", str, where),
            check.typed(item, "customer", str, where))


class _Checker:
    """Raises a TranscriptError naming the field that is wrong.

    Every field of every turn is checked, so the passing case is kept cheap: messages are only
    formatted once a check has failed.
    """

    def __init__(self, source: str | None) -> None:
        self.source = source

    def require(self, ok: bool, where: str, message: str) -> None:
        if not ok:
            self.fail(where, message)

    def fail(self, where: str, message: str) -> NoReturn:
        raise TranscriptError(f"{where}: {message}" if where else message, path=self.source)

    def typed(self, data: dict[str, Any], key: str, kind: type, prefix: str = "") -> Any:
        value = data.get(key, _MISSING)
        if type(value) is kind:  # the usual case (JSON gives exact types; a bool is not an int)
            return value
        self.require(key in data, prefix + key, "missing")
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            self.fail(prefix + key, f"expected {_KIND_NAMES[kind]}, got {type(value).__name__}")
        return value


_MISSING = object()


_KIND_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "an object"}


