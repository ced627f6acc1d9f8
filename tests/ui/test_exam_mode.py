"""Exam mode without a browser: the seat, signed saves, verified resumes, hidden meters, the key kept in."""

from __future__ import annotations

import json

import pytest

from simkit import Session
from simkit.exam import exam_seed, load_key, new_key, verify
from simkit.transcript import Transcript
from simkit.ui.exam import ExamError, ExamSeat, load_exam, trainee_id
from simkit.ui.model import PracticeModel
from tests.ui.test_model import USED_CAR, strong_lines

ONLINE = "online-lead-lowest-price-v1"


@pytest.fixture
def exam_env(tmp_path):
    key_file = tmp_path / "secret" / "exam.key"
    key_file.parent.mkdir()
    new_key(key_file)
    exam = tmp_path / "exam.json"
    exam.write_text(json.dumps({"exam_id": "cert-1", "scenarios": [USED_CAR, ONLINE],
                                "save_to": str(tmp_path / "saved" / "{trainee}")}))
    return {"SIMKIT_EXAM": str(exam), "SIMKIT_EXAM_KEY_FILE": str(key_file), "JUPYTERHUB_USER": "li.wei"}


def seat_of(env) -> ExamSeat:
    return ExamSeat.from_env(env)


def test_the_exam_file_is_read_and_checked(tmp_path):
    path = tmp_path / "e.json"
    path.write_text(json.dumps({"exam_id": "x1", "scenarios": [USED_CAR], "save_to": "out"}))
    exam = load_exam(path)
    assert exam.scenarios == (USED_CAR,) and exam.save_to == str(tmp_path / "out") and exam.langs == ("zh", "en")
    for bad, word in (({"scenarios": [USED_CAR], "save_to": "o"}, "exam_id"),
                      ({"exam_id": "x", "scenarios": [], "save_to": "o"}, "scenarios"),
                      ({"exam_id": "x", "scenarios": [USED_CAR, USED_CAR], "save_to": "o"}, "scenarios"),
                      ({"exam_id": "x", "scenarios": [USED_CAR], "save_to": "o", "langs": ["fr"]}, "langs"),
                      ({"exam_id": "x", "scenarios": [USED_CAR], "save_to": "o", "seed": 3}, "seed")):
        path.write_text(json.dumps(bad))
        with pytest.raises(ExamError, match=word):
            load_exam(path)
    path.write_text("{nope")
    with pytest.raises(ExamError, match="cannot read"):
        load_exam(path)


def test_the_trainee_id_comes_from_jupyterhub_then_the_fallbacks():
    assert trainee_id({"JUPYTERHUB_USER": "a1", "SIMKIT_TRAINEE": "b2"}) == "a1"
    assert trainee_id({"SIMKIT_TRAINEE": "b2"}) == "b2"
    assert trainee_id({})  # the server's user
    with pytest.raises(ExamError):
        trainee_id({"JUPYTERHUB_USER": "../etc"})


def test_a_missing_key_or_a_key_beside_the_transcripts_is_refused(exam_env, tmp_path):
    with pytest.raises(ExamError, match="SIMKIT_EXAM_KEY_FILE"):
        ExamSeat.from_env({k: v for k, v in exam_env.items() if k != "SIMKIT_EXAM_KEY_FILE"})
    inside = tmp_path / "saved" / "k.key"
    inside.parent.mkdir()
    new_key(inside)
    with pytest.raises(ExamError, match="inside the transcripts folder"):
        ExamSeat.from_env({**exam_env, "SIMKIT_EXAM_KEY_FILE": str(inside)})


def test_an_exam_conversation_is_seeded_by_the_exam_hidden_and_saved_signed_after_every_turn(exam_env):
    seat = seat_of(exam_env)
    key = load_key(exam_env["SIMKIT_EXAM_KEY_FILE"])
    assert key.hex() not in repr(seat)
    model = PracticeModel(USED_CAR, lang="zh", seat=seat, mode="free", seed=123)
    seed = exam_seed(key=key, exam_id="cert-1", trainee_id="li.wei", scenario_id=USED_CAR)
    assert model.session.seed == seed and model.mode == "exam" and model.exam
    assert model.path == seat.folder / f"{USED_CAR}.json" and seat.folder.name == "li.wei"
    assert model.view is None and model.happened == "" and model.choices == ()
    session = Session(USED_CAR, seed=seed, lang="zh")
    for n, line in enumerate(strong_lines("zh"), start=1):
        assert model.send(line)
        assert model.messages[-1].text == session.say(line).text
        saved = Transcript.load(model.path)
        assert len(saved.turns) == n and saved.times == "live"
        assert verify(saved, key=key, trainee_id="li.wei", exam_id="cert-1")
        assert not verify(saved, key=key, trainee_id="someone.else", exam_id="cert-1")
    assert model.status == "ended" and model.scorecard is None  # graded by the certification, not shown
    assert seat.status(USED_CAR) == "done" and seat.status(ONLINE) == "new"
    assert key.hex() not in model.path.read_text(encoding="utf-8")
    assert [p.name for p in seat.folder.iterdir()] == [f"{USED_CAR}.json"]


def test_a_started_exam_is_continued_live_and_an_edited_one_is_refused(exam_env):
    seat = seat_of(exam_env)
    key = load_key(exam_env["SIMKIT_EXAM_KEY_FILE"])
    lines = strong_lines("en")
    first = PracticeModel(USED_CAR, lang="en", seat=seat)
    for line in lines[:3]:
        first.send(line)
    assert seat.status(USED_CAR) == "started"
    again = PracticeModel(USED_CAR, lang="zh", seat=seat)  # the language of the saved conversation wins
    assert again.lang == "en" and again.messages == first.messages and again.session.seed == first.session.seed
    again.send(lines[3])
    saved = Transcript.load(again.path)
    assert saved.times == "live" and saved.turns[3].trainee_at > saved.turns[2].trainee_at
    assert verify(saved, key=key, trainee_id="li.wei", exam_id="cert-1")
    data = json.loads(again.path.read_text(encoding="utf-8"))
    data["turns"][0]["trainee_at"] = data["started_at"]
    again.path.write_text(json.dumps(data), encoding="utf-8")
    edited = again.path.read_text(encoding="utf-8")
    with pytest.raises(ExamError, match="does not verify"):
        PracticeModel(USED_CAR, lang="en", seat=seat)
    assert again.path.read_text(encoding="utf-8") == edited  # nothing overwritten


def test_an_exam_takes_only_its_own_scenarios(exam_env):
    with pytest.raises(Exception, match="not a scenario of the exam"):
        PracticeModel("showroom-family-suv-v1", lang="en", seat=seat_of(exam_env))


def test_the_exam_page_shows_the_banner_and_never_holds_the_key(exam_env, monkeypatch):
    pytest.importorskip("ipywidgets")
    from simkit.ui.app import page
    from tests.ui.test_widgets import all_html

    for k, v in exam_env.items():
        monkeypatch.setenv(k, v)
    app = page(query=f"scenario=showroom-family-suv-v1&seed=5&mode=free")
    assert type(app).__name__ == "ExamApp" and app.practice is None
    html = all_html(app.widget)
    assert "考试" in html and "This is an exam" in html and "li.wei" in html
    app.start(USED_CAR)
    app.practice.chat._submit(strong_lines("zh")[0])
    key = load_key(exam_env["SIMKIT_EXAM_KEY_FILE"]).hex()
    states = json.dumps([w.get_state() for w in _widgets(app.widget)], default=str)
    assert key not in states
    assert 'data-meter=' not in states and 'class=\\"simkit-happened' not in states
    assert not [w for w in _widgets(app.widget) if "simkit-choice" in w._dom_classes]
    assert app.practice.model.scorecard is None


def test_without_a_usable_key_the_exam_page_says_why(exam_env, monkeypatch):
    pytest.importorskip("ipywidgets")
    from simkit.ui.app import page
    from tests.ui.test_widgets import all_html

    monkeypatch.setenv("SIMKIT_EXAM", exam_env["SIMKIT_EXAM"])
    monkeypatch.delenv("SIMKIT_EXAM_KEY_FILE", raising=False)
    app = page()
    assert app.seat is None and "SIMKIT_EXAM_KEY_FILE" in all_html(app.widget)


def _widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _widgets(child)


def test_two_pages_of_one_exam_cannot_undo_each_others_turns(exam_env):
    seat = seat_of(exam_env)
    lines = strong_lines("en")
    first = PracticeModel(USED_CAR, lang="en", seat=seat)
    first.send(lines[0])
    second = PracticeModel(USED_CAR, lang="en", seat=seat)  # the same trainee opens it again elsewhere
    assert second.send(lines[1])
    saved = second.path.read_text(encoding="utf-8")
    assert not first.send("a different second line, as a retry")  # would overwrite the other page's turn
    assert first.status == "ended" and "another window" in first.notice
    assert second.path.read_text(encoding="utf-8") == saved
    assert second.send(lines[2])
