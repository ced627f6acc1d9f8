"""A line clicked from the offered choices is judged by the time to choose, not as typing."""

from __future__ import annotations

import json

from simkit.scoring import score
from simkit.transcript import Transcript
from simkit.ui.model import PracticeModel

ONLINE = "online-lead-lowest-price-v1"


def _too_fast(card) -> list:
    return [f for f in card.integrity.findings if f.code == "typing-too-fast"]


def test_a_quick_click_on_an_offered_line_is_not_typing_too_fast(tmp_path):
    chosen = PracticeModel(ONLINE, lang="en", mode="choice", seed=3, folder=tmp_path / "c")
    strong = next(i for i, c in enumerate(chosen.choices) if c.kind == "strong")
    line = chosen.choices[strong].text
    assert chosen.choose(strong)  # at once: far faster than anyone types the line
    typed = PracticeModel(ONLINE, lang="en", mode="free", seed=3, folder=tmp_path / "t")
    assert typed.send(line)
    saved = json.loads(chosen.path.read_text(encoding="utf-8"))
    assert saved["turns"][0]["chosen"] is True and saved["times"] == "live"
    assert "chosen" not in json.loads(typed.path.read_text(encoding="utf-8"))["turns"][0]
    assert Transcript.load(chosen.path).turns[0].chosen
    typed_card, chosen_card = score(typed.path), score(chosen.path)
    assert _too_fast(typed_card) and not _too_fast(chosen_card)
    responsiveness = {c: next(d for d in card.dimensions if d.name == "responsiveness")
                      for c, card in (("typed", typed_card), ("chosen", chosen_card))}
    assert responsiveness["chosen"].points > responsiveness["typed"].points
