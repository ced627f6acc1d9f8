"""Cross-reference checks of references files (``kind: references``), run with the others.

See :mod:`simkit.content.checks`: each check takes the corpus of every parsed file and yields
problems; each docstring shows YAML that fails and YAML that passes.
"""

from __future__ import annotations

from collections.abc import Iterator

from simkit.content.checks import Corpus
from simkit.content.problems import value_at
from simkit.content.problems import Problem
from simkit.content.references import LEVELS
from simkit.errors import suggest
from simkit.labels import LANGS


def check_references(corpus: Corpus) -> Iterator[Problem]:
    """``unknown-scenario``: a references file names a scenario no file defines; ``duplicate-id``:
    two references files for one scenario and seed (a scenario with seeded variants may have one file
per seed it shows); ``invalid-value``: a script with a different number of
    delays than lines, or a score band whose ``min_total`` is above its ``max_total``.

    Fails::

        scenario: showroom-family-suv-v2          # only -v1 exists
        scripts: {strong: {en: {lines: [Hi., What brings you in?], delays: [20]}, ...}}
        expect: {strong: {passed: true, outcome: success, min_total: 90, max_total: 80}, ...}

    Passes::

        scenario: showroom-family-suv-v1
        scripts: {strong: {en: {lines: [Hi., What brings you in?], delays: [20, 30]}, ...}}
        expect: {strong: {passed: true, outcome: success, min_total: 80, max_total: 100}, ...}
    """
    first: dict[tuple[str, Any], str] = {}
    for document in corpus.of_kind("references"):
        scenario_id, seed = document.data.get("scenario"), document.data.get("seed", 0)
        if isinstance(scenario_id, str):
            if scenario_id not in corpus.by_id["scenario"]:
                hint = suggest(scenario_id, corpus.by_id["scenario"])
                yield document.doc.problem(("scenario",), "unknown-scenario", f"unknown scenario {scenario_id!r}{hint}")
            elif (scenario_id, seed) in first:
                message = (f"the scenario {scenario_id!r} already has its references for seed {seed} in "
                           f"{first[scenario_id, seed]}")
                yield document.doc.problem(("scenario",), "duplicate-id", message)
            else:
                first[scenario_id, seed] = document.doc.file
        for level in LEVELS:
            for lang in LANGS:
                script = value_at(document.data, "scripts", level, lang)
                lines, delays = value_at(script, "lines"), value_at(script, "delays")
                if isinstance(lines, list) and isinstance(delays, list) and len(lines) != len(delays):
                    message = f"{len(lines)} lines but {len(delays)} delays: give one delay per line"
                    yield document.doc.problem(("scripts", level, lang, "delays"), "invalid-value", message)
            low, high = value_at(document.data, "expect", level, "min_total"), value_at(document.data, "expect", level, "max_total")
            if isinstance(low, int) and isinstance(high, int) and high < low <= 100:  # out of range: said already
                message = f"the score band is empty: min_total {low} is above max_total {high}"
                yield document.doc.problem(("expect", level, "min_total"), "invalid-value", message)
