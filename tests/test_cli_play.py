"""``simkit play`` and ``simkit replay`` as scripts and trainees use them, in real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

SCENARIO = "showroom-family-suv-v1"
LINES_EN = [
    "Hi, welcome in! I'm Alex. What brings you in today?",
    "What kind of budget do you have in mind?",
    "You mentioned your wife — what matters most to her?",
    "I'd recommend the seven-seat X7, it has a full safety package.",
]


def simkit(*args, input=None, env=None):
    return subprocess.run([sys.executable, "-m", "simkit", *args], input=input, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def _strip_times(data):
    data.pop("started_at")
    for turn in data["turns"]:
        turn.pop("trainee_at")
    return data


def test_transcripts_identical_across_processes_and_hash_seeds(tmp_path):
    outputs = []
    for hashseed in ("1", "987654"):
        path = tmp_path / f"t{hashseed}.json"
        run = simkit("play", SCENARIO, "--seed", "42", "--lang", "en", "--transcript", str(path),
                     input="\n".join(LINES_EN) + "\n", env={"PYTHONHASHSEED": hashseed})
        assert run.returncode == 0, run.stderr
        outputs.append((run.stdout, _strip_times(json.loads(path.read_text(encoding="utf-8")))))
    assert outputs[0] == outputs[1]


def test_piped_play_prints_one_customer_line_per_turn(tmp_path):
    path = tmp_path / "t.json"
    run = simkit("play", SCENARIO, "--lang", "en", "--transcript", str(path),
                 input="\n".join(LINES_EN[:2]) + "\n\n")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert lines == [data["opening"]] + [t["customer"] for t in data["turns"]]
    assert f"transcript: {path}" in run.stderr
    assert data["times"] == "untrusted"  # piped lines arrive at once: no reply time to judge


def test_replay_exit_codes(tmp_path):
    path = tmp_path / "t.json"
    simkit("play", SCENARIO, "--lang", "en", "--transcript", str(path), input="\n".join(LINES_EN) + "\n")
    ok = simkit("replay", str(path))
    assert ok.returncode == 0 and "reproduced: 4 turns" in ok.stdout

    data = json.loads(path.read_text(encoding="utf-8"))
    data["turns"][2]["customer"] = "I'll buy three cars today."
    path.write_text(json.dumps(data), encoding="utf-8")
    tampered = simkit("replay", str(path))
    assert tampered.returncode == 1
    assert "turn 3: customer line differs\n  recorded: I'll buy three cars today." in tampered.stdout

    path.write_text(path.read_text()[:100], encoding="utf-8")
    broken = simkit("replay", str(path))
    assert broken.returncode == 2 and "not valid JSON" in broken.stderr

    data["scenario"]["id"] = "gone-v1"
    path.write_text(json.dumps(data), encoding="utf-8")
    missing = simkit("replay", str(path))
    assert missing.returncode == 2 and "unknown scenario 'gone-v1'" in missing.stderr


def test_play_unknown_scenario_is_a_clear_error():
    run = simkit("play", "showroom-family-suv")
    assert run.returncode == 2
    assert "unknown scenario 'showroom-family-suv'; did you mean 'showroom-family-suv-v1'?" in run.stderr


def test_interactive_play_in_a_real_terminal(tmp_path):
    path = tmp_path / "tty.json"
    child = pexpect.spawn(sys.executable, ["-m", "simkit", "play", SCENARIO, "--lang", "en",
                                           "--transcript", str(path)],
                          encoding="utf-8", timeout=60, cwd=str(tmp_path), env=dict(os.environ))
    child.expect("Zhou Jian: ")
    child.expect("> ")
    child.sendline(LINES_EN[0])
    child.expect("Zhou Jian: (.+)\r\n")
    first_reply = child.match.group(1)
    child.expect("> ")
    child.sendline("/state")
    child.expect(r"turn 1 · stage \w+ · trust \d+ · interest \d+ · patience (\d+)/(\d+)")
    assert int(child.match.group(1)) <= int(child.match.group(2))
    child.expect(r"needs found \d+/4")
    child.expect("> ")
    child.sendline("/quit")
    child.expect("transcript: ")
    child.expect(pexpect.EOF)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    assert [t["customer"] for t in data["turns"]] == [first_reply.strip()]
    assert data["times"] == "live"  # a person typed in a terminal: the session's clock is trusted


def test_piped_play_in_chinese_speaks_chinese(tmp_path):
    path = tmp_path / "zh.json"
    run = simkit("play", SCENARIO, "--lang", "zh", "--transcript", str(path), input="您好，欢迎光临！\n")
    assert run.returncode == 0, run.stderr
    assert f"对话记录：{path}" in run.stderr
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in run.stdout.splitlines())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_play_explain_prints_the_beats_rules_and_state_change(tmp_path, lang):
    path = tmp_path / "t.json"
    lines = {"en": [LINES_EN[0], "Shut up"], "zh": ["您好，欢迎光临！我是小陈，今天想了解点什么？", "滚"]}[lang]
    run = simkit("play", SCENARIO, "--lang", lang, "--explain", "--transcript", str(path), input="\n".join(lines) + "\n")
    assert run.returncode == 0, run.stderr
    data = json.loads(path.read_text(encoding="utf-8"))
    out = run.stdout
    for turn in data["turns"]:  # after each customer line: its beats, by rule, then what changed
        after = out.split(turn["customer"], 1)[1]
        for beat in turn["beats"]:
            assert f"  · {beat['rule']}: " in after, beat
    assert "+more-seats" in out and ("trust 35→" if lang == "en" else "信任 35→") in out
    assert ("(not said)" if lang == "en" else "（未说出）") in out  # the greeting answered silently
    rude = out.split(data["turns"][1]["customer"], 1)[1]
    assert "· rude: " in rude and ("patience 6→4" if lang == "en" else "耐心 6→4") in rude
