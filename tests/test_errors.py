"""Errors stay in the SimkitError tree, specific and with their "did you mean" suggestions."""

from __future__ import annotations

import inspect
import json
import re

import pytest

import simkit.errors
from simkit import SimkitError, UnknownIdError, default_library
from simkit.content import json_schema
from simkit.scoring import score
from tests.references import reference_file, play_reference

SHOWROOM = "showroom-family-suv-v1"
SCRIPT = reference_file(SHOWROOM)


def test_score_keeps_the_unknown_id_error_and_names_the_file(tmp_path):
    path = tmp_path / "t.json"
    play_reference(SCRIPT, "strong", "en", save_to=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario"]["id"] = "showroom-family-suv-v9"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UnknownIdError) as caught:
        score(path)
    error = caught.value
    assert (error.kind, error.given, error.path) == ("scenario", "showroom-family-suv-v9", str(path))
    assert error.suggestions == [SHOWROOM]
    assert str(error) == f"{path}: unknown scenario 'showroom-family-suv-v9'; did you mean '{SHOWROOM}'?"


def test_at_keeps_the_suggestions_and_leaves_the_original_alone():
    error = UnknownIdError("scenario", "showroom-v1", [SHOWROOM, "other"])
    located = error.at("cohort/a.json")
    assert located.suggestions == error.suggestions == [SHOWROOM]
    assert str(located) == f"cohort/a.json: {error}"
    assert error.path is None and located.path == "cohort/a.json"


@pytest.mark.parametrize(
    ("lookup", "kind", "suggestion"),
    [
        (lambda p, s: p.need("budget-cpa"), "need of persona 'zhou-jian'", "budget-cap"),
        (lambda p, s: p.objection("price-gaps"), "objection of persona 'zhou-jian'", "price-gap"),
        (lambda p, s: s.ask("budgte"), "question of scenario 'showroom-family-suv-v1'", None),
    ],
)
def test_content_lookups_raise_unknown_id_not_stop_iteration(lookup, kind, suggestion):
    library = default_library()
    scenario = library.scenario(SHOWROOM)
    persona = library.persona(scenario.persona_id)
    with pytest.raises(UnknownIdError) as caught:
        lookup(persona, scenario)
    assert caught.value.kind == kind
    if suggestion:
        assert caught.value.suggestions == [suggestion]


def test_scorecard_dimension_and_schema_kind_lookups():
    card = score(play_reference(SCRIPT, "strong", "en"))
    with pytest.raises(UnknownIdError, match="unknown dimension 'need'; did you mean 'needs'"):
        card.dimension("need")
    with pytest.raises(KeyError):  # still a KeyError, as before
        card.dimension("need")
    with pytest.raises(UnknownIdError, match="did you mean 'persona'"):
        json_schema("persone")


def test_the_docstring_tree_names_every_error_class():
    classes = {name for name, value in vars(simkit.errors).items()
               if inspect.isclass(value) and issubclass(value, SimkitError)}
    drawn = set(re.findall(r"^[│ ]*(?:[├└]── )?([A-Z]\w+Error)\b", simkit.errors.__doc__, re.M))
    assert classes == drawn
    for name in classes:
        assert name in simkit.__all__, f"{name} is not exported from simkit"
