"""The exam conversations of one trainee: replayed, scored, their signatures and variants checked.

A conversation counts (``accepted``) only when all of these hold: the file is a transcript that
replays and scores; its integrity is ``ok`` (:func:`simkit.scoring.integrity.certifiable`); it
carries a valid exam signature for this trainee and this exam (:func:`simkit.exam.verify`); its
scenario is one the exam asks for; and its seed is the one the exam drew for this trainee
(:func:`simkit.exam.exam_seed`). Anything else scores 0 for that conversation and is a review
entry saying why. Lines copied between trainees are found across the cohort
(:func:`similar_pairs`), among accepted conversations only: a copied *file* never verifies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simkit import exam
from simkit.certify.assignment import ExamRules
from simkit.certify.words import review_item
from simkit.scoring.batch import score_row
from simkit.scoring.integrity import certifiable
from simkit.transcript import Transcript

#: Two accepted conversations of one scenario are "the same" when at least this share of the
#: shorter one's lines (and at least MIN_SHARED lines) appear, normalised, in the other.
SIMILAR_SHARE = 0.8
MIN_SHARED = 4
MIN_LINE_CHARS = 8  # shorter lines ("ok", "您好") are said by everyone


@dataclass
class Conversation:
    """One handed-in transcript, judged."""

    file: Path
    name: str
    scenario: str | None = None
    seed: int | None = None
    score: float = 0.0
    passed: bool = False
    outcome: str | None = None
    integrity: str = "error"
    signature: str = "missing"
    accepted: bool = False
    review: list[dict[str, str]] = field(default_factory=list)
    scorecard: Any = None
    lines: list[str] = field(default_factory=list)


def judge(path: Path, *, name: str, trainee: str, cohort: list[str], key: bytes, exam_id: str, rules: ExamRules,
          library) -> Conversation:
    """Score one file and decide whether it counts (see the module docstring); ``cohort`` is
    everyone graded with this trainee (a run's records look again over the whole cohort)."""
    conv = Conversation(file=path, name=name)
    row = score_row(path, library=library)
    if row.scorecard is None:
        conv.integrity = f"error:{row.code}"
        conv.review.append(review_item("transcript-unreadable", f"{name} ({row.code})"))
        return conv
    card = row.scorecard
    transcript = Transcript.load(path)
    conv.scorecard, conv.lines = card, transcript.trainee_lines
    conv.scenario, conv.seed, conv.integrity = card.scenario_id, card.seed, card.integrity.status
    conv.score, conv.passed = float(card.total), bool(card.passed)
    status = card.outcome.get("status")
    conv.outcome = f"{status}:{card.outcome['reason']}" if card.outcome.get("reason") else status
    if not transcript.signature:
        conv.signature = "missing"
        conv.review.append(review_item("signature-missing", name))
    elif exam.verify(transcript, key=key, trainee_id=trainee, exam_id=exam_id):
        conv.signature = "valid"
    else:
        conv.signature = "invalid"
        conv.review.append(signature_review(transcript, name=name, trainee=trainee, cohort=cohort, key=key,
                                            exam_id=exam_id))
    if card.scenario_id not in rules.scenarios:
        conv.review.append(review_item("wrong-scenario", f"{name} ({card.scenario_id})"))
    elif card.seed != exam.exam_seed(key=key, exam_id=exam_id, trainee_id=trainee, scenario_id=card.scenario_id):
        conv.review.append(review_item("seed-mismatch", name))
    if not certifiable(card.integrity):
        code = "transcript-tampered" if card.integrity.status == "tampered" else "transcript-outdated"
        conv.review.append(review_item(code, f"{name} ({card.integrity.status})"))
    conv.accepted = not conv.review
    return conv


def signature_review(transcript: Transcript, *, name: str, trainee: str, cohort: list[str], key: bytes,
                     exam_id: str) -> dict[str, str]:
    """Why a signature is invalid: another trainee's exam transcript (it verifies for them), or edited."""
    owner = next((other for other in cohort if other != trainee
                  and exam.verify(transcript, key=key, trainee_id=other, exam_id=exam_id)), None)
    return review_item("copied-transcript", f"{name} ← {owner}") if owner else review_item("signature-invalid", name)


def counted(conversations: list[Conversation], rules: ExamRules) -> tuple[dict[str, Conversation | None], list[dict]]:
    """The conversation that counts for each exam scenario (the best accepted one, or None) and
    the review entries that choice makes (missing scenarios, several valid attempts)."""
    chosen: dict[str, Conversation | None] = {}
    review = []
    for scenario in rules.scenarios:
        valid = [c for c in conversations if c.accepted and c.scenario == scenario]
        chosen[scenario] = max(valid, key=lambda c: (c.score, c.name)) if valid else None
        if not valid:
            review.append(review_item("conversation-missing", scenario))
        elif len(valid) > 1:
            review.append(review_item("extra-attempts", scenario))
    return chosen, review


def normalise(line: str) -> str:
    """A line without case, spacing and punctuation (what copying by hand keeps)."""
    text = unicodedata.normalize("NFKC", line).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def similar_pairs(lines: dict[tuple[str, str], list[str]]) -> dict[str, set[str]]:
    """Trainees whose accepted conversation of a scenario is nearly line for line another's.

    Args:
        lines: ``{(trainee, scenario): trainee lines}`` of accepted conversations.

    Returns:
        ``{trainee: {other trainees}}`` (symmetric).
    """
    sets = {k: {n for n in map(normalise, v) if len(n) >= MIN_LINE_CHARS} for k, v in lines.items()}
    by_line: dict[tuple[str, str], set[str]] = {}
    for (trainee, scenario), normalised in sets.items():
        for line in normalised:
            by_line.setdefault((scenario, line), set()).add(trainee)
    shared: dict[tuple[str, str, str], int] = {}
    for (scenario, _), trainees in by_line.items():
        ordered = sorted(trainees)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared[(scenario, a, b)] = shared.get((scenario, a, b), 0) + 1
    found: dict[str, set[str]] = {}
    for (scenario, a, b), count in shared.items():
        shorter = min(len(sets[(a, scenario)]), len(sets[(b, scenario)]))
        if count >= MIN_SHARED and count >= SIMILAR_SHARE * shorter:
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
    return found


def safe_name(path: Path, folder: Path, taken: set[str]) -> str:
    """A file name for ``path`` (relative to ``folder``) unique in ``taken`` and safe in any file system."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", path.relative_to(folder).with_suffix("").as_posix()).strip("._") or "t"
    name, n = f"{stem[:80]}.json", 2
    while name in taken:
        name, n = f"{stem[:80]}-{n}.json", n + 1
    taken.add(name)
    return name
