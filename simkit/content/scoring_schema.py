"""The schema of a scenario's optional ``scoring:`` mapping: the plug-in point for the rubric.

:data:`SCORING` is the declaration :mod:`simkit.content.schema` uses for ``scoring:``. It is a
:class:`~simkit.content.schema_types.Hooked` type: validation is delegated to
:func:`simkit.scoring.rubric.check_scoring`, and its problems are reported with file, line and
column like every other; :func:`scoring_json` gives the rubric's JSON Schema for editors. The
imports sit inside the functions because importing :mod:`simkit.scoring` loads the engine,
which loads this package, and because only validation and ``simkit schema`` need them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from simkit.content.schema_types import Hooked


def scoring_json() -> dict[str, Any]:
    """The rubric's own JSON Schema (:func:`simkit.scoring.rubric.json_schema`)."""
    from simkit.scoring.rubric import json_schema

    return json_schema()


def check_scoring(value: Any, root: dict[str, Any]) -> Iterable[tuple[str, str, str]]:
    """Problems of ``scoring:`` as ``(yaml path, message, code)``, from the rubric's own checker."""
    from simkit.scoring.rubric import validate_section

    return validate_section(value, root)


#: The declaration of ``scoring:`` used by the scenario schema.
SCORING = Hooked(validator=check_scoring, schema=scoring_json)
