"""The parts of simkit depend on each other one way only: no import cycle between them.

A part is a sub-package (``simkit.content``, ``simkit.engine``, ...) or a top-level module
(``simkit.transcript``, ``simkit.i18n``, ...). Every import counts, at the top of a module or
inside a function (a lazy import only hides a cycle), except those under ``TYPE_CHECKING``. The
top-level ``simkit`` package re-exports the public API, so it is not a part.
"""

from __future__ import annotations

import ast
from pathlib import Path

import simkit

ROOT = Path(simkit.__file__).parent


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT.parent).with_suffix("").parts).removesuffix(".__init__")


MODULES = {_module_name(path): path for path in ROOT.rglob("*.py")}


def _part(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _imports(path: Path) -> set[str]:
    """The simkit modules ``path`` imports (a name imported from a package counts as its module)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for item in ast.walk(node):
            if isinstance(item, ast.ImportFrom) and item.module and item.module.startswith("simkit"):
                names = [f"{item.module}.{alias.name}" for alias in item.names]
                found.update(n for n in names if n in MODULES)
                if not all(n in MODULES for n in names):
                    found.add(item.module)
            elif isinstance(item, ast.Import):
                found.update(alias.name for alias in item.names if alias.name in MODULES)
    return found


def _part_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        if module == "simkit":
            continue
        for imported in _imports(path):
            if imported != "simkit" and _part(imported) != _part(module):
                graph.setdefault(_part(module), set()).add(_part(imported))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of parts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_graph_is_read() -> None:
    graph = _part_graph()
    assert "simkit.content" in graph["simkit.scoring"]  # the scorer reads the scenario's rubric data
    assert "simkit.transcript" in graph["simkit.engine"]  # a session records a transcript


def test_no_import_cycle_between_parts() -> None:
    cycle = _cycle(_part_graph())
    assert cycle is None, " -> ".join(cycle)


def test_a_cycle_is_found() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
