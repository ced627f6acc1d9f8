"""Reports name needs, objections and the goal by their display names, never by their ids, in zh and en."""

from __future__ import annotations

import re

import pytest

from simkit.content import default_library
from simkit.scoring import score
from simkit.scoring.render import to_html, to_json, to_text
from tests.references import play_reference, reference_file

LIBRARY = default_library()


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY.references))
def test_every_need_objection_and_goal_has_a_display_name(scenario_id):
    scenario = LIBRARY.scenario(scenario_id)
    persona = LIBRARY.persona(scenario.persona_id)
    for item in (*persona.needs, *persona.objections, scenario.goal):
        assert item.name is not None and all(item.name[lang].strip() for lang in ("zh", "en")), item


@pytest.mark.parametrize("scenario_id", sorted(LIBRARY.references))
@pytest.mark.parametrize("level", ["strong", "average"])
def test_reports_show_names_not_ids(scenario_id, level):
    scenario = LIBRARY.scenario(scenario_id)
    persona = LIBRARY.persona(scenario.persona_id)
    ids = [n.id for n in persona.needs] + [o.id for o in persona.objections]
    card = score(play_reference(reference_file(scenario_id), level, "zh"))
    for lang in ("zh", "en"):
        data = to_json(card, lang)
        words = [data["outcome"]["text"], *(ev["text"] for d in data["dimensions"] for ev in d["evidence"]),
                 *(item["advice"] for item in data["feedback"])]
        reports = "\n".join([*words, to_text(card, lang), re.sub(r"<[^>]+>", " ", to_html(card, lang))])
        shown = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", reports)]
        assert shown == [], shown
        named = [n.display_name[lang] for n in persona.needs if n.display_name[lang] in reports]
        assert named, lang
    if card.outcome["status"] == "success":
        assert scenario.goal.display_name["en"] in to_json(card, "en")["outcome"]["text"]
        assert scenario.goal.display_name["zh"] in to_json(card, "zh")["outcome"]["text"]
