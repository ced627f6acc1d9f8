"""Does the customer listen? Measured on lines an independent author wrote (bench/listen-eval/).

The author read only the scenarios' briefs, shared/domain.md and the seeds (see its README), never
the engine, the personas' answers or the tests, so these figures are not tuned to the product.
Run it to measure, never to choose rules: ``python bench/eval_listen.py [--data DIR] [--details]``
(``DIR`` holds files in the same format: ``bench/listen-eval-2/`` is a second author's set, with
another register, kept for measuring once at the end of a piece of work).

Figures, per language:

- questions: the first question after a greeting. ``other need`` = the customer revealed a need
  that the question did not ask about (it answered another question); ``on topic`` = it revealed a
  need of the asked topic or gave its short answer for the topic; ``topic read`` = the analyzer
  found the labelled topic in the line.
- junk: lines that do no sales work, said after a greeting. ``rewarded`` = a need revealed or trust
  gained; ``named`` = the customer reacted to it as junk, rudeness or a privacy request.
- conversations: the trainee lines of strong, average and poor trainees, whatever the customer
  says. Mean total per quality, pass rate, and how often a strong trainee outscores an average one
  and an average one a poor one (pairs in the same scenario and language).
- appointments: a concrete proposal (a day and a clock time) must be read as one slot with the
  labelled day and time; a vague one must not be read as a day with a clock time.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from simkit import Session
from simkit.engine.appointments import read_slots
from simkit.scoring import score
from simkit.understand import analyze

DATA = Path(__file__).resolve().parent / "listen-eval"
data = DATA  # the folder measured (--data)
GREETING = {"zh": "您好，欢迎！我是销售顾问小王。", "en": "Hi, welcome! I'm Sam, one of the consultants here."}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def greeted(scenario: str, lang: str) -> Session:
    session = Session(scenario, seed=1, lang=lang)
    session.say(GREETING[lang])
    return session


def questions(lang: str, details: bool) -> dict[str, float]:
    other = on_topic = read = 0
    items = rows(f"questions-{lang}.jsonl")
    for item in items:
        session = greeted(item["scenario"], lang)
        reply = session.say(item["text"])
        topic = item["topic"]
        read += topic in reply.analysis.topics
        told = [session.persona.need(b.params["need"]) for b in reply.beats if b.kind == "reveal_need"]
        wrong = [n.id for n in told if topic not in n.reveal_topics]
        right = any(topic in n.reveal_topics for n in told) or any(
            b.kind == "answer" and b.params.get("topic") == topic for b in reply.beats)
        other += bool(wrong)
        on_topic += right
        if details and (wrong or not right):
            print(f"  [{topic}] {item['text']}\n      -> {reply.text}  (topics read {list(reply.analysis.topics)}, "
                  f"rules {[b.rule for b in reply.beats]})")
    n = len(items)
    return {"lines": n, "other need": other / n, "on topic": on_topic / n, "topic read": read / n}


def junk(lang: str, details: bool) -> dict[str, float]:
    rewarded = named = 0
    items = rows(f"junk-{lang}.jsonl")
    for item in items:
        session = greeted(item["scenario"], lang)
        trust = session.state["trust"]
        if not item["text"].strip():  # an empty line is not a turn (Session.say refuses it, as the apps do)
            named += 1
            continue
        reply = session.say(item["text"])
        bad = any(b.kind == "reveal_need" for b in reply.beats) or session.state["trust"] > trust
        seen = any(b.rule in ("junk", "rude", "personal-data") for b in reply.beats)
        rewarded += bad
        named += seen
        if details and (bad or not seen):
            print(f"  [{item['kind']}] {item['text']!r} -> {reply.text}  (rules {[b.rule for b in reply.beats]})")
    n = len(items)
    return {"lines": n, "rewarded": rewarded / n, "named": named / n}


def conversations(lang: str, details: bool) -> dict[str, float]:
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    passed: dict[str, list[bool]] = defaultdict(list)
    strong_failures: Counter[str] = Counter()
    for item in rows(f"conversations-{lang}.jsonl"):
        # Scripted lines carry no trusted reply times: the online lead's time rules cannot be met,
        # which is why the strong trainees' failure reasons are listed too.
        session = Session(item["scenario"], seed=1, lang=lang)
        for line in item["lines"]:
            if session.done:
                break
            session.say(line)
        card = score(session.transcript)
        totals[(item["scenario"], item["quality"])].append(card.total)
        passed[item["quality"]].append(card.passed)
        if item["quality"] == "strong":
            strong_failures.update(card.verdict.failures)
        if details:
            print(f"  {item['scenario']} {item['quality']}: {card.total} {card.tier or '-'} "
                  f"({session.outcome.status if session.outcome else 'unfinished'})")
    result: dict[str, float] = {}
    for quality in ("strong", "average", "poor"):
        scores = [t for (_, q), ts in totals.items() if q == quality for t in ts]
        result[f"{quality} mean"] = statistics.mean(scores)
        result[f"{quality} passed"] = sum(passed[quality]) / len(passed[quality])
    for better, worse in (("strong", "average"), ("average", "poor")):
        wins = pairs = 0
        for (scenario, quality), scores in totals.items():
            if quality != better:
                continue
            for a in scores:
                for b in totals[(scenario, worse)]:
                    pairs += 1
                    wins += a > b
        result[f"{better}>{worse}"] = wins / pairs
    result["strong failed for"] = ", ".join(f"{why} x{n}" for why, n in strong_failures.most_common())
    return result


def expected_slot(when: str, today: int) -> tuple[int | None, int]:
    """``"Saturday 10:00"`` -> (weekday, minute of the day); the weekday is None for a date."""
    day, clock = when.rsplit(" ", 1)
    hour, minute = map(int, clock.split(":"))
    day = day.lower().removeprefix("next ").removeprefix("this ")
    offsets = {"today": 0, "tomorrow": 1, "day after tomorrow": 2}
    if day in offsets:
        weekday = (today + offsets[day]) % 7
    elif m := re.fullmatch(r"in (\d+) days", day):
        weekday = (today + int(m.group(1))) % 7
    elif day in WEEKDAYS:
        weekday = WEEKDAYS.index(day)
    else:
        weekday = None
    return weekday, hour * 60 + minute


def appointments(lang: str, details: bool) -> dict[str, float]:
    from simkit.content import default_library

    library = default_library()
    hits = {True: 0, False: 0}
    counts = {True: 0, False: 0}
    for item in rows(f"appointments-{lang}.jsonl"):
        today = library.scenario(item["scenario"]).weekday
        slots = read_slots(analyze(item["text"], lang=lang), today=today)
        clocked = [s for s in slots if s.has_day and s.start is not None]
        if item["concrete"]:
            weekday, start = expected_slot(item["when"], today)
            ok = any(s.start == start and (weekday is None or s.weekday == weekday) for s in clocked)
        else:
            ok = not clocked
        counts[item["concrete"]] += 1
        hits[item["concrete"]] += ok
        if details and not ok:
            print(f"  [{item['when']}] {item['text']} -> {[(s.weekday, s.start, s.part) for s in slots]}")
    return {"concrete read": hits[True] / counts[True], "vague not booked": hits[False] / counts[False]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print every line the customer got wrong")
    parser.add_argument("--data", type=Path, default=DATA, help="the folder of JSON Lines files to measure")
    args = parser.parse_args()
    global data
    data = args.data
    for name, measure in (("questions", questions), ("junk", junk), ("conversations", conversations),
                          ("appointments", appointments)):
        for lang in ("zh", "en"):
            figures = measure(lang, args.details)
            shown = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
            print(f"{name:13} {lang}: {shown}")


if __name__ == "__main__":
    main()
