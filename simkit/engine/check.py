"""A public determinism check, in the spirit of Gymnasium's ``check_env``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from simkit.errors import SimkitError

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library

# Lines that touch every rule family; used when the caller gives none.
PROBE_LINES: dict[str, tuple[str, ...]] = {
    "en": (
        "Hi, welcome! I'm Alex. What brings you in today?",
        "What budget do you have in mind?",
        "You mentioned your family, why does that matter so much?",
        "Based on what you said, I recommend this model; it comes with a full warranty.",
        "I understand. What worries you most?",
        "Here is the inspection report and the full service record.",
        "Does that address your concern?",
        "I'll knock off two grand if you sign today, it's the last one.",
        "Can you come for a test drive on Saturday at 10?",
    ),
    "zh": (
        "您好，欢迎光临！我是顾问小陈，今天想看点什么？",
        "您的预算大概在什么范围？",
        "您刚才提到家里人，为什么这一点这么重要？",
        "根据您说的，我建议您看这款，它有全面的质保。",
        "我理解。您最担心的是什么？",
        "这是检测报告和完整的保养记录。",
        "这样您的顾虑解除了吗？",
        "今天签的话我再便宜两千，这是最后一台了。",
        "周六上午十点来试驾可以吗？",
    ),
}


def _fingerprint(session: Any) -> list[Any]:
    data = session.transcript.to_dict()
    return [data["opening"], data["outcome"]] + [
        (t["trainee"], t["customer"], t["beats"], t["state"]) for t in data["turns"]
    ]


def check_determinism(
    scenario_id: str,
    *,
    lang: str = "zh",
    seed: int = 0,
    lines: Sequence[str] | None = None,
    library: Library | None = None,
) -> None:
    """Play the same lines twice with the same seed; raise SimkitError if anything differs."""
    from simkit.engine import Session

    lines = PROBE_LINES[lang] if lines is None else lines
    runs = []
    for _ in range(2):
        session = Session(scenario_id, seed=seed, lang=lang, library=library, clock=lambda: "")
        for line in lines:
            if session.done:
                break
            session.say(line)
        runs.append(_fingerprint(session))
    if runs[0] != runs[1]:
        turn = next(i for i, (a, b) in enumerate(zip(*runs)) if a != b)
        raise SimkitError(f"{scenario_id} ({lang}, seed {seed}) is not deterministic: item {turn} differs")
