"""Searching one line for many patterns, exactly as :mod:`re` would, only faster.

Every trainee line meets about a hundred patterns (the cues of :mod:`simkit.understand.rules`,
the keywords of :mod:`simkit.understand.topics`), and most of them fail. Three things make that
cheap without changing a single result:

* patterns compile on first use (:class:`LazyPattern`), so importing simkit stays fast;
* a case-insensitive pattern runs as a plain pattern on the line lower-cased once
  (:class:`CaselessPattern`, :func:`fold`), about three times faster than IGNORECASE;
* a :class:`PatternSet` searches only the patterns whose needles (literal strings every match
  contains, :mod:`simkit.understand.needles`) are in the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any

from simkit.understand.needles import NeedleScan, required_literals

_I = re.IGNORECASE


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

    def needles(self) -> frozenset[str] | None:
        """Strings one of which is in every match (None for IGNORECASE, or when there are none to tell)."""
        return required_literals(*self._args)

    def span(self, text: str) -> tuple[int, int] | None:
        """Where the pattern first matches ``text``, or None."""
        m = (self._compiled or self.compiled).search(text)
        return None if m is None else m.span()

    def span_in(self, line: Line) -> tuple[int, int] | None:
        """:meth:`span` of ``line.text``."""
        return self.span(line.text)

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


try:  # the extra case pairs IGNORECASE applies (private, so a later Python may move it)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover
    _EXTRA_CASES = None

# Characters that IGNORECASE matches to letters other than their lower case (dotless i, long s,
# Greek and Cyrillic variants, ...), plus capital I with a dot and capital sigma, whose lower case
# depends on length or context. A line with any of them is matched the slow, exact way.
_FOLD_UNSAFE = lazy_compile(
    "[^\\x00-\\x7f]" if _EXTRA_CASES is None else
    "[\u0130\u03a3" + "".join(re.escape(chr(c)) for c in sorted(
        {k for k in _EXTRA_CASES} | {c for v in _EXTRA_CASES.values() for c in v}) if c > 127) + "]"
)


def fold(text: str) -> str | None:
    """``text.lower()`` when plain lower-case patterns find in it exactly what IGNORECASE finds in ``text``.

    None when ``text`` holds a character for which the two differ (see ``_FOLD_UNSAFE``); the
    lower-cased line then keeps every offset, so a span found in it is a span of ``text``.
    """
    lowered = text.lower()
    if text.isascii() or (len(lowered) == len(text) and not _FOLD_UNSAFE.search(text)):
        return lowered
    return None


# IGNORECASE reads four characters outside ASCII as ASCII letters: ı and İ as i, ſ as s and the
# Kelvin sign as k. lower() settles the Kelvin sign; the others are translated first (İ would
# otherwise lower to two characters).
_LOOSE = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def loose(text: str) -> str:
    """``text`` in lower case, where every character IGNORECASE reads as an ASCII letter is that letter.

    Offsets are kept. For reading words matched case-insensitively ("ſunday", "NIGHT") and for
    quick tests before a case-insensitive search; :func:`fold` is the exact form for searching.
    """
    return text.lower() if text.isascii() else text.translate(_LOOSE).lower()


#: A Chinese character (one definition for language detection, cues and keywords).
HAN = lazy_compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_OR_NUMBER = lazy_compile(r"[A-Za-z0-9$]")


def scripts_of(text: str) -> frozenset[str]:
    """``{"zh"}``, ``{"en"}``, both or neither: which languages' patterns can match ``text``.

    English patterns also cover digits and ``$`` ("$25,000" has no letters).
    """
    has_zh = HAN.search(text) is not None
    has_en = _LATIN_OR_NUMBER.search(text) is not None
    return frozenset(("zh",) * has_zh + ("en",) * has_en)


class Line:
    """One line prepared for many searches: its scripts and lower-cased form, each computed once."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def scripts(self) -> frozenset[str]:
        return scripts_of(self.text)

    @cached_property
    def folded(self) -> str | None:
        return fold(self.text)


_OUTSIDE_ESCAPES = re.compile(r"\\.|A-Za-z")


class CaselessPattern:
    """A case-insensitive pattern that runs as a plain pattern on a :func:`fold`-ed line.

    Python's regular expressions compare case-folded characters one by one under IGNORECASE,
    which made the English cues about three times slower than the same patterns run on a line
    lower-cased once. Patterns that name upper-case letters themselves (``[A-Z]``) keep
    IGNORECASE, and so does every line :func:`fold` cannot lower safely.
    """

    __slots__ = ("any_case", "lower_case")

    def __init__(self, pattern: str) -> None:
        self.any_case = lazy_compile(pattern, _I)
        plain = _OUTSIDE_ESCAPES.sub("", pattern)
        self.lower_case = lazy_compile(pattern) if plain == plain.lower() else None

    def needles(self) -> frozenset[str] | None:
        """Strings one of which is in every match *in the folded line* (None when unknown)."""
        return None if self.lower_case is None else self.lower_case.needles()

    def span_in(self, line: Line) -> tuple[int, int] | None:
        """Where the pattern first matches ``line.text`` (any case), or None."""
        if self.lower_case is not None and line.folded is not None:
            return self.lower_case.span(line.folded)
        m = self.any_case.search(line.text)
        return None if m is None else m.span()

    @property
    def compiled(self) -> re.Pattern[str]:
        """The case-insensitive pattern (the lower-case one is compiled too, so both get checked)."""
        if self.lower_case is not None:
            self.lower_case.compiled  # noqa: B018 - compiled for its errors
        return self.any_case.compiled

    def search(self, text: str) -> re.Match[str] | None:
        """Like :meth:`re.Pattern.search` with IGNORECASE (for callers outside the hot path)."""
        return self.any_case.search(text)


class PatternSet:
    """Patterns searched together: only those whose needles are in the line are searched.

    Case-sensitive patterns are screened on the line as written, case-insensitive ones on the
    folded line (every one of them is searched when the line cannot be folded). Each pattern
    belongs to a group (its language, say), and a search names the groups worth searching.

    Args:
        patterns: the patterns, in the order :meth:`spans` reports them.
        groups: one group name per pattern.
    """

    def __init__(self, patterns: Sequence[LazyPattern | CaselessPattern], groups: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        self.groups = tuple(groups)

    @cached_property
    def _scans(self) -> dict[str, tuple[NeedleScan, NeedleScan, frozenset[int]]]:
        scans = {}
        for group in dict.fromkeys(self.groups):
            members = [i for i, g in enumerate(self.groups) if g == group]
            caseless = {i for i in members if isinstance(self.patterns[i], CaselessPattern)}
            plain = NeedleScan({i: self.patterns[i].needles() for i in members if i not in caseless})
            folded = NeedleScan({i: self.patterns[i].needles() for i in caseless})
            scans[group] = (plain, folded, frozenset(caseless))
        return scans

    def spans(self, line: Line, groups: Iterable[str]) -> list[tuple[int, int] | None]:
        """Each pattern's first match in ``line``, or None (always None outside ``groups``)."""
        out: list[tuple[int, int] | None] = [None] * len(self.patterns)
        scans = self._scans
        for group in groups:
            plain, folded, caseless = scans[group]
            candidates = plain.keys_in(line.text)
            if caseless:
                candidates |= folded.keys_in(line.folded) if line.folded is not None else caseless
            for i in candidates:
                out[i] = self.patterns[i].span_in(line)
        return out
