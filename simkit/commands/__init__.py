"""The ``simkit`` subcommands, one module each (``play``, ``content``); see :mod:`simkit.cli`."""

from __future__ import annotations

__all__: list[str] = []
