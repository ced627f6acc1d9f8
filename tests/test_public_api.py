"""The public surface is deliberate: a name added or removed here is an API change."""

from __future__ import annotations

import subprocess
import sys

import pytest

import simkit


def test_public_names():
    assert sorted(simkit.__all__) == sorted([
        "Analysis", "ContentError", "CustomerView", "Library", "Meter", "NeedView", "ObjectionView", "Outcome",
        "Reply", "Session", "SessionError", "SimkitError", "Transcript", "TranscriptError", "UnknownIdError", "__version__", "analyze",
        "default_library", "load_library", "replay",
    ])
    for name in simkit.__all__:
        assert hasattr(simkit, name), name


def test_every_error_is_a_simkit_error():
    for name in ("ContentError", "SessionError", "TranscriptError", "UnknownIdError"):
        assert issubclass(getattr(simkit, name), simkit.SimkitError)


def test_import_loads_no_heavy_libraries():
    """`import simkit` stays light: the model and the training stack load only when needed."""
    code = ("import sys, simkit; heavy = [m for m in ('numpy', 'sklearn', 'ipywidgets', 'nbgrader', 'simkit.scoring') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_grading_check_loads_neither_engine_nor_understanding():
    """A notebook's hidden test imports simkit.grading in every kernel that grades it: only what it uses loads."""
    code = ("import sys; from simkit.grading import same_answer, exact_int; same_answer(exact_int(3, 'x'), 3, 'x'); "
            "print(sorted(m for m in sys.modules if m.startswith('simkit')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(["simkit", "simkit._lazy", "simkit._versions", "simkit.grading",
                                      "simkit.grading.strict"])


def test_names_load_on_first_use_as_themselves():
    from simkit.engine import Session
    from simkit.grading.skills import carries

    assert simkit.Session is Session and "Session" in vars(simkit)
    assert simkit.grading.carries is carries and "carries" in dir(simkit.grading)
    with pytest.raises(AttributeError, match="^module 'simkit' has no attribute 'Sesion'$"):
        simkit.Sesion  # noqa: B018
