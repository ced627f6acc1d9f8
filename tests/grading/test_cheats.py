"""Each known cheat against an autograded exercise fails, and honest answers pass."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from simkit import Session
from simkit.grading import (
    AnswerError,
    best_scorecard,
    exact_date,
    exact_int,
    exact_text,
    exact_texts,
    good_rewrite,
    passing_scorecard,
    questions_of,
    same_answer,
)


class YesStr(str):
    """The cheat that beat plain nbgrader tests: a string that contains and equals everything."""

    def __eq__(self, other):
        return True

    def __contains__(self, item):
        return True

    __hash__ = str.__hash__


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


class YesList(list):
    def __eq__(self, other):
        return True


class YesInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def test_a_str_subclass_is_refused():
    with pytest.raises(AnswerError, match="expected text \\(str\\), got YesStr"):
        exact_text(YesStr("hello"), "answer")


def test_an_object_with_a_forged_eq_is_refused_everywhere():
    for check in (lambda v: exact_text(v, "a"), lambda v: exact_int(v, "a"), lambda v: exact_date(v, "a"),
                  lambda v: exact_texts(v, "a"), lambda v: same_answer(v, "needs", "a")):
        with pytest.raises(AnswerError):
            check(AlwaysEqual())


def test_subclasses_of_list_and_int_are_refused():
    with pytest.raises(AnswerError, match="YesList is not a plain value"):
        same_answer(YesList(["open_question"]), ["probe"], "labels")
    with pytest.raises(AnswerError, match="got YesInt"):
        exact_int(YesInt(4), "turn")
    with pytest.raises(AnswerError, match="not a plain value"):
        same_answer([YesStr("probe")], ["probe"], "labels")


def test_bool_is_not_a_whole_number_and_datetime_is_not_a_date():
    with pytest.raises(AnswerError):
        exact_int(True, "turn")
    with pytest.raises(AnswerError):
        exact_date(dt.datetime(2026, 3, 5, 9, 0), "day")


def test_same_answer_compares_plain_values():
    same_answer(["a", 1, dt.date(2026, 3, 5)], ("a", 1, dt.date(2026, 3, 5)), "answer")
    with pytest.raises(AnswerError, match="not the right answer yet"):
        same_answer(["a", 2], ["a", 1], "answer")


def test_texts_must_be_distinct_and_counted():
    with pytest.raises(AnswerError, match="expected 3 lines, got 2"):
        exact_texts(["a", "b"], "lines", count=3)
    with pytest.raises(AnswerError, match="two lines are the same"):
        exact_texts(["What brings you in?", "what brings  you in?", "Tell me more"], "lines")


def test_questions_are_judged_by_what_they_do_not_by_their_words():
    good = ["What brings you in today?", "How do you usually use the car?", "Tell me about your family's plans."]
    assert len(questions_of(good, lang="en")) == 3
    with pytest.raises(AnswerError, match="not open_question"):
        questions_of(["Do you have a budget?", "How do you use the car?", "Tell me about your family."], lang="en")
    with pytest.raises(AnswerError, match="reads as pressure"):
        questions_of(["Last one in stock, so decide now."] + good[:2], lang="en")
    with pytest.raises(AnswerError, match="got YesStr"):
        questions_of([YesStr(line) for line in good], lang="en")


def test_a_rewrite_must_change_the_line_and_drop_the_pressure():
    pushy = "It's the last one, sign today or someone else will take it."
    assert good_rewrite(pushy, "I understand you want to think it over. What's holding you back?", lang="en",
                        wanted=("empathy", "open_question", "probe"))
    with pytest.raises(AnswerError, match="it is the original line"):
        good_rewrite(pushy, pushy, lang="en", wanted=("empathy",))
    with pytest.raises(AnswerError, match="reads as"):
        good_rewrite(pushy, "Last one in stock, so decide now.", lang="en", wanted=("empathy",))


STRONG_EN = [
    "Hi, welcome in! I'm Alex, one of the consultants here. How can I help you today?",
    "Congratulations on the baby! What kind of budget do you have in mind for the new car?",
    "And what are you driving at the moment?",
    "You mentioned your wife. What matters most to her in the next car?",
    "That makes complete sense after what happened. Based on what you've told me, I'd recommend the seven-seat X7, "
    "with a full safety package and curtain airbags for the third row.",
    "I understand, nobody wants to overpay. What's behind the concern for you?",
    "Here are the figures side by side. Over five years the lower fuel and maintenance costs and the better resale "
    "value cover the difference.",
    "Does that address your worry about the price?",
    "Would Saturday at 10 work for a test drive, for you and your wife?",
]


def _play(path, lines, lang="en"):
    session = Session("showroom-family-suv-v1", seed=0, lang=lang, save_to=path)
    for line in lines:
        session.say(line)
    return session


def test_an_honest_passing_practice_counts(tmp_path):
    _play(tmp_path / "practice.json", STRONG_EN)
    card = passing_scorecard("showroom-family-suv-v1", folder=tmp_path, lang="en")
    assert card.passed and card.integrity.ok


def test_a_hand_written_transcript_does_not_count(tmp_path):
    """A poor conversation whose customer lines were edited to read like a success is not evidence."""
    _play(tmp_path / "practice.json", STRONG_EN[:2])
    data = json.loads((tmp_path / "practice.json").read_text(encoding="utf-8"))
    data["turns"][-1]["customer"] = "Wonderful, book me in for a test drive!"
    data["outcome"] = {"status": "success", "turn": 2, "goal": "test_drive", "reason": None}
    (tmp_path / "practice.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AnswerError, match="no saved practice of showroom-family-suv-v1 passes yet"):
        passing_scorecard("showroom-family-suv-v1", folder=tmp_path)
    assert best_scorecard("showroom-family-suv-v1", folder=tmp_path) is None


def test_a_forged_copy_of_a_passing_practice_with_other_trainee_lines_does_not_count(tmp_path):
    _play(tmp_path / "practice.json", STRONG_EN)
    data = json.loads((tmp_path / "practice.json").read_text(encoding="utf-8"))
    data["turns"][3]["trainee"] = "Do you like hotpot?"
    (tmp_path / "practice.json").write_text(json.dumps(data), encoding="utf-8")
    assert best_scorecard("showroom-family-suv-v1", folder=tmp_path) is None


def test_files_that_are_not_transcripts_are_ignored_and_the_best_honest_attempt_counts(tmp_path):
    (tmp_path / "notes.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    _play(tmp_path / "first.json", STRONG_EN[:3])
    _play(tmp_path / "second.json", STRONG_EN)
    best = best_scorecard("showroom-family-suv-v1", folder=tmp_path)
    assert best.source.endswith("second.json") and best.passed


def test_needs_scorecard_counts_only_needs_the_customer_revealed(tmp_path):
    from simkit.grading import needs_found, needs_scorecard

    _play(tmp_path / "short.json", STRONG_EN[:3])
    card = needs_scorecard("showroom-family-suv-v1", at_least=3, folder=tmp_path)
    assert needs_found(card) == 3
    with pytest.raises(AnswerError, match="uncovers 4 needs"):
        needs_scorecard("showroom-family-suv-v1", at_least=4, folder=tmp_path)


def test_goal_scorecard_needs_an_honest_practice_that_reached_the_goal(tmp_path):
    from simkit.grading import goal_scorecard

    _play(tmp_path / "short.json", STRONG_EN[:3])
    with pytest.raises(AnswerError, match="reaches the goal yet"):
        goal_scorecard("showroom-family-suv-v1", folder=tmp_path)
    _play(tmp_path / "full.json", STRONG_EN)
    assert goal_scorecard("showroom-family-suv-v1", folder=tmp_path).source.endswith("full.json")
