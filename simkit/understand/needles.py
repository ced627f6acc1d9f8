"""Needles: the literal strings a pattern cannot match without, to skip hopeless searches.

Each trainee line meets about seventy cue patterns and thirty topic patterns, and most of them
fail; Python's regular expressions find that out by trying every position of the line.
:func:`required_literals` reads a pattern's syntax tree and returns strings such that every
match contains at least one of them (or None when it cannot tell, as for ``\\w+``). A
:class:`NeedleScan` then finds, in one pass over a line, every such string the line holds, so
only the patterns that could match are searched.

This is a necessary condition only: a pattern whose needle is in the line is searched as
before, so the results are exactly those of searching every pattern.

Example:
    >>> sorted(required_literals(r"\\bthanks? for (?:coming|calling)"))
    [' for c']
    >>> required_literals(r"\\w+") is None
    True
    >>> scan = NeedleScan({"thanks": required_literals(r"thanks? for"), "any": None})
    >>> sorted(scan.keys_in("see you")), sorted(scan.keys_in("thank you for"))
    (['any'], ['any', 'thanks'])
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping

try:  # the parser behind re.compile (private, so a later Python may move it)
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - every pattern is then searched
    _parser = None


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which is in every match of ``pattern``; None when there are none to tell.

    Args:
        pattern: a regular expression; with IGNORECASE nothing is exact, so None is returned.
        flags: its flags.
    """
    if _parser is None or flags & re.IGNORECASE:
        return None
    try:
        literals = _required(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unusual construct only costs the shortcut
        return None
    return frozenset(literals) if literals else None


class NeedleScan:
    """Which keys' needles a text holds, found in one regular-expression pass.

    Args:
        needles: key -> its needles, or None for a key that must always be searched.
    """

    def __init__(self, needles: Mapping[Hashable, frozenset[str] | None]) -> None:
        self.always = frozenset(k for k, n in needles.items() if n is None)
        owners: dict[str, set[Hashable]] = {}
        for key, strings in needles.items():
            for s in strings or ():
                owners.setdefault(s, set()).add(key)
        # The scan reports the longest needle starting at each place; every shorter needle
        # starting there is a prefix of it, so each needle also stands for its prefixes.
        self._keys = {s: frozenset().union(*(owners.get(s[:n], ()) for n in range(1, len(s) + 1))) for s in owners}
        self._scan = re.compile("(?=(" + trie_pattern(owners) + "))") if owners else None

    def keys_in(self, text: str) -> set[Hashable]:
        """The keys that must be searched in ``text``: those with a needle in it, and ``always``."""
        found = set(self.always)
        if self._scan is not None:
            keys = self._keys
            for needle in set(self._scan.findall(text)):  # a needle may start at several places
                found |= keys[needle]
        return found


def trie_pattern(strings: Iterable[str]) -> str:
    """One pattern matching the longest of ``strings`` that starts at a place, shaped as a trie:
    at each place ``re`` follows only the strings that go on with the next character, instead of
    trying every string in turn.

    Example:
        >>> trie_pattern(["id", "income", "bank"])
        '(?:bank|i(?:d|ncome))'
    """
    root: dict = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer needle first

    return build(root)


def _required(items) -> set[str] | None:
    """Literal strings one of which every match of the sequence ``items`` contains, or None."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        found = _required_one(op, arg)
        if found:
            options.append(found)
    if run:
        options.append({"".join(run)})
    if not options:
        return None
    # The most telling option: its shortest string is longest, then it has the fewest strings.
    return max(options, key=lambda o: (min(len(s) for s in o), -len(o)))


def _required_one(op, arg) -> set[str] | None:
    if op is _c.BRANCH:
        alternatives = [_required(branch) for branch in arg[1]]
        if any(not a for a in alternatives):
            return None
        return set().union(*alternatives)
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = arg
        return None if add_flags or del_flags else _required(inner)
    if op is _c.ATOMIC_GROUP:
        return _required(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = arg
        return _required(inner) if low >= 1 else None
    if op is _c.IN:
        chars = {chr(a) for o, a in arg if o is _c.LITERAL}
        if len(chars) == len(arg) and len(chars) <= 12:  # only plain characters, no range or class
            return chars
    return None
