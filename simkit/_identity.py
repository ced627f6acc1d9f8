"""Values derived from content objects, remembered per object.

A cohort's transcripts share one library, so what the engine and the scorer derive from a
scenario or a persona (its rubric, its filled-in lines) is worth working out once. Content
objects are frozen dataclasses holding dicts, so they cannot be dict keys: they are remembered
by identity, and each entry keeps its objects, so an id reused after they are gone cannot match.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class ByIdentity(Generic[V]):
    """A small cache of values keyed by the identity of some objects (plus a hashable extra).

    Args:
        maxsize: entries kept; when full it starts over (many libraries loaded in one process).

    Example:
        >>> rubrics = ByIdentity()
        >>> scenario = {"id": "s"}
        >>> rubrics.get((scenario,), None, lambda: len(scenario)), rubrics.get((scenario,), None, lambda: 99)
        (1, 1)
    """

    def __init__(self, maxsize: int = 64) -> None:
        self.maxsize = maxsize
        self._items: dict[tuple[Hashable, ...], tuple[tuple[object, ...], V]] = {}

    def get(self, owners: tuple[object, ...], extra: Hashable, make: Callable[[], V]) -> V:
        """The value for ``owners`` and ``extra``, made by ``make()`` the first time."""
        key = (*map(id, owners), extra)
        hit = self._items.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], owners)):
            return hit[1]
        value = make()
        if len(self._items) >= self.maxsize:
            self._items.clear()
        self._items[key] = (owners, value)
        return value
