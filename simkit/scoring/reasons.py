"""The registry of reason codes: every reason a scorecard gives, with its zh and en text.

A scorecard explains itself with stable codes, never with sentences: a grader compares codes,
a report renders them. Each family of codes lives under one prefix of the
:mod:`simkit.i18n` catalogue, which holds the zh and en text; a code is registered exactly when
its text is there.

======================  ===========================  ==================================
family                  where the scorecard has it   text
======================  ===========================  ==================================
``evidence``            ``Evidence.reason``          ``score.reason.<code>``
``failure``             ``Verdict.failures``         ``failure.<code>`` (``code`` or
                                                     ``code:<behaviour or act>``)
``integrity``           ``Integrity.status``         ``integrity.<code>``
``finding``             ``IntegrityFinding.code``    ``integrity.finding.<code>``
``feedback``            ``Improvement.code``         ``feedback.<code>``
======================  ===========================  ==================================

Codes are written out literally in the scoring code (never built from pieces), so
``tests/scoring/test_reasons.py`` can check both ways: every code the scoring code uses has
zh and en text, and every registered code is used. A new integrity status (decided in
:mod:`simkit.scoring.integrity`) needs only its ``integrity.<status>`` text in the catalogue.

Example:
    >>> "need-found" in codes("evidence")
    True
    >>> text("failure", "tampered", "en")
    'the transcript was tampered with'
"""

from __future__ import annotations

from typing import Any

from simkit import i18n

#: Family -> the catalogue prefix of its texts.
FAMILIES: dict[str, str] = {
    "evidence": "score.reason.",
    "failure": "failure.",
    "integrity": "integrity.",
    "finding": "integrity.finding.",
    "feedback": "feedback.",
}


def codes(family: str) -> tuple[str, ...]:
    """Every registered code of ``family``, in catalogue order.

    A code is the rest of a key after the family's prefix, with no further dot: the integrity
    family's ``integrity.finding.*`` keys belong to the ``finding`` family.
    """
    prefix = FAMILIES[family]
    return tuple(key[len(prefix):] for key in i18n.MESSAGES
                 if key.startswith(prefix) and "." not in key[len(prefix):])


def key(family: str, code: str) -> str:
    """The catalogue key of ``code`` (``"score.reason.need-found"``)."""
    return FAMILIES[family] + code


def text(family: str, code: str, lang: str, **values: Any) -> str:
    """The text of ``code`` in ``lang`` with ``values`` filled in, as :func:`simkit.i18n.text`."""
    return i18n.text(key(family, code), lang, **values)
