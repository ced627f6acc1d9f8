"""The one function every text output uses: unsafe characters become visible escapes."""

from __future__ import annotations

import json

import pytest

from simkit.safetext import json_text, shown


@pytest.mark.parametrize(("raw", "seen"), [
    ("\x1b[31mred", "\\x1b[31mred"),
    ("bell\x07 nul\x00 del\x7f c1\x9b", "bell\\x07 nul\\x00 del\\x7f c1\\x9b"),
    ("abc\u202edef\u2066x\u2069\u200f", "abc\\u202edef\\u2066x\\u2069\\u200f"),
    ("one\ntwo\rthree\u2028", "one\\x0atwo\\x0dthree\\u2028"),
    ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ("您好，欢迎光临！ Ünïcödé ✓ back\\slash", "您好，欢迎光临！ Ünïcödé ✓ back\\slash"),
])
def test_shown(raw, seen):
    assert shown(raw) == seen
    assert shown(seen) == seen  # the result is safe as it stands


def test_shown_keeps_newlines_on_request():
    assert shown("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"
    assert shown(3) == "3"


def test_json_text_is_the_same_data_with_unsafe_characters_escaped():
    data = {"line": "a\x1b[2J\u202eb\ud800", "zh": "您好", "n": [1, 2]}
    text = json_text(data)
    assert "\u202e" not in text and "\x1b" not in text and "您好" in text
    assert json.loads(text) == data
    text.encode("utf-8")  # no lone surrogate left to fail on
