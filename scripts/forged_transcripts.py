"""Issue 9's forged transcripts, scored: run on any version of simkit to see what it makes of them.

1. An honest slow run, recorded by a script (``Session.say(line, at=...)``), then edited so that
   every reply comes 10 s after the customer's line.
2. An honest strong run with a customer line edited and the recorded analyzer version forged.

Usage: ``python scripts/forged_transcripts.py`` (from the repository root). Prints one line per
transcript: total, tier, integrity status and the responsiveness points.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from simkit import Session  # noqa: E402
from simkit.scoring import score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def _scripted(scenario: str, seed: int, lines: list[str], delays: list[int], path: Path) -> None:
    session = Session(scenario, seed=seed, lang="en", clock=lambda: START.isoformat(), save_to=path)
    at = START
    for line, delay in zip(lines, delays):
        at += timedelta(seconds=delay)
        session.say(line, at=at.isoformat())


def _edit(path: Path, change) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    out = path.with_name("forged-" + path.name)
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def _report(name: str, path: Path) -> None:
    card = score(path)
    print(f"{name:<34} total {card.total:>3}  tier {card.tier:<12} integrity {card.integrity.status:<12} "
          f"responsiveness {card.dimension('responsiveness').points}")


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    online = yaml.safe_load((ROOT / "scenarios/scenarios/online-lead-lowest-price.references.yaml").read_text("utf-8"))
    lines = online["scripts"]["strong"]["en"]["lines"]
    slow = folder / "slow.json"
    _scripted(online["scenario"], online["seed"], lines, [400] + [200] * (len(lines) - 1), slow)

    def ten_seconds(data):
        for i, turn in enumerate(data["turns"], 1):
            turn["trainee_at"] = (START + timedelta(seconds=10 * i)).isoformat()

    _report("honest slow run", slow)
    _report("same, replies edited to 10 s", _edit(slow, ten_seconds))

    showroom = yaml.safe_load((ROOT / "scenarios/scenarios/showroom-family-suv.references.yaml").read_text("utf-8"))
    strong = folder / "strong.json"
    lines = showroom["scripts"]["strong"]["en"]["lines"]
    _scripted(showroom["scenario"], showroom["seed"], lines, [20] * len(lines), strong)

    def line_and_version(data):
        data["turns"][2]["customer"] = "I'll take three, cash, today."
        data["analyzer"] = "nlu-000000000000"

    _report("honest strong run", strong)
    _report("line edited, analyzer forged", _edit(strong, line_and_version))


if __name__ == "__main__":
    main()
