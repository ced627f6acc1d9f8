"""Safe output and clear failures from the CLI, in real processes: nothing a file or a trainee
holds reaches the terminal raw, and every I/O failure is one line with the path, no traceback."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from simkit import Session
from tests.references import reference_file, play, play_reference

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = "showroom-family-suv-v1"
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # what must never be printed
HELLO = "Hi, welcome in! I'm Alex. What brings you in today?"


def simkit(*args, input=None, env=None, cwd=None, **kw):
    run_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "simkit", *map(str, args)], input=input, capture_output=True,
                          env=run_env, cwd=cwd, timeout=120, **kw)


def _text(run) -> tuple[str, str]:
    return (run.stdout or b"").decode("utf-8", "replace"), run.stderr.decode("utf-8", "replace")


def one_line_error(run, start: str) -> None:
    out, err = _text(run)
    assert run.returncode == 2, (out, err)
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("simkit: error: ")]
    assert len(lines) == 1 and lines[0].startswith(start), err


@pytest.fixture
def strong(tmp_path):
    path = tmp_path / "strong.json"
    play_reference(reference_file(SCENARIO), "strong", "en", save_to=path)
    return path


# --- terminal injection --------------------------------------------------------------------


def test_replay_shows_a_forged_recorded_line_escaped(tmp_path):
    path = tmp_path / "t.json"
    play(SCENARIO, 0, "en", [HELLO, "What budget do you have in mind?"], save_to=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    forged = "\x1b[2K\rreproduced: 2 turns, all customer lines identical\x1b[8m\x07\x00\u202e"
    data["turns"][1]["customer"] = forged
    path.write_text(json.dumps(data), encoding="utf-8")
    run = simkit("replay", path)
    out, _ = _text(run)
    assert run.returncode == 1
    assert not RAW_CONTROL.search(out)
    assert "  recorded: \\x1b[2K\\x0dreproduced: 2 turns, all customer lines identical\\x1b[8m\\x07\\x00\\u202e\n" in out
    assert out.splitlines()[-1] == "1 customer line(s) differ"


def test_scorecards_show_control_characters_escaped(tmp_path):
    path = tmp_path / "ann\x1b[2J\u202e.json"
    lines = ["\x1b[31mHi\x07, welcome in! \u202eWhat brings you in today?", "Buy now\x1b]0;owned\x07 or never."]
    play(SCENARIO, 0, "en", lines, save_to=path)
    text = simkit("score", path)
    out, err = _text(text)
    assert text.returncode in (0, 1), err
    assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err)
    assert out.splitlines()[0].endswith("/ann\\x1b[2J\\u202e.json")
    html = simkit("score", path, "--html")
    out, _ = _text(html)
    assert not RAW_CONTROL.search(out) and "ann\\x1b[2J\\u202e.json" in out
    as_json = simkit("score", path, "--json")
    out, _ = _text(as_json)
    assert not RAW_CONTROL.search(out) and json.loads(out)["total"] >= 0
    csv = simkit("score", tmp_path, "--csv", tmp_path / "out.csv")
    assert not RAW_CONTROL.search((tmp_path / "out.csv").read_text(encoding="utf-8"))
    assert not RAW_CONTROL.search(_text(csv)[1])


def test_a_lone_surrogate_in_a_transcript_prints(strong):
    data = json.loads(strong.read_text(encoding="utf-8"))
    data["turns"][0]["trainee"] += " \ud800"
    strong.write_text(json.dumps(data), encoding="utf-8")  # ASCII JSON: the surrogate as \\ud800
    for fmt in ("--html", "--json", "--lang"):
        run = simkit("score", strong, fmt, *(["en"] if fmt == "--lang" else []))
        out, err = _text(run)
        assert run.returncode in (0, 1) and "Traceback" not in err, err
    assert "\\ud800" in out or out


def test_validate_shows_control_characters_escaped(tmp_path):
    bad = tmp_path / "p\x1b[2J.yaml"
    bad.write_text("kind: persona\nid: x\x07y\n", encoding="utf-8")
    run = simkit("validate", bad)
    out, _ = _text(run)
    assert run.returncode == 1 and not RAW_CONTROL.search(out)
    assert "p\\x1b[2J.yaml" in out


# --- any stdout encoding --------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "ascii"])
def test_reports_print_on_any_stdout_encoding(strong, encoding):
    for lang in ("zh", "en"):
        run = simkit("score", strong, "--lang", lang, env={"PYTHONIOENCODING": encoding})
        assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
        out = run.stdout.decode(encoding)
        assert "\\u2713" in out  # ✓ is in none of these encodings: shown as an escape
    play_run = simkit("play", SCENARIO, "--lang", "zh", "--transcript", strong.parent / "zh.json",
                      input="您好，欢迎光临！\n".encode(), env={"PYTHONIOENCODING": encoding})
    assert play_run.returncode == 0 and b"Traceback" not in play_run.stderr


# --- input and output failures ----------------------------------------------------------------


def test_invalid_utf8_on_stdin_is_a_message_and_keeps_the_turns_before(tmp_path):
    path = tmp_path / "t.json"
    run = simkit("play", SCENARIO, "--lang", "en", "--transcript", path,
                 input=HELLO.encode() + b"\n\xff\xfe not text\nWhat budget do you have?\n")
    one_line_error(run, "simkit: error: standard input: line 2 is not utf-8 text (bad byte at offset 0)")
    assert [t["trainee"] for t in json.loads(path.read_text(encoding="utf-8"))["turns"]] == [HELLO]


@pytest.fixture
def read_only(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    immutable = False
    if os.geteuid() == 0:  # root ignores permission bits; an immutable folder refuses even root
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if not immutable:
            pytest.skip("running as root without chattr: no folder is read-only here")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(stat.S_IRWXU)


def test_read_only_folder_is_a_message(read_only, strong):
    play_run = simkit("play", SCENARIO, "--transcript", read_only / "t.json", input=b"")
    one_line_error(play_run, f"simkit: error: {read_only / 't.json'}: cannot save: ")
    csv_run = simkit("score", strong, "--csv", read_only / "out.csv")
    one_line_error(csv_run, f"simkit: error: {read_only / 'out.csv'}: cannot save: ")
    default = simkit("play", SCENARIO, input=b"", cwd=read_only)
    one_line_error(default, "simkit: error: ")
    assert list(read_only.iterdir()) == []


def _small_files():
    resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))  # a disk that fills up after 4 KB


def test_a_full_disk_is_a_message(tmp_path, strong):
    path = tmp_path / "t.json"
    run = simkit("play", SCENARIO, "--lang", "en", "--transcript", path, input=((HELLO + "\n") * 6).encode(),
                 preexec_fn=_small_files)
    one_line_error(run, f"simkit: error: {path}: cannot save: File too large")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    with open("/dev/full", "w") as full:
        out = subprocess.run([sys.executable, "-m", "simkit", "score", str(strong)], stdout=full,
                             stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    one_line_error(out, "simkit: error: standard output: No space left on device")


def test_transcript_pointing_at_a_folder_is_a_message(tmp_path):
    run = simkit("play", SCENARIO, "--transcript", tmp_path, input=b"")
    one_line_error(run, f"simkit: error: {tmp_path}: is a folder; give a file name, such as {tmp_path / 'transcript.json'}")


def test_transcript_never_overwrites_another_file(tmp_path, strong):
    notebook = tmp_path / "homework.ipynb"
    notebook.write_text('{"cells": [], "nbformat": 4}', encoding="utf-8")
    run = simkit("play", SCENARIO, "--transcript", notebook, input=(HELLO + "\n").encode())
    one_line_error(run, f"simkit: error: {notebook}: exists and is not a simkit transcript; it was left untouched")
    assert notebook.read_text(encoding="utf-8") == '{"cells": [], "nbformat": 4}'
    again = simkit("play", SCENARIO, "--lang", "en", "--transcript", strong, input=(HELLO + "\n").encode())
    assert again.returncode == 0  # a transcript may be replaced by a new attempt
    assert len(json.loads(strong.read_text(encoding="utf-8"))["turns"]) == 1


def test_two_plays_in_the_same_second_keep_both_transcripts(tmp_path):
    from simkit.commands.play import new_transcript_path

    first, second = (new_transcript_path(SCENARIO, 0, folder=tmp_path) for _ in range(2))
    assert first != second and first.exists() and second.exists()
    procs = [subprocess.Popen([sys.executable, "-m", "simkit", "play", SCENARIO, "--lang", "en"], cwd=tmp_path,
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}) for _ in range(3)]
    for proc in procs:
        proc.communicate((HELLO + "\n").encode(), timeout=120)
        assert proc.returncode == 0
    saved = sorted((tmp_path / "transcripts").glob("*.json"))
    assert len(saved) == 3
    assert all(len(json.loads(p.read_text(encoding="utf-8"))["turns"]) == 1 for p in saved)


def test_a_killed_writer_leaves_no_temporary_file_for_long(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    path = tmp_path / "t.json"
    orphan = tmp_path / f".t.json.{dead.pid}.k2j3l4.tmp"  # what kill -9 mid-save leaves
    orphan.write_text("{half", encoding="utf-8")
    alive = tmp_path / f".t.json.{os.getppid()}.a1b2c3.tmp"  # a save in progress elsewhere
    alive.write_text("{", encoding="utf-8")
    Session(SCENARIO, seed=0, lang="en", save_to=path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, "t.json"])


def test_sigterm_ends_play_cleanly(tmp_path):
    path = tmp_path / "t.json"
    proc = subprocess.Popen([sys.executable, "-m", "simkit", "play", SCENARIO, "--lang", "en", "--transcript",
                             str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    proc.stdin.write(HELLO + "\n")
    proc.stdin.flush()
    proc.stdout.readline()  # the opening
    proc.stdout.readline()  # the answer: the turn is saved
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "Traceback" not in err and f"transcript: {path}" in err
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]
    assert len(json.loads(path.read_text(encoding="utf-8"))["turns"]) == 1


# --- interactive play and practice.sh ---------------------------------------------------------


def test_slash_words_are_commands_in_interactive_play(tmp_path):
    path = tmp_path / "tty.json"
    child = pexpect.spawn(sys.executable, ["-m", "simkit", "play", SCENARIO, "--lang", "en", "--transcript",
                                           str(path)], encoding="utf-8", timeout=60, cwd=str(tmp_path),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    child.expect("> ")
    child.sendline("/help")
    child.expect("/state the customer's state · /help this help · /quit stop")
    child.expect("> ")
    child.sendline("/discount 10%")
    child.expect("unknown command /discount, /help lists them")
    child.expect("> ")
    child.sendline("//hello, I'm Alex. What brings you in?")
    child.expect("Zhou Jian: ")
    child.expect("> ")
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    turns = json.loads(path.read_text(encoding="utf-8"))["turns"]
    assert [t["trainee"] for t in turns] == ["/hello, I'm Alex. What brings you in?"]


def test_practice_script_takes_options_without_a_scenario(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "practice.sh", tmp_path / "scripts" / "practice.sh")
    (tmp_path / "scripts" / "setup.sh").write_text("exit 0\n")  # set-up is tested by using it
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    fake = tmp_path / ".venv" / "bin" / "simkit"
    fake.write_text('#!/bin/sh\necho "$@"\n')
    fake.chmod(0o755)
    start = str(tmp_path / "scripts" / "practice.sh")

    def args(*given):
        return subprocess.run(["bash", start, *given], capture_output=True, text=True, check=True).stdout.strip()

    assert args() == "play showroom-family-suv-v1"
    assert args("--lang", "en", "--seed", "3") == "play showroom-family-suv-v1 --lang en --seed 3"
    assert args("used-car-hidden-defects-v1", "--lang", "en") == "play used-car-hidden-defects-v1 --lang en"
