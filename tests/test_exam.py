"""Exam signatures: a signed transcript verifies only unchanged, for its trainee and its exam."""

from __future__ import annotations

import copy
import stat

import pytest

from simkit import exam
from simkit.engine.session import Session


@pytest.fixture(scope="module")
def transcript():
    session = Session("showroom-family-suv-v1", seed=3, lang="en")
    session.say("Hello, welcome in! What brings you in today?")
    session.say("What matters most to you in a new car?")
    return session.transcript


def test_new_key_is_private_and_not_overwritten(tmp_path):
    path = tmp_path / "exam.key"
    key = exam.new_key(path)
    assert exam.load_key(path) == key and len(key) == exam.KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        exam.new_key(path)


def test_bad_key_file_is_a_clear_error(tmp_path):
    path = tmp_path / "exam.key"
    path.write_text("not hex\n")
    with pytest.raises(ValueError, match="not an exam key"):
        exam.load_key(path)


def test_signature_binds_lines_times_trainee_and_exam(transcript):
    key = b"k" * 32
    signed = exam.sign(copy.deepcopy(transcript), key=key, trainee_id="t01", exam_id="cert-2026-12")
    assert signed.signature.startswith("hmac-sha256:")
    assert exam.verify(signed, key=key, trainee_id="t01", exam_id="cert-2026-12")
    assert not exam.verify(signed, key=key, trainee_id="t02", exam_id="cert-2026-12")
    assert not exam.verify(signed, key=key, trainee_id="t01", exam_id="cert-2027-01")
    assert not exam.verify(signed, key=b"x" * 32, trainee_id="t01", exam_id="cert-2026-12")
    edited = copy.deepcopy(signed)
    edited.turns[0].trainee_at = "2026-12-01T09:00:10+00:00"
    assert not exam.verify(edited, key=key, trainee_id="t01", exam_id="cert-2026-12")
    edited = copy.deepcopy(signed)
    edited.times = "live"
    assert not exam.verify(edited, key=key, trainee_id="t01", exam_id="cert-2026-12")
    assert not exam.verify(transcript, key=key, trainee_id="t01", exam_id="cert-2026-12")  # unsigned


def test_signature_survives_a_save_and_load(transcript, tmp_path):
    from simkit.transcript import Transcript

    key = b"k" * 32
    signed = exam.sign(copy.deepcopy(transcript), key=key, trainee_id="t01", exam_id="e1")
    signed.save(tmp_path / "t.json")
    assert exam.verify(Transcript.load(tmp_path / "t.json"), key=key, trainee_id="t01", exam_id="e1")


def test_exam_seed_is_fixed_per_trainee_and_differs_between_them():
    key = b"k" * 32
    seeds = {exam.exam_seed(key=key, exam_id="e1", trainee_id=f"t{i}", scenario_id="s") for i in range(20)}
    assert len(seeds) > 15
    assert exam.exam_seed(key=key, exam_id="e1", trainee_id="t1", scenario_id="s") == \
        exam.exam_seed(key=key, exam_id="e1", trainee_id="t1", scenario_id="s")
    assert exam.exam_seed(key=b"j" * 32, exam_id="e1", trainee_id="t1", scenario_id="s") != \
        exam.exam_seed(key=key, exam_id="e1", trainee_id="t1", scenario_id="s")
