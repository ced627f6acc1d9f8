"""The format version of persona and scenario files, and the steps that bring old files up to date.

A file says which layout it follows with a top-level ``format_version``; a file without one is
format 1 (every file written before the key existed). :data:`MIGRATIONS` lists, for each version,
what changed on the way to the next one, as small edits on the parsed data. The loader applies
them in memory (so an old file still loads, with the same content hash as its migrated copy);
``simkit migrate`` applies the same edits to the text (:mod:`simkit.content.migrate`), keeping
comments and layout, and says what it changed.

Example:
    >>> data = {"kind": "persona", "traits": {"patience": 5, "trust": 30, "price_sensitivity": 0.6}}
    >>> [str(change) for change in upgrade(data)]
    ['traits.price_sensitivity: removed (nothing read it; the customer reacts to a discount by the rules of the objection it meets)']
    >>> data
    {'kind': 'persona', 'traits': {'patience': 5, 'trust': 30}, 'format_version': 2}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from simkit.content.problems import YamlPath, format_path

#: The key that holds a file's format version.
KEY = "format_version"
#: The format this simkit writes and reads natively.
FORMAT_VERSION = 2


@dataclass(frozen=True)
class Change:
    """One edit a migration makes: remove ``path`` (``value`` is None) or set it to ``value``."""

    path: YamlPath
    why: str
    value: Any = None
    remove: bool = False

    def __str__(self) -> str:
        action = "removed" if self.remove else f"set to {self.value!r}"
        return f"{format_path(self.path)}: {action} ({self.why})"


@dataclass(frozen=True)
class Migration:
    """What changed from format ``source`` to ``source + 1``, for one kind of file.

    ``changes(data)`` returns the edits that apply to this file's data (those whose path exists).
    """

    source: int
    kind: str
    changes: Callable[[dict[str, Any]], list[Change]]


def _drop_price_sensitivity(data: dict[str, Any]) -> list[Change]:
    traits = data.get("traits")
    if isinstance(traits, dict) and "price_sensitivity" in traits:
        why = "nothing read it; the customer reacts to a discount by the rules of the objection it meets"
        return [Change(("traits", "price_sensitivity"), why, remove=True)]
    return []


#: Every migration, oldest first.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "persona", _drop_price_sensitivity),
)


def version_of(data: dict[str, Any]) -> int | None:
    """The file's format version (1 when absent), or None when the key holds no whole number."""
    value = data.get(KEY, 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def pending(data: dict[str, Any]) -> list[Change]:
    """The edits that bring ``data`` to :data:`FORMAT_VERSION`, without applying them.

    The version key is set last when anything is out of date; a file already current, newer,
    or with an unreadable version gets none.
    """
    version = version_of(data)
    if version is None or version >= FORMAT_VERSION:
        return []
    changes: list[Change] = []
    for migration in MIGRATIONS:
        if migration.source >= version and migration.kind == data.get("kind"):
            changes.extend(migration.changes(data))
    return [*changes, Change((KEY,), f"format {version} -> {FORMAT_VERSION}", value=FORMAT_VERSION)]


def apply(data: dict[str, Any], changes: list[Change]) -> None:
    """Apply ``changes`` to ``data`` in place."""
    for change in changes:
        *parents, last = change.path
        target = data
        for part in parents:
            target = target[part]
        if change.remove:
            del target[last]
        else:
            target[last] = change.value


def upgrade(data: dict[str, Any]) -> list[Change]:
    """Bring ``data`` to the current format in place; return the content edits made (not the version key)."""
    changes = pending(data)
    apply(data, changes)
    return [change for change in changes if change.path != (KEY,)]
