"""``simkit app practice``: the Voila command line it runs, with the safe defaults."""

from __future__ import annotations

import subprocess

import pytest

from simkit import cli
from simkit.ui.serve import ServeOptions, notebook_path, voila_argv, voila_env


def test_the_defaults_are_the_safe_ones():
    options = ServeOptions().with_token()
    argv = voila_argv(options)
    assert len(options.token) >= 24 and f"--token={options.token}" in argv
    for flag in ("--Voila.ip=127.0.0.1", "--strip_sources=True", "--show_tracebacks=False", "--no-browser",
                 "--template=simkit", "--MappingKernelManager.cull_idle_timeout=600",
                 "--MappingKernelManager.cull_connected=True", "--PracticeKernelManager.cull_connected_timeout=3600",
                 "--PracticeKernelManager.cull_unconnected_timeout=120",
                 "--preheat_kernel=True", "--pool_size=2", "--VoilaExecutor.startup_timeout=300", "--VoilaExecutor.iopub_timeout=60",
                 "--VoilaConfiguration.multi_kernel_manager_class=simkit.ui.serve.PracticeKernelManager"):
        assert flag in argv
    assert str(notebook_path("practice")) in argv and notebook_path("practice").exists()
    assert ServeOptions().with_token().token != options.token


def test_a_token_is_required_and_no_pool_means_no_preheat():
    with pytest.raises(ValueError, match="needs a token"):
        voila_argv(ServeOptions())
    argv = voila_argv(ServeOptions(token="t", pool_size=0, port=9000))
    assert "--preheat_kernel=True" not in argv and "--port=9000" in argv


def test_the_environment_finds_the_offline_template(tmp_path):
    env = voila_env(ServeOptions(transcripts=str(tmp_path)), {"JUPYTER_PATH": "/elsewhere"})
    first = env["JUPYTER_PATH"].split(":")[0]
    assert (__import__("pathlib").Path(first) / "voila/templates/simkit/index.html.j2").exists()
    assert env["JUPYTER_PATH"].endswith(":/elsewhere") and env["SIMKIT_TRANSCRIPTS"] == str(tmp_path)
    assert "SIMKIT_LIST_UNFINISHED" not in env
    assert voila_env(ServeOptions(ip="0.0.0.0"), {})["SIMKIT_LIST_UNFINISHED"] == "0"


def test_the_cli_runs_voila_with_the_options(monkeypatch, capsys):
    ran = {}

    def fake_call(argv, env):
        ran.update(argv=argv, env=env)
        return 0

    monkeypatch.setattr(subprocess, "call", fake_call)
    assert cli.main(["app", "practice", "--port", "9123", "--token", "class-7", "--pool-size", "0"]) == 0
    assert "--port=9123" in ran["argv"] and "--token=class-7" in ran["argv"]
    assert "http://127.0.0.1:9123/?token=class-7" in capsys.readouterr().err


def test_import_simkit_stays_light():
    import sys

    code = "import simkit, simkit.cli, sys; simkit.cli.build_parser(); " \
           "print(sorted(m for m in sys.modules if m.startswith(('ipywidgets', 'voila', 'simkit.ui'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_cli_checks_an_exam_before_serving_it(monkeypatch, capsys, tmp_path):
    import json

    from simkit.exam import new_key

    ran = {}
    monkeypatch.setattr(subprocess, "call", lambda argv, env: ran.update(argv=argv, env=env) or 0)
    exam = tmp_path / "exam.json"
    exam.write_text(json.dumps({"exam_id": "e1", "scenarios": ["used-car-hidden-defects-v1"], "save_to": "out"}))
    monkeypatch.delenv("SIMKIT_EXAM_KEY_FILE", raising=False)
    assert cli.main(["app", "practice", "--token", "t", "--exam", str(exam)]) != 0
    assert "SIMKIT_EXAM_KEY_FILE" in capsys.readouterr().err and not ran  # refused before voila starts
    (tmp_path / "keys").mkdir()
    new_key(tmp_path / "keys" / "k")
    monkeypatch.setenv("SIMKIT_EXAM_KEY_FILE", str(tmp_path / "keys" / "k"))
    monkeypatch.setenv("SIMKIT_TRAINEE", "t-1")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    assert cli.main(["app", "practice", "--token", "t", "--exam", str(exam)]) == 0
    assert ran["env"]["SIMKIT_EXAM"] == str(exam) and "exam e1 for t-1" in capsys.readouterr().err
    assert "--VoilaConfiguration.extension_denylist=" in " ".join(ran["argv"])
