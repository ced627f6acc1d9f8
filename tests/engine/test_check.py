"""Every scenario in the library passes the determinism check in both languages."""

from __future__ import annotations

import pytest

from simkit.content import default_library
from simkit.engine.check import check_determinism


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scenario_id", sorted(default_library().scenarios))
def test_scenario_is_deterministic(scenario_id, lang):
    for seed in (0, 1, 99):
        check_determinism(scenario_id, lang=lang, seed=seed)
