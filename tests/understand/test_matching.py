"""The fast search of many patterns finds exactly what searching each pattern finds.

English cues and topic keywords run as plain patterns on a lower-cased line, and a pattern is
searched only when one of its needles is in the line. Both shortcuts are checked against plain
``re`` searches over the corpus and over lines full of the letters where lower-casing and
IGNORECASE part ways.
"""

from __future__ import annotations

import json
import random
import re
import string

import pytest

from simkit.understand import rules, topics
from simkit.understand.matching import CaselessPattern, LazyPattern, Line, PatternSet, fold, loose
from simkit.understand.model import CORPUS_DIR
from simkit.understand.needles import NeedleScan, required_literals

PATTERNS = [(c.name, c.pattern) for c in rules.CUES] + [
    (f"topic/{t}/{lang}", p) for t, zh, en in topics._PATTERNS for lang, p in (("zh", zh), ("en", en))
]
CASELESS = [(name, p) for name, p in PATTERNS if isinstance(p, CaselessPattern)]

# Dotless i, long s, Kelvin sign, capital I with dot, Greek sigma, ligatures, full-width letters.
TRICKY = "ıſKİΣσςµμﬅǅ ǆ Ａ ａ ss ß "


def _lines() -> list[str]:
    lines = [json.loads(row)["text"] for path in sorted(CORPUS_DIR.glob("*.jsonl"))
             for row in path.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(11)
    mixed = []
    for line in lines[::4]:
        i = rng.randrange(len(line) + 1)
        mixed.append(line[:i] + rng.choice(TRICKY) + line[i:])
        mixed.append(line.upper())
        mixed.append(line.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a"))
    return lines + mixed


LINES = _lines()


def _reference(pattern: LazyPattern | CaselessPattern) -> re.Pattern[str]:
    """The pattern as plain ``re`` would compile it, with no shortcut."""
    return re.compile(pattern.any_case.compiled.pattern, re.IGNORECASE) if isinstance(
        pattern, CaselessPattern) else pattern.compiled


def test_fold_lowers_plain_lines() -> None:
    assert fold("Hello THERE, 你好") == "hello there, 你好"
    assert sum(p.lower_case is not None for _, p in CASELESS) >= len(CASELESS) - 2


@pytest.mark.parametrize("text", ["ſtill", "İstanbul", "ıt is", "ΣΟΦΙΑ"])
def test_fold_refuses_letters_where_lowering_and_ignorecase_differ(text: str) -> None:
    assert fold(text) is None


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_set_finds_what_re_finds(name: str, pattern: LazyPattern | CaselessPattern) -> None:
    one = PatternSet([pattern], ["all"])
    reference = _reference(pattern)
    for line in LINES:
        m = reference.search(line)
        assert one.spans(Line(line), ["all"]) == [m and m.span()], line


def test_most_patterns_have_needles() -> None:
    assert sum(p.needles() is not None for _, p in PATTERNS) >= len(PATTERNS) - 3


def test_needles_skip_most_searches() -> None:
    """The shortcut does work: most patterns are not searched on a typical line."""
    cue_set = rules._CUE_SET
    scans = cue_set._scans.values()
    searched = sum(len(plain.keys_in(line) | folded.keys_in(fold(line) or "")) for line in LINES[:500]
                   for plain, folded, _ in scans)
    assert searched < 0.4 * 500 * len(cue_set.patterns)


@pytest.mark.parametrize("pattern,inside,outside", [
    (r"\bthanks? for", "thank you for", "see you"),
    (r"预算|价位", "您的价位大概是", "您好"),
    (r"(?:ab){2}c+", "xababcc", "acbc"),
    (r"colou?r", "the colour", "the col"),
])
def test_needle_scan(pattern: str, inside: str, outside: str) -> None:
    scan = NeedleScan({"p": required_literals(pattern), "always": None})
    assert scan.keys_in(inside) == {"p", "always"}
    assert scan.keys_in(outside) == {"always"}


@pytest.mark.parametrize("pattern", [r"\w+", r"(?i:abc)", r"[a-z]{3}", r"(?:x|\d)y?", r"x*"])
def test_no_needles_when_nothing_literal_is_required(pattern: str) -> None:
    assert required_literals(pattern) is None
    assert required_literals("abc", re.IGNORECASE) is None


def test_shorter_needles_starting_at_the_same_place_are_found() -> None:
    scan = NeedleScan({"short": frozenset({"tell"}), "long": frozenset({"tell me"})})
    assert scan.keys_in("please tell me more") == {"short", "long"}
    assert scan.keys_in("please tell us") == {"short"}


def test_loose_reads_every_ignorecase_letter_as_ascii() -> None:
    everything = "".join(map(chr, range(0x110000)))
    folded = loose(everything)
    assert len(folded) == len(everything)  # same offsets
    for cls in (r"\w+", r"\d+", r"\s+"):  # same word boundaries, digits and spaces
        assert [m.span() for m in re.finditer(cls, folded)] == [m.span() for m in re.finditer(cls, everything)]
    for m in re.finditer("[a-z]", everything, re.I):  # a character IGNORECASE reads as a letter folds to it
        letters = [x for x in string.ascii_lowercase if re.fullmatch(x, m.group(), re.I)]
        assert letters == [folded[m.start()]], m.group()
