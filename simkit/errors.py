"""Every error simkit raises on purpose derives from :class:`SimkitError`.

::

    SimkitError
    ├── ContentError           content files failed to load or validate (carries .problems)
    ├── UnknownIdError         an unknown scenario/persona id ("did you mean ...?")
    ├── SessionError           a Session used the wrong way (say() after the end, bad seed, ...)
    └── TranscriptError        a transcript file is unreadable, truncated or inconsistent (.code says which)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.problems import Problem


class SimkitError(Exception):
    """Base of every deliberate simkit error."""


class ContentError(SimkitError):
    """Content files have problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [p.format() for p in self.problems[:20]]
        more = len(self.problems) - 20
        if more > 0:
            lines.append(f"... and {more} more")
        super().__init__("\n".join(lines))


class UnknownIdError(SimkitError, KeyError):
    """An id that is not in the library, with the closest known ids as suggestions."""

    def __init__(self, kind: str, given: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.given = given
        self.suggestions = difflib.get_close_matches(given, list(known), n=3, cutoff=0.5)
        message = f"unknown {kind} {given!r}"
        if self.suggestions:
            message += f"; did you mean {' or '.join(repr(s) for s in self.suggestions)}?"
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class SessionError(SimkitError):
    """A Session was used the wrong way; the message says how to fix it."""


class TranscriptError(SimkitError):
    """A transcript file cannot be used; the message names the file and what is wrong.

    ``code`` is a stable reason (``unreadable``, ``not-regular-file``, ``too-big``, ``too-deep``,
    ``not-utf8``, ``empty``, ``not-json``, ``invalid-transcript``) whose zh/en text is
    ``i18n.text("error." + code, lang)``; ``message`` is the detail without the path.
    """

    def __init__(self, message: str, *, path: str | None = None, code: str = "invalid-transcript") -> None:
        self.path = path
        self.code = code
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


def suggest(given: str, known: Iterable[str]) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest known name, or ``""``."""
    close = difflib.get_close_matches(given, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
