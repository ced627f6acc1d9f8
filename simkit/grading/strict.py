"""Answers of exactly the expected built-in type, compared without trusting the answer's methods.

The checks look at ``type(value)`` (never ``isinstance``), so a subclass cannot smuggle in its own
``__eq__``, ``__contains__`` or ``__str__``; comparisons then run on plain built-in values.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any


class AnswerError(AssertionError):
    """An answer that does not pass; the message says why in English and Chinese."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(f"{en} / {zh}")


def _kind(value: object) -> str:
    return type(value).__name__


def exact_text(value: object, what: str) -> str:
    """``value`` itself when it is a non-empty ``str`` (not a subclass) after stripping."""
    if type(value) is not str:
        raise AnswerError(f"{what}: expected text (str), got {_kind(value)}",
                          f"{what}：应为文字（str），实际是 {_kind(value)}")
    if not value.strip():
        raise AnswerError(f"{what}: the answer is empty", f"{what}：答案是空的")
    return value


def exact_texts(value: object, what: str, *, count: int | None = None) -> list[str]:
    """A plain ``list`` or ``tuple`` of texts (each checked by :func:`exact_text`), all different."""
    if type(value) not in (list, tuple):
        raise AnswerError(f"{what}: expected a list of texts, got {_kind(value)}",
                          f"{what}：应为一组文字（list），实际是 {_kind(value)}")
    items = list(value)
    if count is not None and len(items) != count:
        raise AnswerError(f"{what}: expected {count} lines, got {len(items)}",
                          f"{what}：应写 {count} 句，实际 {len(items)} 句")
    texts = [exact_text(item, f"{what}[{i}]") for i, item in enumerate(items)]
    normalised = [" ".join(t.split()).casefold() for t in texts]
    if len(set(normalised)) != len(normalised):
        raise AnswerError(f"{what}: two lines are the same", f"{what}：有两句是一样的")
    return texts


def exact_int(value: object, what: str) -> int:
    """``value`` when it is an ``int`` (not ``bool``, not a subclass)."""
    if type(value) is not int:
        raise AnswerError(f"{what}: expected a whole number (int), got {_kind(value)}",
                          f"{what}：应为整数（int），实际是 {_kind(value)}")
    return value


def exact_number(value: object, what: str) -> float:
    """``value`` as a float when it is a finite ``int`` or ``float`` (no subclass, no ``bool``)."""
    if type(value) not in (int, float) or not math.isfinite(value):
        raise AnswerError(f"{what}: expected a number, got {_kind(value)}",
                          f"{what}：应为数字，实际是 {_kind(value)}")
    return float(value)


def exact_date(value: object, what: str) -> _dt.date:
    """``value`` when it is a ``datetime.date`` (a ``datetime`` is refused: the time would be noise)."""
    if type(value) is not _dt.date:
        raise AnswerError(f"{what}: expected a date (datetime.date), got {_kind(value)}",
                          f"{what}：应为日期（datetime.date），实际是 {_kind(value)}")
    return value


def exact_dates(value: object, what: str) -> list[_dt.date]:
    """A plain ``list`` or ``tuple`` of dates (each checked by :func:`exact_date`)."""
    if type(value) not in (list, tuple):
        raise AnswerError(f"{what}: expected a list of dates, got {_kind(value)}",
                          f"{what}：应为一组日期（list），实际是 {_kind(value)}")
    return [exact_date(item, f"{what}[{i}]") for i, item in enumerate(value)]


def _plain(value: Any, what: str) -> Any:
    """A copy of ``value`` built only from exact built-in types, refusing anything else."""
    kind = type(value)
    if kind in (str, int, float, bool, type(None), _dt.date):
        return value
    if kind in (list, tuple):
        return [_plain(item, f"{what}[{i}]") for i, item in enumerate(value)]
    if kind is dict:
        return {_plain(k, f"{what} key"): _plain(v, f"{what}[{k!r}]") for k, v in value.items()}
    raise AnswerError(f"{what}: {kind.__name__} is not a plain value (text, number, date, list or dict)",
                      f"{what}：{kind.__name__} 不是普通的值（文字、数字、日期、列表或字典）")


def same_answer(value: object, expected: object, what: str) -> None:
    """Raise unless ``value`` equals ``expected``, comparing plain copies (the expected value on the left).

    Lists and tuples compare alike; dicts by their keys and values.
    """
    answer = _plain(value, what)
    if _plain(expected, "expected") != answer:
        raise AnswerError(f"{what}: not the right answer yet", f"{what}：答案还不对")
