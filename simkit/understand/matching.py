"""Small helpers for the patterns of understanding: compiled on first use, scripts, loose case.

Patterns compile on first use (:class:`LazyPattern`), so that ``import simkit`` does not compile
the few hundred patterns of cues, topics and facts. :data:`HAN` is the one definition of a
Chinese character; :func:`scripts_of` says which languages' patterns a line can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class LazyPattern:
    """A regular expression compiled on first use, so importing simkit stays fast.

    Offers the ``search``/``match``/``finditer``/``fullmatch`` methods of :class:`re.Pattern`.
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def split(self, text: str) -> list[str]:
        return self.compiled.split(text)

    def sub(self, repl: str, text: str) -> str:
        return self.compiled.sub(repl, text)


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """Like :func:`re.compile`, but compiled on first use."""
    return LazyPattern(pattern, flags)


# IGNORECASE reads four characters outside ASCII as ASCII letters: ı and İ as i, ſ as s and the
# Kelvin sign as k. lower() settles the Kelvin sign; the others are translated first (İ would
# otherwise lower to two characters).
_LOOSE = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def loose(text: str) -> str:
    """``text`` in lower case, where every character IGNORECASE reads as an ASCII letter is that letter.

    Offsets are kept. For reading words matched case-insensitively ("ſunday", "NIGHT") and for
    quick tests before a case-insensitive search.
    """
    return text.lower() if text.isascii() else text.translate(_LOOSE).lower()


#: The Chinese characters, as the inside of a regular-expression class: the unified ideographs,
#: extension A and the compatibility ideographs. The one definition, for every pattern that
#: needs it (language detection, cues, model units, word counts).
HAN_CHARS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A Chinese character.
HAN = lazy_compile(f"[{HAN_CHARS}]")
_LATIN_OR_NUMBER = lazy_compile(r"[A-Za-z0-9$]")


def scripts_of(text: str) -> frozenset[str]:
    """``{"zh"}``, ``{"en"}``, both or neither: which languages' patterns can match ``text``.

    English patterns also cover digits and ``$`` ("$25,000" has no letters).
    """
    has_zh = HAN.search(text) is not None
    has_en = _LATIN_OR_NUMBER.search(text) is not None
    return frozenset(("zh",) * has_zh + ("en",) * has_en)
