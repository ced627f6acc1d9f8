"""Write a synthetic certification run (RUN_DIR, the layout of /work/wt/RUN-LAYOUT.md) of N trainees.

The data are real: every conversation is a real :class:`~simkit.engine.Session` fed the trainee
lines of a reference salesperson (strong, average or poor, from scenarios/scenarios/*.references.yaml), with
one line dropped at random now and then so that trainees vary, and every scorecard
is :func:`simkit.scoring.score` of that transcript. Only the notebook scores, the roster, live
times (the exam app stamps and signs them) and the tier rule are made up. The dashboard's
benchmark reads this (a real run of 1,000 trainees takes hours of nbgrader).

    .venv/bin/python bench/make_cohort.py 1000 /tmp/cohort-1000
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simkit._versions import SIMKIT_VERSION  # noqa: E402
from simkit.content import default_library  # noqa: E402
from simkit.engine import Session  # noqa: E402
from simkit.engine.version import ENGINE_VERSION  # noqa: E402
from simkit.safeio import atomic_write_text  # noqa: E402
from simkit.scoring import DIMENSIONS, score  # noqa: E402
from simkit.scoring.batch import csv_cell  # noqa: E402
from simkit.transcript import TIMES_LIVE  # noqa: E402
from simkit.ui.dashboard_data import write_index  # noqa: E402
from simkit.understand import ANALYZER_VERSION  # noqa: E402

STORES = ("north", "south", "east")
TEAMS = ("A", "B")
SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴")
GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明")
LEVELS = ("strong", "average", "poor")
EXPORT_HEAD = ("trainee", "name", "store", "team", "tier", "total", "notebook_score", "notebook_max",
               "conversation_score", "conversations_passed", "conversations", "review", "review_codes")
START = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


def references() -> dict[str, dict]:
    out = {}
    for path in sorted((ROOT / "scenarios/scenarios").glob("*.references.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["scenario"]] = data
    return out


def vary(lines: list[str], rng: random.Random) -> list[str]:
    """The reference lines, with one of them (never the first) dropped at random."""
    lines = list(lines)
    if len(lines) > 3 and rng.random() < 0.6:
        del lines[rng.randrange(1, len(lines))]
    return lines


def play(scenario: str, seed: int, lang: str, lines: list[str], delays: list[int] | None, library) -> Session:
    clock = [START]

    def tick() -> str:
        return clock[0].isoformat(timespec="seconds")

    session = Session(scenario, seed=seed, lang=lang, library=library, clock=tick)
    for i, line in enumerate(lines):
        if session.done:
            break
        clock[0] += timedelta(seconds=(delays[i] if delays and i < len(delays) else 45))
        session.say(line)
    return session


def tier_of(total: float, passed: int, count: int) -> str:
    if total < 60 or passed < count - 1:
        return "fail"
    return "distinction" if total >= 88 else "merit" if total >= 75 else "pass"


def write_trainee(out: Path, trainee: str, refs: dict, rng: random.Random, library, cache: dict) -> dict:
    skill = rng.random()
    folder = out / "trainees" / trainee
    conversations, dims = [], {d: [] for d in DIMENSIONS}
    for n, (scenario, ref) in enumerate(sorted(refs.items())):
        level = LEVELS[0] if skill > 0.7 else LEVELS[1] if skill > 0.3 else LEVELS[2]
        if rng.random() < 0.25:
            level = rng.choice(LEVELS)
        lang = "zh" if rng.random() < 0.6 else "en"
        script = ref["scripts"][level][lang]
        lines, seed = vary(script["lines"], rng), ref.get("seed", 0)
        key = (scenario, seed, lang, tuple(lines))
        if key not in cache:  # the same lines replay to the same transcript: score them once
            session = play(scenario, seed, lang, lines, script.get("delays"), library)
            session.transcript.times = TIMES_LIVE  # as the exam app stamps them (signed there)
            cache[key] = (session.transcript, score(session.transcript, library=library).to_dict())
        transcript, card = cache[key]
        name = f"{n + 1:02d}-{scenario}"
        atomic_write_text(folder / "transcripts" / f"{name}.json", transcript.to_json())
        atomic_write_text(folder / "scorecards" / f"{name}.json", json.dumps(card, ensure_ascii=False, indent=1))
        for dim in card["dimensions"]:
            if dim["applicable"]:
                dims[dim["name"]].append(dim["points"])
        conversations.append({"scenario": scenario, "seed": seed, "file": f"transcripts/{name}.json",
                              "scorecard": f"scorecards/{name}.json", "score": float(card["total"]),
                              "passed": card["passed"], "outcome": card["outcome"].get("status"),
                              "integrity": card["integrity"]["status"], "signature": "valid"})
    notebook = float(rng.randint(4, 10))
    conversation_score = round(sum(c["score"] for c in conversations) / len(conversations), 1)
    total = round(0.8 * conversation_score + 0.2 * notebook * 10, 1)
    passed = sum(c["passed"] for c in conversations)
    tier = tier_of(total, passed, len(conversations))
    review = [{"code": "low-notebook", "reason_zh": "笔记本得分偏低", "reason_en": "low notebook score"}] \
        if notebook < 5 else []
    code = f"SK-{rng.randrange(16**8):08X}" if tier != "fail" else None
    if code:
        atomic_write_text(folder / "certificate.html", f"<p>certificate {code}</p>")
    atomic_write_text(folder / "feedback.html", "<p>feedback</p>")
    result = {"trainee": trainee, "tier": tier, "total": total, "notebook": {"score": notebook, "max": 10.0},
              "conversations": conversations, "review": review,
              "certificate": "certificate.html" if code else None, "code": code}
    atomic_write_text(folder / "result.json", json.dumps(result, ensure_ascii=False, indent=1))
    row = {"trainee": trainee, "tier": tier, "total": total, "notebook_score": notebook, "notebook_max": 10.0,
           "conversation_score": conversation_score, "conversations_passed": passed,
           "conversations": len(conversations), "review": len(review),
           "review_codes": " ".join(r["code"] for r in review), "code": code or ""}
    for d, points in dims.items():
        row[f"dim_{d}"] = round(sum(points) / len(points), 2) if points else ""
    return row


def make_cohort(count: int, out: Path, *, seed: int = 0, roster: bool = True, xss: bool = True,
                index: bool = True) -> Path:
    """Write a RUN_DIR of ``count`` trainees to ``out``; ``xss`` gives one trainee a name with markup;
    ``index`` writes the dashboard's index (:func:`simkit.ui.dashboard_data.write_index`) as certify does."""
    library, refs, rng, cache = default_library(), references(), random.Random(seed), {}
    out.mkdir(parents=True, exist_ok=True)
    rows, names = [], {}
    for i in range(count):
        trainee = f"t{i + 1:04d}"
        rows.append(write_trainee(out, trainee, refs, rng, library, cache))
        names[trainee] = rng.choice(SURNAMES) + rng.choice(GIVEN) + ("" if rng.random() < 0.5 else rng.choice(GIVEN))
    if xss and rows:
        names[rows[0]["trainee"]] = '<img src=x onerror="document.title=\'xss\'"><script>alert(1)</script>'
    people = {}
    for i, row in enumerate(rows):
        people[row["trainee"]] = {"trainee": row["trainee"], "name": names[row["trainee"]],
                                  "store": STORES[i % len(STORES)], "team": TEAMS[(i // 3) % len(TEAMS)]}
    if roster:
        with open(out / "roster.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=["trainee", "name", "store", "team"], lineterminator="\n")
            writer.writeheader()
            writer.writerows(people.values())
    columns = [*EXPORT_HEAD, *(f"dim_{d}" for d in DIMENSIONS), "code"]
    with open(out / "export.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            full = {**row, **({k: v for k, v in people[row["trainee"]].items() if k != "trainee"} if roster else {})}
            writer.writerow([csv_cell(full.get(c, "")) for c in columns])
    tiers = {t: sum(r["tier"] == t for r in rows) for t in ("distinction", "merit", "pass", "fail")}
    run = {"format": 1, "exam_id": "synthetic-cohort", "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "simkit_version": SIMKIT_VERSION, "analyzer": ANALYZER_VERSION, "engine": ENGINE_VERSION,
           "scenarios": sorted(refs), "tiers": tiers, "review": sum(r["review"] > 0 for r in rows), "trainees": count}
    atomic_write_text(out / "run.json", json.dumps(run, ensure_ascii=False, indent=1))
    if index:
        write_index(out)  # as simkit certify does once a run is finished
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many trainees")
    parser.add_argument("out", type=Path, help="the RUN_DIR to write (created)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-roster", action="store_true", help="write no roster.csv")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    make_cohort(args.count, args.out, seed=args.seed, roster=not args.no_roster)
    print(f"{args.count} trainees written to {args.out} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
