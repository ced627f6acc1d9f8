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
import zlib
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
#: shorter one's lines (and at least MIN_SHARED lines) have a near copy in the other: normalised,
#: they share at least NEAR_LINE of their character trigrams (a word changed here and there).
#: Honest trainees share a stock phrase or two, never most of a conversation.
SIMILAR_SHARE = 0.8
MIN_SHARED = 4
NEAR_LINE = 0.6
#: A line (with its near copies) said by more than STOCK_SHARE of the trainees of a scenario, and
#: by more than STOCK_MIN of them, is a stock phrase: it counts neither as copied nor as a line.
STOCK_SHARE = 0.2
STOCK_MIN = 10
MAX_BUCKET = 50  # distinct lines of one min-hash band beyond which the band is not compared
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


def taught_lines(courses: Path | None = None) -> frozenset[str]:
    """The course's worked solutions, normalised: lines every trainee was shown, so saying them
    (or nearly) is learning, not copying from another trainee."""
    import yaml

    from simkit.course.build import COURSES

    found = set()
    for path in sorted((courses or COURSES).glob("*/module.yaml")):
        solutions = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("solutions") or {}
        for solution in solutions.values():
            for lines in ((solution or {}).get("lines") or {}).values():
                found.update(normalise(line) for line in lines if isinstance(line, str))
    return frozenset(found)


def similar_pairs(lines: dict[tuple[str, str], list[str]], taught: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """Trainees whose accepted conversation of a scenario is nearly line for line another's.

    Lines are compared as distinct normalised texts: near copies among them are found through
    min-hash buckets of their trigrams (:func:`_near_texts`), so a large cohort is not compared
    line by line; then every trainee's lines count towards each trainee holding a near copy.

    Args:
        lines: ``{(trainee, scenario): trainee lines}`` of accepted conversations.
        taught: normalised lines the course showed everyone (:func:`taught_lines`); a line near one
            of them is a stock phrase.

    Returns:
        ``{trainee: {other trainees}}`` (symmetric).
    """
    said = {k: sorted({n for n in map(normalise, v) if len(n) >= MIN_LINE_CHARS}) for k, v in lines.items()}
    found: dict[str, set[str]] = {}
    for scenario in sorted({s for _, s in said}):
        owners: dict[str, set[str]] = {}
        for (trainee, s), texts in said.items():
            if s == scenario:
                for text in texts:
                    owners.setdefault(text, set()).add(trainee)
        near = _near_texts(sorted(set(owners) | taught))
        cohort = sum(s == scenario for _, s in said)
        counted: dict[str, int] = {}  # trainee -> lines that are not stock phrases
        shared: dict[tuple[str, str], int] = {}  # (a, b) -> a's lines with a near copy in b's
        for text, holders in owners.items():
            others = set().union(*(owners.get(t, ()) for t in near.get(text, ())), holders)
            if len(others) > max(STOCK_MIN, STOCK_SHARE * cohort) or text in taught or near.get(text, set()) & taught:
                continue  # a stock phrase: the course taught it, or many trainees say it, so it shows no copying
            for a in holders:
                counted[a] = counted.get(a, 0) + 1
                for b in others - {a}:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
        for (a, b), count in shared.items():
            back = shared.get((b, a), 0)
            shorter = min(counted.get(a, 0), counted.get(b, 0))
            if min(count, back) >= MIN_SHARED and min(count, back) >= SIMILAR_SHARE * shorter:
                found.setdefault(a, set()).add(b)
    return found


def _near_texts(texts: list[str]) -> dict[str, set[str]]:
    """``{text: other texts sharing at least NEAR_LINE of its trigrams}``, for distinct texts."""
    grams = {t: _trigrams(t) for t in texts}
    buckets: dict[tuple[int, ...], list[str]] = {}
    for text in texts:
        for bucket in _buckets(grams[text]):
            buckets.setdefault(bucket, []).append(text)
    near: dict[str, set[str]] = {}
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue  # a stock phrase and its many wordings: no sign of copying (other bands still compare)
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                if y not in near.get(x, ()) and _jaccard(grams[x], grams[y]) >= NEAR_LINE:
                    near.setdefault(x, set()).add(y)
                    near.setdefault(y, set()).add(x)
    return near


def _trigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 3] for i in range(len(text) - 2))


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y)


_BANDS, _ROWS = 10, 2  # lines sharing 60% of trigrams meet in some band with probability 0.99


def _buckets(grams: frozenset[str]) -> list[tuple[int, ...]]:
    """Min-hash bands of a line's trigrams: near-identical lines share a band, different ones rarely."""
    hashes = [zlib.crc32(g.encode("utf-8")) for g in grams]
    signature = [min((h * a + c) % _PRIME for h in hashes) for a, c in _SEEDS]
    return [(band, *signature[band * _ROWS:(band + 1) * _ROWS]) for band in range(_BANDS)]


_PRIME = (1 << 61) - 1
_SEEDS = [(2 * k + 1 + 0x9E3779B1 * k, 0x7F4A7C15 * (k + 1)) for k in range(_BANDS * _ROWS)]


def safe_name(path: Path, folder: Path, taken: set[str]) -> str:
    """A file name for ``path`` (relative to ``folder``) unique in ``taken`` and safe in any file system."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", path.relative_to(folder).with_suffix("").as_posix()).strip("._") or "t"
    name, n = f"{stem[:80]}.json", 2
    while name in taken:
        name, n = f"{stem[:80]}-{n}.json", n + 1
    taken.add(name)
    return name
