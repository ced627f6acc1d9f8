"""Tables in the docs that are generated, never typed twice: the trust arithmetic and the catalogue.

:func:`trust_rows` reads the effects from :mod:`simkit.engine.rulebook` by name, so the table in
``docs/authoring.md`` shows the numbers the director uses; :func:`update_docs` rewrites every
generated block (``python scripts/gen_docs.py``), and with ``check=True`` only says which files
are out of date (what the tests run).
"""

from __future__ import annotations

import re
from pathlib import Path

from simkit.engine import rulebook

ROOT = Path(__file__).resolve().parent.parent
AUTHORING = ROOT / "docs" / "authoring.md"
CATALOG = ROOT / "docs" / "catalog.md"

# (what the trainee does, the rulebook names of its trust, interest and patience effects).
MOVES: tuple[tuple[str, str | None, str | None, str | None], ...] = (
    ("a greeting in the first {GREETING_LATEST_TURN} turns", "GREETING_TRUST", None, None),
    ("empathy when no objection is open", "EMPATHY_TRUST", None, None),
    ("pressure, false urgency or a promise nobody can keep", "PRESSURE_TRUST", None, "PRESSURE_PATIENCE"),
    ("a discount before the value was shown", "PREMATURE_DISCOUNT_TRUST", None, "PREMATURE_DISCOUNT_PATIENCE"),
    ("a discount once the value was shown", None, "LATE_CONCESSION_INTEREST", None),
    ("leaving the customer's question unanswered", None, None, "IGNORED_ASK_PATIENCE"),
    ("a question that reveals a hidden need", "NEED_TRUST", "NEED_INTEREST", None),
    ("presenting what answers a need they told you", None, "PRESENT_INTEREST", None),
    ("recommending what answers a need they told you", None, "RECOMMEND_INTEREST", None),
    ("presenting (or offering proof unasked) before any need is known", None, None,
     "PITCH_BEFORE_NEEDS_PATIENCE"),
    ("objection step 1, acknowledge: empathy", "ACKNOWLEDGE_TRUST", None, None),
    ("objection step 2, probe: a probe or open question", "PROBE_TRUST", None, None),
    ("objection step 3, evidence that names one of `resolve.evidence`", "EVIDENCE_TRUST", "EVIDENCE_INTEREST", None),
    ("objection step 4, confirm: a confirm question", "CONFIRM_TRUST", None, None),
    ("evidence straight after the acknowledgement, the probe skipped (on top of step 3)", "SKIPPED_PROBE_TRUST",
     None, None),
    ("a close while a goal condition is missing or an objection open", "FAILED_CLOSE_TRUST", None,
     "FAILED_CLOSE_PATIENCE"),
    ("each closed question once {INTERROGATION_RUN} or more come in a row", None, None, "INTERROGATION_PATIENCE"),
    ("a filler, empty or off-topic line after the first in a row", None, None, "JUNK_PATIENCE"),
    ("a rude line (an insult, \"shut up\", 滚)", "RUDE_TRUST", None, "RUDE_PATIENCE"),
    ("personal data asked for without a reason", "PRIVACY_TRUST", None, "PRIVACY_PATIENCE"),
    ("an amount the customer can accept (within their `negotiation` limit)", None, "OFFER_INTEREST", None),
    ("a question that gets the second decision maker's concern told", "DM_TOLD_TRUST", None, None),
    ("phone: a line over {PHONE_LONG_LINE[zh]} characters (zh) or {PHONE_LONG_LINE[en]} words (en)", None, None,
     "LONG_LINE_PATIENCE"),
    ("online chat: a reply after {SLOW_FIRST_REPLY_SECONDS} s (the first) or {SLOW_REPLY_SECONDS} s, on trusted times",
     None, None, "SLOW_REPLY_PATIENCE"),
)
EFFECT_SUFFIXES = ("_TRUST", "_INTEREST", "_PATIENCE")


def trust_rows() -> list[tuple[str, str, str, str, str]]:
    """``(move, trust, interest, patience, constants)`` for each row of the table."""
    table = rulebook.table()
    rows = []
    for move, *names in MOVES:
        cells = [f"{table[name]:+d}" if name else "" for name in names]
        constants = ", ".join(f"`{name}`" for name in names if name)
        rows.append((move.format(**table), *cells, constants))
    return rows


def effect_constants() -> set[str]:
    """Every rulebook constant that is an effect on trust, interest or patience."""
    return {name for name in rulebook.table() if name.endswith(EFFECT_SUFFIXES)}


def trust_table() -> str:
    """The trust arithmetic as a Markdown table."""
    out = ["| the trainee's move | trust | interest | patience | rulebook constants |", "|---|---|---|---|---|"]
    out += ["| " + " | ".join(row) + " |" for row in trust_rows()]
    return "\n".join(out) + "\n"


STEP_WORDS = {
    "acknowledged": "1 acknowledge",
    "probed": "2 probe (the customer tells the real cause)",
    "evidence": "3 evidence: the line must also name one of the objection's `resolve.evidence` cues",
    "confirmed": "4 confirm (the objection is resolved)",
}


def steps_table() -> str:
    """Which techniques advance each objection step, from ``rulebook.STEP_TECHNIQUES``."""
    out = ["| step | techniques that advance it |", "|---|---|"]
    out += [f"| {STEP_WORDS[step]} | {', '.join(f'`{t}`' for t in techniques)} |"
            for step, techniques in rulebook.STEP_TECHNIQUES.items()]
    return "\n".join(out) + "\n"


def catalog_doc() -> str:
    """The whole of ``docs/catalog.md``."""
    from simkit.content import default_library
    from simkit.content.catalog import catalog_markdown

    library = default_library()
    return ("# Scenario catalogue\n\n"
            "<!-- Generated by `python scripts/gen_docs.py` from the scenario files; do not edit by hand. -->\n\n"
            "Every scenario by channel, business line, skill and difficulty (`simkit catalog [--lang zh]`).\n\n"
            f"{catalog_markdown(library, 'en')}\n## 场景目录\n\n按渠道、业务线、技能与难度列出全部场景"
            f"（`simkit catalog --lang zh`）。\n\n{catalog_markdown(library, 'zh')}")


def _replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- generated: {name} .*?-->\n)(.*?)(<!-- end: {name} -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"no generated block {name!r}")
    return pattern.sub(lambda m: m.group(1) + body + m.group(3), text, count=1)


def expected_docs() -> dict[Path, str]:
    """Every generated file's text as it should be."""
    authoring = _replace_block(AUTHORING.read_text(encoding="utf-8"), "trust-table", trust_table())
    authoring = _replace_block(authoring, "steps-table", steps_table())
    return {AUTHORING: authoring, CATALOG: catalog_doc()}


def update_docs(*, check: bool = False) -> list[Path]:
    """Rewrite the generated docs (or with ``check``, only list them) where they are out of date."""
    stale = []
    for path, text in expected_docs().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale
