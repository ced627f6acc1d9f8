"""Rule cues: the rules-only reading (used when no model is shipped) and cue plumbing."""

from __future__ import annotations

import pytest

from simkit.labels import TECHNIQUES
from simkit.understand import rules
from simkit.understand.matching import scripts_of
from .test_analyzer import CORE_LINES


@pytest.mark.parametrize(("line", "label", "topics"), CORE_LINES)
def test_rules_alone_read_the_core_lines(line: str, label: str, topics: tuple[str, ...]) -> None:
    lang = "zh" if scripts_of(line) >= {"zh"} else "en"
    assert label in rules.rule_labels(line, lang)


def test_every_cue_names_a_known_label_and_a_unique_name() -> None:
    names = [c.name for c in rules.CUES]
    assert len(names) == len(set(names))
    assert {c.label for c in rules.CUES} <= set(TECHNIQUES)
    for cue in rules.CUES:
        label, lang, _ = cue.name.split("/")
        assert label == cue.label and lang == cue.lang in ("zh", "en")
        cue.pattern.compiled  # every pattern compiles


def test_cues_of_one_language_do_not_run_on_the_other() -> None:
    assert all(h.name.split("/")[1] == "en" for h in rules.find_cues("Could I get your number?"))
    assert all(h.name.split("/")[1] == "zh" for h in rules.find_cues("方便留个电话吗？"))


def test_mixed_line_gets_both_languages_cues() -> None:
    langs = {h.name.split("/")[1] for h in rules.find_cues("我理解, I understand, 要不要 test drive?")}
    assert langs == {"zh", "en"}


def test_scripts_of() -> None:
    assert scripts_of("您好") == {"zh"}
    assert scripts_of("$25,000") == {"en"}
    assert scripts_of("😀 ？") == frozenset()


@pytest.mark.parametrize(
    ("text", "lang", "asked"),
    [("您平时开车多吗", "zh", True), ("我理解", "zh", False), ("What brings you in", "en", True),
     ("I understand.", "en", False), ("Saturday at 10?", "en", True), ("", "en", False)],
)
def test_is_question(text: str, lang: str, asked: bool) -> None:
    assert rules.is_question(text, lang) is asked


def test_rules_never_return_nothing() -> None:
    assert rules.rule_labels("", "en") == ["other"]
    assert rules.rule_labels("好的，稍等", "zh") == ["other"]
