"""Transcripts: atomic saves, strict loading with clear errors, exact replay."""

from __future__ import annotations

import json

import pytest

from simkit import Session
from simkit.errors import TranscriptError, UnknownIdError
from simkit.engine.replay import replay
from simkit.transcript import Transcript

SCENARIO = "showroom-family-suv-v1"
LINES = [
    "您好，欢迎光临！我是销售顾问小陈。今天想了解点什么？",
    "您的预算大概是多少？",
    "您刚才提到您爱人，她最看重什么？",
]


@pytest.fixture
def recorded(tmp_path):
    path = tmp_path / "t.json"
    session = Session(SCENARIO, seed=5, lang="zh", save_to=path)
    for line in LINES:
        session.say(line)
    return path


def test_saved_after_every_turn(tmp_path):
    path = tmp_path / "live.json"
    session = Session(SCENARIO, seed=1, lang="en", save_to=path)
    assert json.loads(path.read_text())["turns"] == []
    session.say("Hello, I'm Sam. What brings you in?")
    assert len(json.loads(path.read_text())["turns"]) == 1
    session.say("What budget do you have in mind?")
    saved = Transcript.load(path)
    assert saved.trainee_lines == ["Hello, I'm Sam. What brings you in?", "What budget do you have in mind?"]
    assert [p.name for p in tmp_path.iterdir()] == ["live.json"]  # no temporary files left behind


def test_transcript_records_what_replay_needs(recorded):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    assert data["format"] == "simkit-transcript" and data["format_version"] == 2
    assert data["scenario"]["id"] == SCENARIO and data["scenario"]["hash"].startswith("sha256:")
    assert (data["seed"], data["lang"]) == (5, "zh")
    assert data["simkit_version"] and data["analyzer"]
    assert [t["n"] for t in data["turns"]] == [1, 2, 3]
    assert all(t["trainee_at"] for t in data["turns"])


def test_replay_reproduces_exactly(recorded):
    report = replay(Transcript.load(recorded))
    assert report.reproduced and not report.scenario_changed
    assert report.session.state == json.loads(recorded.read_text())["turns"][-1]["state"]


def test_replay_finds_an_edited_customer_line(recorded):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["turns"][1]["customer"] = "我预算一百万，随便花。"
    report = replay(Transcript.from_dict(data))
    assert [(d.turn, d.recorded) for d in report.differences] == [(2, "我预算一百万，随便花。")]
    assert not report.scenario_changed


def test_changed_scenario_is_reported_as_such(recorded):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["scenario"]["hash"] = "sha256:" + "0" * 64
    report = replay(Transcript.from_dict(data))
    assert report.scenario_changed and report.reproduced


def test_unknown_scenario_in_a_transcript(recorded):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["scenario"]["id"] = "no-such-scenario-v1"
    with pytest.raises(UnknownIdError, match="unknown scenario 'no-such-scenario-v1'"):
        replay(Transcript.from_dict(data))


def _broken(recorded, edit):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    edit(data)
    recorded.write_text(json.dumps(data), encoding="utf-8")
    return recorded


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("turns"), "turns: missing"),
        (lambda d: d.__setitem__("seed", "5"), "seed: expected a whole number, got str"),
        (lambda d: d.__setitem__("format_version", 99), "format_version: this simkit reads versions 1 to 2, got 99"),
        (lambda d: d.__setitem__("format", "chat-log"), "format: expected 'simkit-transcript', got 'chat-log'"),
        (lambda d: d["turns"].pop(1), "turns[1].n: expected turn 2, got 3 (a turn is missing or out of order)"),
        (lambda d: d["turns"][0].__setitem__("trainee", None), "turns[0].trainee: expected text, got NoneType"),
        (lambda d: d["scenario"].pop("hash"), "scenario.hash: missing"),
        (lambda d: d.__setitem__("lang", "fr"), "lang: expected 'zh' or 'en', got 'fr'"),
    ],
)
def test_hand_edited_transcript_names_the_field(recorded, edit, message):
    path = _broken(recorded, edit)
    with pytest.raises(TranscriptError) as err:
        Transcript.load(path)
    assert str(err.value) == f"{path}: {message}"


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.9])
def test_truncated_transcript_is_reported(recorded, keep):
    raw = recorded.read_bytes()
    cut = int(len(raw) * keep)
    while raw[cut] & 0xC0 == 0x80:  # cut between characters: a truncation, not a broken character
        cut -= 1
    recorded.write_bytes(raw[:cut])
    with pytest.raises(TranscriptError, match=r"not valid JSON at line \d+, column \d+: .*\(the file looks truncated\)"):
        Transcript.load(recorded)


@pytest.mark.parametrize(("content", "message"), [(b"", "file is empty"), (b"\xff\xfe\x00junk", "not UTF-8 text")])
def test_empty_or_binary_transcript(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(TranscriptError, match=message):
        Transcript.load(path)


def test_missing_file(tmp_path):
    with pytest.raises(TranscriptError, match="cannot read"):
        Transcript.load(tmp_path / "nope.json")


def test_a_version_1_file_loads_with_untrusted_times(recorded):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["format_version"] = 1
    del data["times"], data["signature"]
    transcript = Transcript.from_dict(data)
    assert (transcript.times, transcript.signature) == ("untrusted", None)
    assert replay(transcript).reproduced
    data["times"] = "live"  # a version 1 file never recorded how its times were taken
    assert Transcript.from_dict(data).times == "untrusted"


def test_times_and_signature_are_checked(recorded):
    data = json.loads(recorded.read_text(encoding="utf-8"))
    with pytest.raises(TranscriptError, match="times: expected 'live' or 'untrusted', got 'honest'"):
        Transcript.from_dict({**data, "times": "honest"})
    with pytest.raises(TranscriptError, match="signature: expected text or null"):
        Transcript.from_dict({**data, "signature": 42})
    signed = Transcript.from_dict({**data, "signature": "hmac-sha256:abc"})
    assert Transcript.from_json(signed.to_json()).signature == "hmac-sha256:abc"


def test_session_times_are_live_only_when_its_own_clock_stamps_typed_lines():
    typed = Session(SCENARIO, seed=1, lang="en", interactive=True)
    typed.say("Hello, I'm Sam. What brings you in?")
    assert typed.transcript.times == "live"
    typed.say("What budget do you have in mind?", at="2026-03-02T09:00:10+08:00")
    assert typed.transcript.times == "untrusted"  # one time from outside spoils them all
    clocked = Session(SCENARIO, seed=1, lang="en", interactive=True, clock=lambda: "2026-03-02T09:00:00+08:00")
    assert clocked.transcript.times == "untrusted"
    assert Session(SCENARIO, seed=1, lang="en").transcript.times == "untrusted"  # scripted by default


def test_canonical_bytes_cover_everything_but_the_signature(recorded):
    transcript = Transcript.load(recorded)
    raw = transcript.canonical_bytes(trainee_id="t-1", exam_id="e-1")
    signed = json.loads(raw)
    assert signed["trainee_id"] == "t-1" and signed["exam_id"] == "e-1"
    assert "signature" not in signed["transcript"] and signed["transcript"]["times"] == transcript.times
    assert raw == json.dumps(signed, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    transcript.signature = "hmac-sha256:abc"
    assert transcript.canonical_bytes(trainee_id="t-1", exam_id="e-1") == raw  # the slot is not signed
    for other in ({"trainee_id": "t-2", "exam_id": "e-1"}, {"trainee_id": "t-1", "exam_id": "e-2"}):
        assert transcript.canonical_bytes(**other) != raw
    transcript.times = "live"  # the edit no check can see without a signature
    assert transcript.canonical_bytes(trainee_id="t-1", exam_id="e-1") != raw
    transcript.times = "untrusted"
    transcript.turns[0].trainee_at = "2026-03-02T09:00:10+08:00"
    assert transcript.canonical_bytes(trainee_id="t-1", exam_id="e-1") != raw
