"""Strict answer checks for the course's autograded exercises.

Hidden nbgrader tests call these so that each test cell stays one or two lines and cannot be fooled
by what a trainee's cell returns: answers must have exactly the expected built-in type (no ``str``
subclass, no object with a forged ``__eq__`` or ``__contains__``), skills are checked by reading the
line with :mod:`simkit.understand` rather than by string matching, and conversations count only as
the replay of their trainee lines under the current rules.

Every failed check raises :class:`AnswerError` (an ``AssertionError``, so nbgrader scores the cell 0)
with a message in English and Chinese.

Example:
    >>> from simkit.grading import exact_text
    >>> exact_text("您好", "greeting")
    '您好'
"""

from __future__ import annotations

from simkit._lazy import lazy_names as _lazy_names

# Imported on first use: a notebook's test cell that needs only ``strict`` must not load the
# understanding model (``skills``) or the engine and scorer (``transcripts``).
__getattr__, __dir__ = _lazy_names(__name__, {
    "simkit.grading.skills": ["carries", "good_rewrite", "questions_of"],
    "simkit.grading.strict": ["AnswerError", "exact_date", "exact_dates", "exact_int", "exact_number", "exact_text",
                              "exact_texts", "same_answer"],
    "simkit.grading.transcripts": ["best_scorecard", "goal_scorecard", "needs_found", "needs_scorecard",
                                   "passing_scorecard"],
})

__all__ = [
    "AnswerError",
    "best_scorecard",
    "carries",
    "exact_date",
    "exact_dates",
    "exact_int",
    "exact_number",
    "exact_text",
    "exact_texts",
    "goal_scorecard",
    "good_rewrite",
    "needs_found",
    "needs_scorecard",
    "passing_scorecard",
    "questions_of",
    "same_answer",
]
