#!/usr/bin/env python3
"""Check natural-speech corpus files (JSON Lines) against CORPUS-FORMAT.

Usage:
    python3 scripts/check_corpus.py [FILE.jsonl ...] [--near] [--quiet]

Without files it checks every *.jsonl under simkit/understand/corpus/natural/.
Reports problems as ``file:line: message`` (invalid JSON, missing or unknown fields,
unknown labels/topics/businesses/boundaries, labels or topics out of canonical order,
probe/confirm without context or paired with open/closed_question, duplicates exact or
after normalising case, width, whitespace and punctuation), then the balance per label,
topic, register, business, boundary, author and lang. Exit status 1 when there is any error.
``--near`` also warns about near-paraphrases (character-bigram overlap), which
is slower but catches lines that differ by a word or two. A line with more than one
question type (other than close + exclusion_question) is a warning. Standalone: python3,
no dependencies.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

LABELS = ["greeting", "open_question", "closed_question", "exclusion_question", "probe",
          "empathy", "present", "evidence", "confirm", "recommend", "close", "concession",
          "pressure", "other"]
TOPICS = ["budget", "usage", "family", "current_car", "timeline", "preference", "finance",
          "trade_in", "decision_maker", "competitor", "concern", "contact"]
BOUNDARIES = ["probe-vs-open", "confirm-vs-closed", "evidence-vs-pressure",
              "evidence-vs-concession", "present-vs-concession", "pressure-vs-present",
              "present-vs-recommend", "empathy-vs-other", "open-vs-closed",
              "exclusion-vs-closed", "close-vs-confirm", "other-vs-question", "topic-trap"]
BUSINESSES = ["new-car", "used-buy", "used-sell", "trade-in", "ev", "battery-lease", "fleet",
              "finance", "after-sales-complaint", "dormant", "general"]
FIELDS = ["text", "lang", "labels", "topics", "context", "author", "register", "business",
          "boundary"]
NEEDS_CONTEXT = {"probe", "confirm"}
# Label pairs the conventions forbid on one line (a probe or confirm is never also open/closed).
FORBIDDEN_PAIRS = [("probe", "open_question"), ("probe", "closed_question"),
                   ("confirm", "closed_question")]
# docs/labels.md: exactly one question type per line, except close + exclusion_question.
QUESTION_TYPES = {"open_question", "closed_question", "exclusion_question", "probe", "confirm",
                  "close"}
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "simkit/understand/corpus/natural"


def normalise(text: str) -> str:
    """Lower-case, width-fold, and drop whitespace, punctuation and symbols (emoji included)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def check_ordered(values: list, allowed: list[str], what: str) -> list[str]:
    """Problems with a list of labels or topics: type, unknown names, repeats, order."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return [f"{what} must be a list of strings"]
    problems = [f"unknown {what[:-1]} {v!r}" for v in values if v not in allowed]
    if len(set(values)) != len(values):
        problems.append(f"repeated {what[:-1]} in {values}")
    known = [v for v in values if v in allowed]
    if known != sorted(known, key=allowed.index):
        problems.append(f"{what} not in canonical order: {values} "
                        f"(want {sorted(known, key=allowed.index)})")
    return problems


def check_record(rec: object) -> list[str]:
    """Every problem with one parsed line."""
    if not isinstance(rec, dict):
        return ["line is not a JSON object"]
    problems = [f"missing field {f!r}" for f in FIELDS if f not in rec]
    problems += [f"unknown field {f!r}" for f in rec if f not in FIELDS]
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("text must be a non-empty string")
    if rec.get("lang") not in ("zh", "en"):
        problems.append(f"lang must be 'zh' or 'en', got {rec.get('lang')!r}")
    labels = rec.get("labels", [])
    problems += check_ordered(labels, LABELS, "labels")
    if isinstance(labels, list) and not labels:
        problems.append("labels must not be empty")
    problems += check_ordered(rec.get("topics", []), TOPICS, "topics")
    context = rec.get("context")
    if context is not None and (not isinstance(context, str) or not context.strip()):
        problems.append("context must be a non-empty string or null")
    for field in ("author", "register"):
        if not isinstance(rec.get(field), str) or not rec.get(field, "").strip():
            problems.append(f"{field} must be a non-empty string")
    if rec.get("business") not in BUSINESSES:
        problems.append(f"unknown business {rec.get('business')!r}")
    if rec.get("boundary") is not None and rec.get("boundary") not in BOUNDARIES:
        problems.append(f"unknown boundary {rec.get('boundary')!r}")
    if isinstance(labels, list):
        for label in NEEDS_CONTEXT & set(labels):
            if not context:
                problems.append(f"{label} needs a context (the customer's previous line)")
        for a, b in FORBIDDEN_PAIRS:
            if a in labels and b in labels:
                problems.append(f"{a} is never also {b}")
    return problems


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def near_duplicates(items: list[tuple[str, str]], threshold: float = 0.8) -> list[tuple]:
    """Pairs of (where, where, score) whose normalised texts share most character bigrams."""
    grams = [bigrams(norm) for _, norm in items]
    index: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for i, g in enumerate(grams):
        if len(g) < 6:
            continue
        shared = Counter(j for gram in g for j in index[gram])
        for j, n in shared.items():
            score = n / len(g | grams[j])
            if score >= threshold:
                pairs.append((items[j][0], items[i][0], round(score, 2)))
        for gram in g:
            index[gram].append(i)
    return pairs


def table(title: str, counter: Counter, total: int, order: list[str] | None = None) -> str:
    keys = list(order or []) + sorted(k for k in counter if not order or k not in order)
    rows = [f"{title} (n={total})"]
    for key in keys:
        if counter.get(key, 0) or order:
            n = counter.get(key, 0)
            rows.append(f"  {key:<24}{n:>6}  {100 * n / max(total, 1):5.1f}%")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    near = "--near" in argv
    quiet = "--quiet" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    if not paths:
        paths = sorted(DEFAULT_DIR.glob("*.jsonl"))
    if not paths:
        print(f"no .jsonl files given or found in {DEFAULT_DIR}", file=sys.stderr)
        return 1
    errors, warnings = [], []
    records: list[dict] = []
    exact: dict[str, str] = {}
    normal: dict[str, str] = {}
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(f"{path}: cannot read: {exc}")
            continue
        for number, raw in enumerate(lines, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                warnings.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            problems = check_record(rec)
            errors += [f"{where}: {p}" for p in problems]
            asked = set(rec.get("labels") or []) & QUESTION_TYPES if isinstance(rec, dict) else set()
            if len(asked) > 1 and asked != {"close", "exclusion_question"}:
                warnings.append(f"{where}: more than one question type {sorted(asked)}")
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                continue
            text = rec["text"]
            # Per language: an emoji or "OK" may fairly stand in both a zh and an en file.
            lang_text = (rec.get("lang"), text)
            if lang_text in exact:
                errors.append(f"{where}: duplicate text (first at {exact[lang_text]}): {text}")
            else:
                exact[lang_text] = where
                key = (rec.get("lang"), normalise(text))
                if key in normal:
                    errors.append(f"{where}: duplicate after normalising (first at "
                                  f"{normal[key]}): {text}")
                else:
                    normal[key] = where
            records.append(rec)
    if near:
        items = [(w, n) for n, w in normal.items()]
        for a, b, score in near_duplicates(items):
            warnings.append(f"{b}: near-paraphrase of {a} (bigram overlap {score})")
    for line in errors + warnings:
        print(line)
    total = len(records)
    if not quiet:
        def count(field: str, many: bool = False) -> Counter:
            c: Counter = Counter()
            for r in records:
                value = r.get(field)
                if many:
                    if isinstance(value, list):
                        c.update(v for v in value if isinstance(v, str))
                else:
                    c[str(value) if value is not None else "(none)"] += 1
            return c
        print(table("labels (lines carrying each)", count("labels", True), total, LABELS))
        print(table("topics", count("topics", True), total, TOPICS))
        print(table("register", count("register"), total))
        print(table("business", count("business"), total, BUSINESSES))
        print(table("boundary", count("boundary"), total, ["(none)"] + BOUNDARIES))
        print(table("author", count("author"), total))
        print(table("lang", count("lang"), total))
        multi = sum(1 for r in records if isinstance(r.get("labels"), list) and len(r["labels"]) > 1)
        with_context = sum(1 for r in records if r.get("context"))
        print(f"multi-label lines: {multi} ({100 * multi / max(total, 1):.1f}%); "
              f"lines with context: {with_context} ({100 * with_context / max(total, 1):.1f}%)")
    print(f"{total} lines in {len(paths)} file(s): {len(errors)} error(s), "
          f"{len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
