"""The practice view-model, driven without a browser: every state a widget can show."""

from __future__ import annotations

import json

import pytest

from simkit import Session
from simkit.content import default_library
from simkit.errors import SimkitError, TranscriptError
from simkit.scoring import score
from simkit.ui.choices import KINDS, candidates
from simkit.ui.model import MAX_LINE, PracticeModel
from tests.references import reference_file, load

USED_CAR = "used-car-hidden-defects-v1"


def strong_lines(lang: str) -> list[str]:
    return load(reference_file(USED_CAR))["scripts"]["strong"][lang]["lines"]


def seed_of() -> int:
    return load(reference_file(USED_CAR)).get("seed", 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_full_conversation_matches_the_session_and_its_score(tmp_path, lang):
    model = PracticeModel(USED_CAR, lang=lang, seed=seed_of(), folder=tmp_path)
    session = Session(USED_CAR, seed=seed_of(), lang=lang)
    assert model.status == "ready" and model.input_enabled and model.scorecard is None
    assert model.messages[0].text == session.opening
    for line in strong_lines(lang):
        assert model.send(line)
        assert model.messages[-1].text == session.say(line).text
    assert model.status == "ended" and not model.input_enabled
    assert model.session.outcome.status == "success"
    assert model.scorecard.total == score(session.transcript).total
    assert model.scorecard.passed


def test_the_transcript_is_saved_after_every_turn(tmp_path):
    model = PracticeModel(USED_CAR, lang="en", folder=tmp_path)
    assert json.loads(model.path.read_text())["turns"] == []
    for n, line in enumerate(strong_lines("en")[:3], start=1):
        model.send(line)
        saved = json.loads(model.path.read_text())
        assert [t["trainee"] for t in saved["turns"]] == strong_lines("en")[:n]
    assert model.path.parent == tmp_path
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary file


def test_names_never_collide(tmp_path):
    paths = {PracticeModel(USED_CAR, lang="en", folder=tmp_path).path for _ in range(5)}
    assert len(paths) == 5 and all(p.exists() for p in paths)


def test_the_default_folder_is_the_current_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert PracticeModel(USED_CAR, lang="zh").path.parent == tmp_path


def test_resuming_replays_the_finished_turns_and_goes_on(tmp_path):
    lines = strong_lines("zh")
    first = PracticeModel(USED_CAR, lang="zh", seed=seed_of(), folder=tmp_path)
    for line in lines[:5]:
        first.send(line)
    resumed = PracticeModel(transcript=first.path)
    assert resumed.path == first.path
    assert resumed.messages == first.messages
    assert "5" in resumed.notice and resumed.status == "ready"
    for line in lines[5:]:
        resumed.send(line)
    assert resumed.session.outcome.status == "success"
    saved = json.loads(first.path.read_text())
    assert [t["trainee"] for t in saved["turns"]] == lines
    assert score(first.path).total == resumed.scorecard.total


def test_resuming_a_broken_file_says_so(tmp_path):
    bad = tmp_path / "practice-x.json"
    bad.write_text("{not json")
    with pytest.raises(TranscriptError):
        PracticeModel(transcript=bad)


def test_blank_and_overlong_lines_are_refused_with_a_notice(tmp_path):
    model = PracticeModel(USED_CAR, lang="en", folder=tmp_path)
    assert not model.send("   ")
    assert model.notice == "Type a line first."
    assert not model.send("x" * (MAX_LINE + 1))
    assert str(MAX_LINE) in model.notice
    assert model.session.transcript.turns == []
    assert model.send("Hello, welcome!") and model.notice is None


def test_nothing_is_played_while_busy_or_after_the_end(tmp_path):
    model = PracticeModel(USED_CAR, lang="en", folder=tmp_path)
    seen = []
    model.subscribe(lambda: seen.append((model.status, model.input_enabled)))
    model.send("Hello, welcome!")
    assert seen == [("busy", False), ("ready", True)]
    model.busy = True
    assert not model.send("What brings you in?") and len(model.session.transcript.turns) == 1
    model.busy = False
    model.finish()
    assert model.status == "ended" and model.finished and model.scorecard is not None
    total = model.scorecard.total
    assert not model.send("Sign today!") and not model.choose(0)
    model.finish()
    assert len(model.session.transcript.turns) == 1 and model.scorecard.total == total
    assert not model.send(42)


def test_meters_and_what_just_happened(tmp_path):
    model = PracticeModel(USED_CAR, lang="en", folder=tmp_path)
    assert model.happened == "The conversation starts"
    view = model.view
    assert (view.trust.low, view.trust.high) == (0, 100) and view.needs_found == 0
    model.send("Hello, welcome! I'm Sam, one of the consultants here.")
    assert model.view.trust.value > view.trust.value
    assert model.happened.startswith("Just now: greeted the customer")


def test_an_exam_hides_the_meters(tmp_path):
    model = PracticeModel(USED_CAR, lang="zh", mode="exam", folder=tmp_path)
    model.send("您好，欢迎光临！")
    assert model.view is None and model.happened == "" and model.input_enabled


@pytest.mark.parametrize("scenario", sorted(default_library().scenarios))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_strong_choices_reach_the_goal_and_pass(tmp_path, scenario, lang):
    model = PracticeModel(scenario, lang=lang, mode="choice", seed=3, folder=tmp_path)
    assert not model.input_enabled and not model.send("Hello")  # typed lines are refused
    while model.status == "ready":
        choices = model.choices
        assert 3 <= len(choices) <= 4 and {c.kind for c in choices} == set(KINDS)
        assert len({c.text for c in choices}) == len(choices)
        assert model.choose([c.kind for c in choices].index("strong"))
    assert model.session.outcome.status == "success" and model.choices == ()
    assert not model.choose(0)
    failures = set(model.scorecard.verdict.failures)
    # Online chat requires quick_first_reply; a click a moment after the customer's line reads as a
    # long line typed impossibly fast, so instant choice play earns no reply-time credit. Everything
    # else must pass.
    assert failures <= {"missing:quick_first_reply"}, failures
    assert model.scorecard.total >= model.scorecard.verdict.threshold


def test_a_harmful_choice_fails_the_attempt(tmp_path):
    model = PracticeModel(USED_CAR, lang="zh", mode="choice", seed=1, folder=tmp_path)
    model.choose([c.kind for c in model.choices].index("harmful"))
    model.finish()
    assert not model.scorecard.passed
    assert any(f.startswith("forbidden:") for f in model.scorecard.verdict.failures)


def test_choices_are_deterministic_and_do_not_disturb_the_customer():
    a, b = Session(USED_CAR, seed=5, lang="zh"), Session(USED_CAR, seed=5, lang="zh")
    assert candidates(a) == candidates(b)
    for _ in range(3):
        candidates(a)
    line = candidates(b)[0].text
    assert a.say(line).text == b.say(line).text
    assert candidates(a) == candidates(b)


def test_choose_refuses_what_is_not_a_candidate(tmp_path):
    model = PracticeModel(USED_CAR, lang="en", mode="choice", folder=tmp_path)
    for bad in (-1, 4, 99, True, "0", None):
        assert not model.choose(bad)
    assert model.session.transcript.turns == []


def test_highlight_takes_only_turns_that_exist(tmp_path):
    model = PracticeModel(USED_CAR, lang="en", folder=tmp_path)
    model.send("Hello, welcome!")
    model.highlight(1)
    assert model.highlighted == 1
    model.highlight(7)
    assert model.highlighted == 1
    model.highlight(None)
    assert model.highlighted is None


def test_bad_arguments_are_clear_errors(tmp_path):
    with pytest.raises(SimkitError, match="mode must be one of free, choice, exam"):
        PracticeModel(USED_CAR, mode="quiz", folder=tmp_path)
    with pytest.raises(SimkitError, match="name a scenario id"):
        PracticeModel(folder=tmp_path)
    with pytest.raises(SimkitError, match="did you mean"):
        PracticeModel("used-car-hidden-defect-v1", folder=tmp_path)
    assert list(tmp_path.iterdir()) == []  # a failed start leaves no empty file


def test_a_typed_conversation_records_live_times(tmp_path):
    """Responsiveness is judged only on times the session stamped itself: the widget must say so."""
    model = PracticeModel("online-lead-lowest-price-v1", lang="en", mode="free", seed=3, folder=tmp_path)
    model.send("Hi, thanks for your message! I'm Sam.")
    saved = json.loads(model.path.read_text(encoding="utf-8"))
    assert saved["times"] == "live"
