"""Certification runs: grade a cohort's exam with nbgrader and simkit, fairly, and issue certificates.

See :func:`simkit.certify.run.certify` (the ``simkit certify`` command) and docs/run-layout.md for
the output folder.
"""

from __future__ import annotations

# Nothing is re-exported: the submodules import nbgrader and the engine, and ``import
# simkit.certify`` must stay cheap for the CLI (``from simkit.certify.run import certify``).
__all__: list[str] = []
