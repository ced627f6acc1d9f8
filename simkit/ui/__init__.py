"""Practice widgets for notebooks and Voila apps (the widgets need the ``jupyter`` extra).

The logic is plain Python (:class:`PracticeModel`, :mod:`simkit.ui.choices`), importable without
ipywidgets; the widgets (:mod:`simkit.ui.widgets`) and the app (:mod:`simkit.ui.app`) are a thin
layer over it, loaded on first use (``from simkit.ui import Practice`` works once ipywidgets is
installed). ``import simkit`` never imports this package.

Example:
    >>> from simkit.ui import Practice  # doctest: +SKIP
    >>> Practice("used-car-hidden-defects-v1", lang="zh", mode="free")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from simkit.ui.model import PracticeModel

__all__ = ["PracticeModel"]


def __getattr__(name: str) -> Any:
    # Practice and PracticeApp need ipywidgets: imported on first use, not with the package.
    if name == "Practice":
        from simkit.ui.widgets import Practice

        return Practice
    if name == "PracticeApp":
        from simkit.ui.app import PracticeApp

        return PracticeApp
    raise AttributeError(f"module 'simkit.ui' has no attribute {name!r}")
