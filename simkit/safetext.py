"""Text that is safe to show: nothing a person typed (or a file holds) can steer a terminal.

Trainee lines, recorded customer lines, file names and scenario ids from a transcript reach the
grader's terminal, a spreadsheet or a browser. :func:`shown` is the one function every text output
passes such text through: control characters (NUL, BEL, ESC, DEL, C1), bidi controls (RLO and its
kin, which reorder what is displayed) line and paragraph separators and lone surrogates are shown
as escapes such as ``\\x1b`` or ``\\u202e``, so a forged "reproduced" line or a colour sequence
prints as visible text. Backslashes are left alone: an escape a person typed shows as typed.

Example:
    >>> shown("ok\\x1b[2Kreproduced\\u202e")
    'ok\\\\x1b[2Kreproduced\\\\u202e'
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

# C0 controls except newline, DEL and C1, Arabic letter mark, LRM/RLM, LRE/RLE/PDF/LRO/RLO,
# LRI/RLI/FSI/PDI, line/paragraph separators and lone surrogates (they cannot even be encoded).
_UNSAFE_BODY = "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_UNSAFE = re.compile(f"[\n{_UNSAFE_BODY}]")
_UNSAFE_KEEP_NEWLINES = re.compile(f"[{_UNSAFE_BODY}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character written as a visible escape.

    Args:
        text: what to show (anything; non-strings are shown with ``str``).
        keep_newlines: keep ``\\n`` (for multi-line messages that simkit itself composed);
            by default a newline is escaped too, so one field can never forge a second line.
    """
    text = text if isinstance(text, str) else str(text)
    return (_UNSAFE_KEEP_NEWLINES if keep_newlines else _UNSAFE).sub(_escape, text)


def json_text(data: Any, *, indent: int | None = 1) -> str:
    """``data`` as JSON that keeps Chinese readable but escapes every unsafe character.

    ``json.dumps`` already escapes C0 controls; bidi controls, C1 and lone surrogates would pass
    through raw with ``ensure_ascii=False``. Those characters can only appear inside JSON
    strings, where ``\\uXXXX`` is a valid escape, so the result parses to the same data.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _UNSAFE_KEEP_NEWLINES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def make_streams_safe() -> None:
    """Let stdout and stderr print anything on any encoding (GBK, cp1252, ASCII, ...).

    A character the terminal's encoding cannot hold (``✓`` on cp1252, Chinese on ASCII) is
    written as a backslash escape instead of ending the command with a UnicodeEncodeError.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
