"""The version of the engine's behaviour, recorded in transcripts.

``engine-r<RULES_VERSION>-<hash of the rulebook>``: the rulebook
(:mod:`simkit.engine.rulebook`, every effect and table the director uses) is hashed as data, so
changing a number is a new version on its own, while a comment or a refactor is not. Changing
the logic of the director, the actor or the session (what a rule does, how a line is chosen)
needs ``RULES_VERSION`` bumped by hand; tests/test_versions.py checks a fingerprint of the
golden conversations and reference scripts against it, so a forgotten bump fails the suite.

A transcript recorded under another engine version is information for the grader
(:mod:`simkit.scoring.integrity`), never an excuse for customer lines that differ.
"""

from __future__ import annotations

from typing import Any

from simkit._versions import digest
from simkit.engine import rulebook

#: Bump by hand when the logic of the director, actor or session changes behaviour
#: (7: needs and answers follow the topics the question asks, simkit.engine.asked; 10: a close
#: before the customer is ready says why, and a bare 多 / 少 before an amount gives its direction;
#: 11: the session reads each line with its Context, and the analyzer, not the director, takes a
#: recall as a probe).
RULES_VERSION = 11


def engine_version(table: dict[str, Any], rules_version: int = RULES_VERSION) -> str:
    """The engine version for a rulebook ``table`` (see :func:`simkit.engine.rulebook.table`)."""
    return f"engine-r{rules_version}-{digest(table)}"


#: The current engine's version.
ENGINE_VERSION: str = engine_version(rulebook.table())
