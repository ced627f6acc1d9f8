"""Course support: worked dialogues shown in notebooks, and the builder of the module notebooks.

:func:`worked_dialogue` plays a consultant's lines through a real :class:`~simkit.Session`, scores the
conversation and checks that it ends the way the notebook's text says, so the text and the engine
cannot drift apart. :mod:`simkit.course.build` writes each module's zh and en nbgrader source
notebooks from one ``module.yaml``.
"""

from __future__ import annotations

from simkit.course.dialogue import WorkedDialogue, worked_dialogue
from simkit.course.reading import Reading, reading

__all__ = ["Reading", "WorkedDialogue", "reading", "worked_dialogue"]
