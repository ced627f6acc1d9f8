"""The public surface of simkit.scoring is exactly what __all__ says."""

from __future__ import annotations

import simkit.scoring as scoring


def test_public_names():
    assert sorted(scoring.__all__) == sorted([
        "DIMENSIONS", "Dimension", "Evidence", "FORMAT_VERSION", "Finding", "Improvement", "Integrity", "Rubric",
        "Scorecard", "Verdict", "check_scoring", "score",
    ])
    for name in scoring.__all__:
        assert hasattr(scoring, name)


def test_every_message_has_both_languages():
    from simkit import i18n

    assert all(set(v) == {"zh", "en"} and all(v.values()) for v in i18n.MESSAGES.values())
