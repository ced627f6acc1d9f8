"""Certification runs: grade a cohort's exam with nbgrader and simkit, fairly, and issue certificates.

See :func:`simkit.certify.run.certify` (the ``simkit certify`` command) and docs/run-layout.md for
the output folder.
"""

from __future__ import annotations
