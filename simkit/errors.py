"""Every error simkit raises on purpose derives from :class:`SimkitError`.

::

    SimkitError                developer tools raise the base itself: engine.check finding
    │                          non-determinism, `simkit nlu` on a missing or malformed corpus
    ├── ContentError           content files failed to load or validate (carries .problems)
    ├── UnknownIdError         an id that is not there: scenario, persona, a persona's need or
    │                          objection, a scenario's question, a scorecard dimension, a schema
    │                          kind ("did you mean ...?"; also a KeyError; carries .kind,
    │                          .given, .suggestions, .path)
    ├── SessionError           a Session used the wrong way (say() after the end, bad seed, ...)
    └── TranscriptError        a transcript file is unreadable, truncated or inconsistent (.code says which)

Anything else escaping simkit (``TypeError``, ``ValueError`` from inside the engine) is a bug.
``simkit`` commands print a ``SimkitError`` as ``simkit: error: <message>`` and exit with status 2.
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
    """An id that is not there, with the closest known ids as suggestions.

    ``path`` names the file the id came from, when there is one (a transcript's scenario).
    """

    def __init__(self, kind: str, given: str, known: Iterable[str], *, path: str | None = None) -> None:
        self.kind = kind
        self.given = given
        self.path = path
        self.suggestions = difflib.get_close_matches(given, list(known), n=3, cutoff=0.5)
        super().__init__(self._message())

    def at(self, path: str | None) -> UnknownIdError:
        """The same error, naming the file ``path`` the id came from (suggestions kept)."""
        # The suggestions are the closest known ids, so matching against them gives them back.
        return UnknownIdError(self.kind, self.given, self.suggestions, path=path)

    def _message(self) -> str:
        message = f"unknown {self.kind} {self.given!r}"
        if self.suggestions:
            message += f"; did you mean {' or '.join(repr(s) for s in self.suggestions)}?"
        return f"{self.path}: {message}" if self.path else message

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
