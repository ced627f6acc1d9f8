"""Every package's ``__all__`` is exactly its public surface.

The rule, for ``simkit`` and every subpackage, comparing ``__all__`` with ``vars(package)``:

- each name in ``__all__`` exists in the package (once looked up: ``simkit`` and
  ``simkit.grading`` import theirs on first use), and appears once;
- each public name (no leading ``_``) bound in the package is in ``__all__``, unless it is a
  submodule or the package imports it from outside simkit (``annotations`` from
  ``__future__``, ``TYPE_CHECKING`` from ``typing``): what a package defines or re-exports from
  simkit is public on purpose, or it gets a leading ``_``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import types

import pytest

import simkit

PACKAGES = ["simkit"] + [i.name for i in pkgutil.walk_packages(simkit.__path__, "simkit.") if i.ispkg]


def foreign_imports(source: str) -> set[str]:
    """Names the module binds by importing them from outside simkit."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and not (node.level or (node.module or "").split(".")[0] == "simkit"):
            names |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names if not a.name.startswith("simkit")}
    return names


def public_names(namespace: dict[str, object], source: str) -> set[str]:
    """The public names of a module with this ``vars()`` and source."""
    foreign = foreign_imports(source)
    return {n for n, value in namespace.items()
            if not n.startswith("_") and not isinstance(value, types.ModuleType) and n not in foreign}


def test_every_package_is_covered():
    assert {"simkit", "simkit.content", "simkit.engine", "simkit.scoring", "simkit.understand"} <= set(PACKAGES)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_lists_exactly_the_public_names(name):
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    listed = list(module.__all__)
    assert len(listed) == len(set(listed)), f"{name}.__all__ lists a name twice"
    missing = [n for n in listed if not hasattr(module, n)]  # a lazy name is in vars() once looked up
    assert not missing, f"{name}.__all__ names what is not there: {missing}"
    unlisted = sorted(public_names(vars(module), inspect.getsource(module)) - set(listed))
    assert not unlisted, f"{name} binds public names missing from __all__: {unlisted}"


def test_the_rule_sees_constants_and_own_imports_and_skips_foreign_ones():
    source = ("from __future__ import annotations\nfrom typing import TYPE_CHECKING\nimport difflib\n"
              "from simkit.errors import SimkitError\nfrom .x import y\n")
    assert foreign_imports(source) == {"annotations", "TYPE_CHECKING", "difflib"}
    namespace = {"LIMIT": 3, "SimkitError": simkit.SimkitError, "TYPE_CHECKING": False, "_hidden": 1,
                 "errors": simkit.errors, "annotations": object()}
    assert public_names(namespace, source) == {"LIMIT", "SimkitError"}
