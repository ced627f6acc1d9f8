"""Names a package re-exports but imports only on first use (PEP 562 module ``__getattr__``).

A grading kernel runs ``from simkit.grading import same_answer`` in every notebook it grades:
loading the engine, the content library and the understanding model there would cost most of a
second per submission for checks that need none of them.

Example (in a package's ``__init__.py``)::

    __getattr__, __dir__ = lazy_names(__name__, {"simkit.engine": ["Reply", "Session"]})
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_names(package: str, modules: dict[str, list[str]]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, which re-exports the names of ``modules``.

    Args:
        package: the package's ``__name__``.
        modules: ``{module: [names it defines that the package re-exports]}``.
    """
    homes = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)  # later look-ups are plain attribute reads
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(homes))

    return __getattr__, __dir__
