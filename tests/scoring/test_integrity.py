"""Customer lines, versions and reply times in a file are checked, never trusted (simkit.scoring.integrity)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from simkit import i18n
from simkit.scoring import score
from simkit.scoring.integrity import FINDINGS, STATUSES, certifiable, review_times
from simkit.scoring.render import to_text
from simkit.scoring.scorecard import Integrity
from simkit.transcript import Transcript
from tests.references import reference_file, load, play, play_reference

SHOWROOM = reference_file("showroom-family-suv-v1")


@pytest.fixture
def recorded(tmp_path):
    path = tmp_path / "strong.json"
    play_reference(SHOWROOM, "strong", "en", save_to=path)
    return path


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_untouched_transcript_is_ok(recorded):
    card = score(recorded)
    assert card.integrity.status == "ok" and card.integrity.turns == ()
    assert card.passed


def test_edited_customer_line_is_tampered_and_fails(recorded):
    honest = score(recorded)
    _edit(recorded, lambda d: d["turns"][2].__setitem__("customer", "I'll take three, cash, today."))
    card = score(recorded)
    assert card.integrity.status == "tampered"
    assert card.integrity.turns == (3,)
    assert not card.passed and card.tier == "fail" and "tampered" in card.verdict.failures
    # The points come from the replay, so the edit changes nothing else.
    assert [d.points for d in card.dimensions] == [d.points for d in honest.dimensions]


def test_edited_opening_and_outcome_are_tampered(recorded):
    def change(data):
        data["opening"] = "I want to buy the most expensive car you have."
        data["outcome"] = {"status": "success", "turn": 2, "goal": "test_drive", "reason": None}
    card = score(_edit(recorded, change))
    assert card.integrity.status == "tampered"
    assert card.integrity.turns == (0, 9)


def test_edited_analysis_or_state_cannot_raise_the_score(recorded):
    def change(data):
        for turn in data["turns"]:
            turn["analysis"]["techniques"] = ["pressure"]
            turn["state"]["trust"] = 0
            turn["beats"] = []
    card = score(_edit(recorded, change))
    assert card.total == score(play_reference(SHOWROOM, "strong", "en")).total


def test_transcript_of_an_older_scenario_version_is_reported_as_such(recorded):
    card = score(_edit(recorded, lambda d: d["scenario"].__setitem__("hash", "sha256:" + "0" * 64)))
    assert card.integrity.status == "scenario-changed"
    assert card.integrity.scenario_changed
    assert card.passed  # scored against the current version, not failed for it
    assert not certifiable(card.integrity)


def test_extra_turns_after_the_end_are_tampered(recorded):
    def change(data):
        extra = dict(data["turns"][-1], n=len(data["turns"]) + 1, customer="Sure, and a second car too.")
        data["turns"].append(extra)
    card = score(_edit(recorded, change))
    assert card.integrity.status == "tampered" and 10 in card.integrity.turns


def test_score_accepts_a_transcript_object(recorded):
    assert score(Transcript.load(recorded)).total == score(recorded).total


# --- issue 9: the recorded versions never excuse a difference ---------------------------------

FORGED_VERSIONS = {
    "analyzer": lambda d: d.__setitem__("analyzer", "nlu-000000000000"),
    "engine": lambda d: d.__setitem__("engine", "engine-000000000000"),
    "blank versions": lambda d: d.update(analyzer="", engine=""),
    "scenario hash": lambda d: d["scenario"].__setitem__("hash", "sha256:" + "0" * 64),
}


@pytest.mark.parametrize("forge", FORGED_VERSIONS.values(), ids=FORGED_VERSIONS)
def test_an_edited_line_with_a_forged_version_is_still_tampered(recorded, forge):
    def change(data):
        data["turns"][2]["customer"] = "I'll take three, cash, today."
        forge(data)
    card = score(_edit(recorded, change))
    assert card.integrity.status == "tampered" and card.integrity.turns == (3,)
    assert not card.passed and "tampered" in card.verdict.failures
    assert not certifiable(card.integrity)


@pytest.mark.parametrize(("forge", "code"), [(FORGED_VERSIONS["analyzer"], "analyzer-version-differs"),
                                             (FORGED_VERSIONS["engine"], "engine-version-differs")])
def test_other_versions_alone_are_information_not_ok(recorded, forge, code):
    card = score(_edit(recorded, forge))
    assert card.integrity.status == "recorded-with-other-versions"
    assert card.passed  # scored under the current versions, like any replay
    assert not certifiable(card.integrity)
    assert code in [f.code for f in card.integrity.findings]


def test_only_ok_is_certifiable(recorded):
    card = score(recorded)
    assert card.integrity.status == "ok" and certifiable(card.integrity)
    assert [s for s in STATUSES if certifiable(Integrity(status=s))] == ["ok"]


def test_every_status_and_finding_has_words_in_both_languages():
    for code in [f"integrity.{s}" for s in STATUSES] + [f"integrity.finding.{f}" for f in FINDINGS]:
        assert set(i18n.MESSAGES[code]) == {"zh", "en"}, code


# --- issue 9: reply times are no longer taken on trust ----------------------------------------

ONLINE = reference_file("online-lead-lowest-price-v1")
ONLINE_ID = "online-lead-lowest-price-v1"


def _strong_online_lines():
    data = load(ONLINE)
    return data["seed"], data["scripts"]["strong"]["en"]["lines"]


def _forge_replies(path, seconds):
    """Every reply ``seconds`` after the customer's line: the edit the issue reports."""
    def change(data):
        start = datetime.fromisoformat(data["started_at"])
        for i, turn in enumerate(data["turns"], 1):
            turn["trainee_at"] = (start + timedelta(seconds=seconds * i)).isoformat()
    return _edit(path, change)


def test_forged_reply_times_on_a_scripted_slow_run_earn_nothing(tmp_path):
    seed, lines = _strong_online_lines()
    slow = [400] + [200] * (len(lines) - 1)
    path = tmp_path / "slow.json"
    play(ONLINE_ID, seed, "en", lines, slow, save_to=path, live=False)  # Session.say(line, at=...)
    honest = score(path)
    assert (honest.total, honest.tier) == (85, "fail")
    forged = score(_forge_replies(path, 10))
    # Before issue 9 the forged file scored 100, distinction, integrity ok.
    assert (forged.total, forged.tier, forged.passed) == (85, "fail", False)
    dim = forged.dimension("responsiveness")
    assert dim.points == 0 and [(e.turn, e.reason) for e in dim.evidence] == [(None, "reply-times-untrusted")]
    assert "missing:quick_first_reply" in forged.verdict.failures
    assert [f.code for f in forged.integrity.findings] == ["times-untrusted"]
    assert "not recorded live" in to_text(forged, "en")


def test_a_live_slow_run_is_judged_on_its_times(tmp_path):
    seed, lines = _strong_online_lines()
    # The online lead notices every slow reply (issue 12: the customer reacts to trusted times) and leaves.
    transcript = play(ONLINE_ID, seed, "en", lines, [400] + [200] * (len(lines) - 1), until_done=True)
    card = score(transcript)
    assert card.tier == "fail" and card.total < score(play(ONLINE_ID, seed, "en", lines)).total
    assert card.dimension("responsiveness").evidence[0].reason == "first-reply-late"
    assert [t.n for t in transcript.turns if any(b["rule"] == "slow-reply" for b in t.beats)][:2] == [1, 2]
    assert transcript.outcome["reason"] == "kept_waiting"


def test_piped_play_gets_no_reply_time_points(tmp_path):
    seed, lines = _strong_online_lines()
    path = tmp_path / "piped.json"
    run = subprocess.run([sys.executable, "-m", "simkit", "play", ONLINE_ID, "--seed", str(seed), "--lang", "en",
                          "--transcript", str(path)], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    card = score(path)  # every reply 0 s after the customer's line
    assert card.integrity.times == "untrusted"
    dim = card.dimension("responsiveness")
    assert dim.points == 0 and dim.evidence[0].reason == "reply-times-untrusted"


def test_a_line_typed_faster_than_anyone_types_is_not_judged():
    lines = ["Hi, thanks for your message! I'm Sam. The official price is 119,800, every fee in writing.",
             "What will you mostly use the car for?"]
    card = score(play(ONLINE_ID, 1, "en", lines, [60, 1]))
    assert [(f.code, f.turn, f.params["chars"]) for f in card.integrity.findings] == [("typing-too-fast", 2, 37)]
    assert card.integrity.status == "ok"  # a pasted line is no tampering; it just earns no time points
    dim = card.dimension("responsiveness")
    assert [(e.turn, e.reason, e.points > 0) for e in dim.evidence] == [
        (1, "first-reply-in-time", True), (2, "reply-typed-too-fast", False)]


START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def _at(seconds):
    return (START + timedelta(seconds=seconds)).isoformat()


@pytest.mark.parametrize(("times", "expect"), [
    ([30, 60, 90], []),
    ([30, 20, 90], [("time-non-monotonic", 2)]),
    ([-5, 60, 90], [("time-before-start", 1)]),
    ([30, 60, 10**6], [("time-in-future", 3)]),
    ([30, 60, 61], [("typing-too-fast", 3)]),
])
def test_timestamp_checks(times, expect):
    turns = [(n, "What will you mostly use the car for?", _at(t)) for n, t in enumerate(times, 1)]
    review = review_times(START.isoformat(), turns, times="live", now=START + timedelta(hours=1))
    assert [(f.code, f.turn) for f in review.findings] == expect
    assert set(f.code for f in review.findings) <= set(FINDINGS)
    judged = review.unjudged_reason is None
    assert judged == (not expect or expect[0][0] == "typing-too-fast")


def test_untrusted_times_are_checked_too():
    review = review_times(START.isoformat(), [(1, "Hello", _at(-1))], times="untrusted", now=START)
    assert [f.code for f in review.findings] == ["times-untrusted", "time-before-start"]
    assert review.unjudged_reason.code == "times-untrusted"
