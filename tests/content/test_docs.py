"""The generated docs are current: the trust arithmetic from the rulebook, the catalogue from the
scenarios (``python scripts/gen_docs.py`` rewrites them)."""

from __future__ import annotations

import subprocess
import sys

from simkit.content import default_library
from simkit.content.catalog import catalog_table
from simkit.docgen import AUTHORING, CATALOG, MOVES, effect_constants, trust_rows, update_docs
from simkit.engine import rulebook


def test_generated_docs_are_current():
    assert update_docs(check=True) == [], "run: python scripts/gen_docs.py"


def test_every_effect_of_the_rulebook_has_a_row():
    in_table = {name for _, *names in MOVES for name in names if name}
    assert effect_constants() - in_table == set(), "add a row to simkit/docgen.py MOVES"
    assert in_table <= set(rulebook.table())


def test_the_table_shows_the_rulebook_numbers():
    rows = {row[0]: row for row in trust_rows()}
    greeting = rows[f"a greeting in the first {rulebook.GREETING_LATEST_TURN} turns"]
    assert greeting[1] == f"+{rulebook.GREETING_TRUST}"
    pressure = rows["pressure, false urgency or a promise nobody can keep"]
    assert (pressure[1], pressure[3]) == (f"{rulebook.PRESSURE_TRUST:+d}", f"{rulebook.PRESSURE_PATIENCE:+d}")
    text = AUTHORING.read_text(encoding="utf-8")
    assert f"| {greeting[0]} | {greeting[1]} |" in text


def test_catalog_command_prints_the_library_table():
    for lang in ("en", "zh"):
        run = subprocess.run([sys.executable, "-m", "simkit", "catalog", "--lang", lang], capture_output=True,
                             text=True, encoding="utf-8")
        assert (run.returncode, run.stdout) == (0, catalog_table(default_library(), lang))
    catalog = CATALOG.read_text(encoding="utf-8")
    for scenario in default_library().scenarios.values():
        assert f"| `{scenario.id}` | {scenario.title['en']} |" in catalog
        assert f"| `{scenario.id}` | {scenario.title['zh']} |" in catalog


def test_the_worked_play_through_is_what_simkit_play_explain_prints():
    """docs/authoring.md's play-through: its trainee lines (``> ``) played again through
    ``simkit play --explain`` print every other line of the block (the transcript path aside)."""
    import io
    import re

    from simkit.commands.play import play_conversation
    from simkit.engine.session import Session

    text = AUTHORING.read_text(encoding="utf-8")
    block = re.search(r"<!-- play-through: (\S+) (\S+) seed (\d+) -->\n```\n(.*?)```", text, re.S)
    assert block, "the play-through block is missing from docs/authoring.md"
    scenario, lang, seed, body = block.group(1), block.group(2), int(block.group(3)), block.group(4)
    shown = body.splitlines()[1:]  # after the command line
    trainee = [line[2:] for line in shown if line.startswith("> ")]
    session = Session(scenario, seed=seed, lang=lang)
    out = io.StringIO()
    play_conversation(session, io.StringIO("\n".join(trainee) + "\n"), out, interactive=False, explain=True)
    printed = out.getvalue().splitlines() + [session.outcome.describe(lang)]
    expected = [line for line in shown if not line.startswith(("> ", "transcript: "))]
    assert printed == expected
