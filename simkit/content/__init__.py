"""Persona, scenario and references files: loading, validation with file:line:column problems, the
library and format migrations (the scenarios' self-check is :mod:`simkit.selfcheck`).

Example:
    >>> from simkit.content import default_library, validate_paths
    >>> default_library().scenario("showroom-family-suv-v1").persona_id
    'zhou-jian'
    >>> validate_paths(["scenarios"])  # every problem, sorted; [] when clean
    []
"""

from __future__ import annotations

from simkit.content.formats import FORMAT_VERSION
from simkit.content.library import (
    Library,
    check_paths,
    default_library,
    default_scenarios_path,
    find_content_files,
    load_library,
    validate_paths,
)
from simkit.content.migrate import migrate_files
from simkit.content.model import Ask, Goal, Need, Objection, Persona, Scenario, Traits
from simkit.content.problems import CODES, Problem
from simkit.content.references import References
from simkit.content.schema import json_schema

__all__ = [
    "CODES",
    "FORMAT_VERSION",
    "Ask",
    "Goal",
    "Library",
    "Need",
    "Objection",
    "Persona",
    "Problem",
    "References",
    "Scenario",
    "Traits",
    "check_paths",
    "default_library",
    "default_scenarios_path",
    "find_content_files",
    "json_schema",
    "load_library",
    "migrate_files",
    "validate_paths",
]
