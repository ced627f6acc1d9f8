"""English cues and topic keywords run as plain patterns on a lower-cased line (for speed).

Each must find exactly the span its case-insensitive original finds, on every line: the corpus,
and lines full of the letters where lower-casing and IGNORECASE part ways.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from simkit.understand import rules, topics
from simkit.understand.model import CORPUS_DIR

CASELESS = [(c.name, c.pattern) for c in rules.CUES if isinstance(c.pattern, rules.CaselessPattern)] + [
    (f"topic/{t}", en) for t, _zh, en in topics._PATTERNS
]

# Dotless i, long s, Kelvin sign, capital I with dot, Greek sigma, Cyrillic and full-width letters.
TRICKY = "ıſKİΣσςµμﬅǅ ǆ Ａ ａ ss ß "


def _lines() -> list[str]:
    lines = [json.loads(row)["text"] for path in sorted(CORPUS_DIR.glob("*-en*.jsonl"))
             for row in path.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(11)
    mixed = []
    for line in lines[:400]:
        i = rng.randrange(len(line) + 1)
        mixed.append(line[:i] + rng.choice(TRICKY) + line[i:])
        mixed.append(line.upper())
        mixed.append(line.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a"))
    return lines + mixed


LINES = _lines()


def test_the_fast_path_is_taken_for_plain_lines() -> None:
    assert rules.fold("Hello THERE, 你好") == "hello there, 你好"
    assert sum(p.lower_case is not None for _, p in CASELESS) >= len(CASELESS) - 2


@pytest.mark.parametrize("text", ["ſtill", "İstanbul", "ıt is", "ΣΟΦΙΑ"])
def test_fold_refuses_letters_where_lowering_and_ignorecase_differ(text: str) -> None:
    assert rules.fold(text) is None


@pytest.mark.parametrize("name,pattern", CASELESS, ids=[n for n, _ in CASELESS])
def test_same_span_as_ignorecase(name: str, pattern: rules.CaselessPattern) -> None:
    reference = re.compile(pattern.any_case.compiled.pattern, re.IGNORECASE)
    for line in LINES:
        m = reference.search(line)
        assert pattern.span(line, rules.fold(line)) == (m and m.span()), line
