"""The schema of a scenario's optional ``scoring:`` mapping: the plug-in point for the rubric.

:data:`SCORING` is the declaration :mod:`simkit.content.schema` uses for ``scoring:``. It is a
:class:`~simkit.content.schema_types.Hooked` type: validation is delegated to
:func:`simkit.scoring.rubric.check_scoring` (imported lazily, so content loading never depends
on the scoring package being importable), and its problems are reported with file, line and
column like every other. To describe the rubric for editors, fill in :data:`SCORING_JSON`
(or replace :data:`SCORING` with a :class:`~simkit.content.schema_types.Record`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from simkit.content.schema_types import Hooked

def _scoring_json() -> dict[str, Any]:
    """The rubric's own JSON Schema (:func:`simkit.scoring.rubric.json_schema`), or any mapping."""
    try:
        from simkit.scoring.rubric import json_schema
    except ModuleNotFoundError as exc:  # pragma: no cover - no scoring package: accept any mapping
        if exc.name not in ("simkit.scoring", "simkit.scoring.rubric"):
            raise
        return {"type": "object", "description": "Rubric weights and pass rules; see simkit.scoring.rubric."}
    return json_schema()


#: JSON Schema of ``scoring:``: weights, threshold, required/forbidden/excellence behaviours, tiers
#: and limits, each with its default in the description.
SCORING_JSON: dict[str, Any] = _scoring_json()


def check_scoring(value: Any, root: dict[str, Any]) -> Iterable[tuple[str, str, str]]:
    """Problems of ``scoring:`` as ``(yaml path, message, code)``, from the rubric's own checker."""
    try:
        from simkit.scoring.rubric import check_scoring as rubric_check
    except ModuleNotFoundError as exc:  # pragma: no cover - no scoring package: accept any mapping
        if exc.name not in ("simkit.scoring", "simkit.scoring.rubric"):
            raise
        return []
    channel = root.get("channel") if isinstance(root.get("channel"), str) else None
    return rubric_check(value, channel=channel)


#: The declaration of ``scoring:`` used by the scenario schema.
SCORING = Hooked(validator=check_scoring, schema=SCORING_JSON)
