"""``simkit app studio|dashboard``: the template, the environment and clear errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from simkit.commands.app import _app_env
from simkit.errors import SimkitError
from simkit.ui.serve import ServeOptions, voila_argv


@pytest.mark.parametrize("app", ["studio", "dashboard"])
def test_the_trainer_apps_are_served_safely_with_their_template(app):
    argv = voila_argv(ServeOptions(token="t"), app=app)
    assert argv[3].endswith(f"apps/{app}.ipynb")
    assert "--template=simkit-trainer" in argv and "--Voila.ip=127.0.0.1" in argv and "--token=t" in argv
    assert "--template=simkit" in voila_argv(ServeOptions(token="t"), app="practice")


def test_the_environment_names_the_folder_or_the_run(tmp_path):
    assert _app_env("studio", str(tmp_path)) == {"SIMKIT_STUDIO_PATH": str(tmp_path)}
    assert _app_env("studio", None) == {}
    with pytest.raises(SimkitError, match="no such file"):
        _app_env("studio", str(tmp_path / "missing"))
    with pytest.raises(SimkitError, match="needs the certification run"):
        _app_env("dashboard", None)
    with pytest.raises(SimkitError, match="not a certification run"):
        _app_env("dashboard", str(tmp_path))
    with pytest.raises(SimkitError, match="takes no PATH"):
        _app_env("practice", str(tmp_path))


def test_the_command_says_what_is_wrong_in_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "simkit", "app", "dashboard", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "not a certification run" in done.stderr and "Traceback" not in done.stderr
