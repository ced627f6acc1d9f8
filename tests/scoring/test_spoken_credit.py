"""Spoken = credited: in every scenario's reference conversations, each need found, each cause
probed and each objection settled is in the customer's words of that turn, in zh and en."""

from __future__ import annotations

import random

import pytest

from simkit.content import default_library
from simkit.content.variants import apply, draw
from simkit.engine.actor import Actor
from tests.references import LEVELS, load, play_reference, reference_files

# Beat rule -> where the words it credits are (None: a need, found by its id).
CREDITED = {"need-revealed": None, "objection-probed": "cause", "objection-confirmed": "resolved"}


def _cases():
    for path in reference_files():
        for lang in ("zh", "en"):
            for level in LEVELS:
                yield pytest.param(path, lang, level, id=f"{path.stem}:{lang}:{level}")


@pytest.mark.parametrize(("path", "lang", "level"), list(_cases()))
def test_every_credit_is_in_the_customers_words(path, lang, level):
    library = default_library()
    data = load(path)
    scenario = library.scenario(data["scenario"])
    # the variant the references' seed draws (its facts are in the customer's words)
    variant = draw(scenario, seed=data.get("seed", 0))
    scenario, persona = apply(scenario, library.persona(scenario.persona_id), variant)
    actor = Actor(scenario, persona, lang, random.Random(0))
    transcript = play_reference(path, level, lang)
    credited = 0
    for turn in transcript.turns:
        for beat in turn.beats:
            if beat["rule"] not in CREDITED:
                continue
            params = beat["params"]
            step = CREDITED[beat["rule"]]
            ref = ("need", params["need"]) if step is None else ("objection", params["objection"], step)
            words = {actor.fill(v) for v in actor._variants(ref)[lang]}
            assert any(w in turn.customer for w in words), f"turn {turn.n}: {ref} credited, not said: {turn.customer!r}"
            credited += 1
    if level == "strong":
        assert credited, "a strong reference finds needs"
