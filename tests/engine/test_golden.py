"""Golden conversations: a skilled, a pushy and an interrogating salesperson per scenario.

Each file in golden/ scripts trainee lines and states what must happen (outcome, needs found,
objections resolved). These assert on the customer's state, not merely on "no crash".
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simkit import Session

GOLDEN = Path(__file__).parent / "golden"


def _cases():
    for path in sorted(GOLDEN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, conv in data["conversations"].items():
            yield pytest.param(data["scenario"], conv, id=f"{data['scenario']}:{name}")


@pytest.mark.parametrize(("scenario", "conv"), list(_cases()))
def test_golden_conversation(scenario, conv):
    session = Session(scenario, seed=conv.get("seed", 0), lang=conv["lang"])
    for line in conv["lines"]:
        if session.done:  # a customer who leaves early is part of what is tested
            break
        session.say(line)
    expect = conv["expect"]
    state = session.state
    trace = "\n".join(
        f"{t.n}: {t.trainee} -> {t.analysis['techniques']} {t.analysis['topics']} | "
        f"{[b['rule'] for b in t.beats]} | {t.customer}"
        for t in session.turns
    )
    assert session.outcome is not None, f"no outcome; state {state}\n{trace}"
    assert session.outcome.status == expect["status"], trace
    if "goal" in expect:
        assert session.outcome.goal == expect["goal"]
    if "reason" in expect:
        assert session.outcome.reason == expect["reason"], trace
    if "needs_revealed" in expect:
        assert sorted(state["needs_revealed"]) == sorted(expect["needs_revealed"]), trace
    if "max_needs_revealed" in expect:
        assert len(state["needs_revealed"]) <= expect["max_needs_revealed"], trace
    for need in expect.get("not_revealed", []):
        assert need not in state["needs_revealed"], trace
    if "objections_resolved" in expect:
        assert state["objections_resolved"] == expect["objections_resolved"], trace
