"""loose() lower-cases a line the way IGNORECASE reads letters, keeping every offset."""

from __future__ import annotations

import re
import string

from simkit.understand.matching import HAN, loose, scripts_of


def test_loose_reads_every_ignorecase_letter_as_ascii() -> None:
    everything = "".join(map(chr, range(0x110000)))
    folded = loose(everything)
    assert len(folded) == len(everything)  # same offsets
    for cls in (r"\w+", r"\d+", r"\s+"):  # same word boundaries, digits and spaces
        assert [m.span() for m in re.finditer(cls, folded)] == [m.span() for m in re.finditer(cls, everything)]
    for m in re.finditer("[a-z]", everything, re.I):  # a character IGNORECASE reads as a letter folds to it
        letters = [x for x in string.ascii_lowercase if re.fullmatch(x, m.group(), re.I)]
        assert letters == [folded[m.start()]], m.group()


def test_scripts_of_names_the_languages_a_line_is_written_in() -> None:
    assert scripts_of("这台 SUV 多少钱") == {"zh", "en"}
    assert scripts_of("$25,000") == {"en"}
    assert scripts_of("您好") == {"zh"}
    assert scripts_of("👍 …") == frozenset()
    assert HAN.search("㐀") and HAN.search("丽") and not HAN.search("ａ")
