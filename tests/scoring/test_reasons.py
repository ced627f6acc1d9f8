"""The registry of reason codes is complete both ways: every code the scoring code gives has zh
and en text, and every registered code is given somewhere.

The scoring code is read as Python (``ast``), so a code in a comment or docstring does not
count; codes are written out literally, which a test here also enforces. What a variable
carries at run time is checked by scoring every reference transcript.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from simkit import i18n
from simkit.labels import LANGS
from simkit.scoring import reasons, score
from simkit.scoring.dimensions import compliance
from tests.references import LEVELS, load, play_reference, reference_files

SCORING = Path(reasons.__file__).parent
REASON_KEYWORDS = ("reason", "clean_reason", "rest_reason")


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _sources() -> list[Path]:
    return [p for p in sorted(SCORING.rglob("*.py")) if p.name != "reasons.py"]


def _strings(node: ast.AST) -> set[str]:
    """String constants in ``node``, without docstrings (plain expression statements)."""
    docstrings = {id(n.value) for n in ast.walk(node) if isinstance(n, ast.Expr)}
    return {n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings}


def _all_strings() -> set[str]:
    return set().union(*(_strings(_tree(p)) for p in _sources()))


def _reason_arguments() -> list[tuple[str, ast.AST]]:
    """Every value given to a ``reason=`` style argument, and every default of such a parameter."""
    found = []
    for path in _sources():
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.keyword) and node.arg in REASON_KEYWORDS:
                found.append((f"{path.name}:{node.value.lineno}", node.value))
            elif isinstance(node, ast.arguments):
                named = node.kwonlyargs
                for arg, default in zip(named, node.kw_defaults):
                    if arg.arg in REASON_KEYWORDS and default is not None:
                        found.append((f"{path.name}:{default.lineno}", default))
    return found


def test_every_registered_code_has_both_languages():
    for family in reasons.FAMILIES:
        assert reasons.codes(family), family
        for code in reasons.codes(family):
            message = i18n.MESSAGES[reasons.key(family, code)]
            assert set(message) == set(LANGS) and all(message[lang].strip() for lang in LANGS), (family, code)


def test_reason_arguments_are_written_out():
    """A code built from pieces (an f-string, ``+``) could not be checked against the registry."""
    arguments = _reason_arguments()
    assert len(arguments) > 30
    for where, value in arguments:
        assert not any(isinstance(n, (ast.JoinedStr, ast.BinOp, ast.Call)) for n in ast.walk(value)), where


def test_every_evidence_code_given_is_registered():
    registered = set(reasons.codes("evidence"))
    for where, value in _reason_arguments():
        for code in _strings(value):
            assert code in registered, f"{where}: {code!r} has no score.reason.{code} text"
    assert set(compliance.REASONS.values()) <= registered


def test_every_registered_code_is_given_somewhere():
    written = _all_strings()
    for family in ("evidence", "feedback"):
        unused = set(reasons.codes(family)) - written
        assert not unused, f"registered {family} codes the scoring code never gives: {sorted(unused)}"


def test_failure_codes_match_the_verdict():
    verdict = _tree(SCORING / "verdict.py")
    given = {s for s in _strings(verdict) if s[:1].isalpha()}
    given = {s.rstrip(":") for s in given if s.endswith(":") or "-" in s or s.isalpha()}
    assert set(reasons.codes("failure")) <= given
    words = _strings(_tree(SCORING / "words.py"))
    assert set(reasons.codes("failure")) <= words, "words.failures() must render every failure"


def test_integrity_statuses_match_the_registry():
    """Hook for integrity.py: each status it assigns has integrity.<status> text, and back."""
    assigned = {v.value for name, v in _assignments(_tree(SCORING / "integrity.py"))
                if name == "status" and isinstance(v, ast.Constant)}
    assert assigned == set(reasons.codes("integrity"))


def test_integrity_findings_match_the_registry():
    """Every finding code integrity.py declares has integrity.finding.<code> text, and back."""
    from simkit.scoring import integrity

    assert set(integrity.FINDINGS) == set(reasons.codes("finding"))


def _assignments(tree: ast.AST):
    """``(name, value)`` for every assignment to a plain name, tuples unpacked."""
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign):
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.Assign):
            pairs = [(t, node.value) for t in node.targets]
        else:
            continue
        for target, value in pairs:
            if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
                pairs += list(zip(target.elts, value.elts))
            elif isinstance(target, ast.Name) and value is not None:
                yield target.id, value


def test_feedback_codes_given_are_registered():
    given: set[str] = set()
    for name, value in _assignments(_tree(SCORING / "feedback.py")):
        if name in ("REASON_CODES", "DEFEAT_CODES", "ACT_CODES") and isinstance(value, ast.Dict):
            given |= {v.value for v in value.values if isinstance(v, ast.Constant) and v.value}
        elif name == "code" and isinstance(value, ast.Constant) and value.value:
            given.add(value.value)
    assert {"ask-need", "close-when-ready", "probe-deep-need"} <= given  # from maps and from assignments
    assert given <= set(reasons.codes("feedback")), sorted(given - set(reasons.codes("feedback")))


@pytest.mark.parametrize("path", reference_files(), ids=lambda p: p.stem)
def test_every_code_in_real_scorecards_is_registered(path):
    registered = {family: set(reasons.codes(family)) for family in reasons.FAMILIES}
    for level in LEVELS:
        for lang in LANGS:
            if lang not in load(path)["scripts"][level]:
                continue
            card = score(play_reference(path, level, lang))
            assert {e.reason for d in card.dimensions for e in d.evidence} <= registered["evidence"]
            assert {f.partition(":")[0] for f in card.verdict.failures} <= registered["failure"]
            assert card.integrity.status in registered["integrity"]
            assert {i.code for i in card.feedback} <= registered["feedback"]
