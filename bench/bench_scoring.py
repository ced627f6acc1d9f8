"""Scoring figures: replay + scoring throughput on 20-turn transcripts, one process and --jobs 2.

Run: .venv/bin/python bench/bench_scoring.py [--transcripts N] [--jobs 2]

Writes N transcripts of exactly 20 turns (all three scenarios, both languages, a different seed
each, so the customer's wording differs) to a temporary folder, then times scoring them from
the files: loading, replaying every trainee line through a fresh session (analysis, director,
actor), measuring, judging and advising. Prints transcripts per second in one process, with
the batch scorer on --jobs workers (wall clock, pool start-up included) and per core, plus the
time split between replay and scoring in one process, and the rate with every analysis looked
up rather than computed (the ceiling of any speed-up of understanding alone). Target: 500
transcripts/s per core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

T = TypeVar("T")

# Twenty trainee lines per scenario and language that keep the customer talking for 20 turns.
SCRIPTS = {
    ("showroom-family-suv-v1", "en"): [
        "Hi, welcome in! I'm Alex, one of the consultants here. What brings you in today?",
        "Congratulations on the baby! What kind of budget do you have in mind for the new car?",
        "And what are you driving at the moment?",
        "You mentioned your wife. What matters most to her in the next car?",
        "That makes complete sense. How do you usually use the car at weekends?",
        "What did you like most about your current car?",
        "How soon are you hoping to change cars?",
        "Tell me more about your daily commute.",
        "I understand. What else would make the new car work for your family?",
        "What colour would your wife like?",
        "Okay, thank you, that helps.",
        "Let me note that down.",
        "What would the kids need in the back?",
        "I see, that's a fair point.",
        "How often do your parents ride with you?",
        "Okay, noted.",
        "What matters most on longer trips?",
        "Thanks, that's useful.",
        "What would make this an easy decision for you?",
        "Okay, one moment please.",
    ],
    ("used-car-hidden-defects-v1", "zh"): [
        "您好，欢迎！我是顾问小孙，您慢慢看。这台SUV您想先了解哪些方面？",
        "您平时用车主要是什么场景？",
        "您的预算大概是怎么打算的？",
        "您问得很对，这个担心很正常。我们收车时查过，保养记录和表显里程是对得上的。",
        "您刚才说车况最重要，是什么让您这么谨慎，是不是之前的车出过问题？",
        "确实不容易，换做是我经历过这种事，也会特别小心。",
        "您刚才提到您老公，他需要看到什么才会放心？",
        "好的，我记一下。",
        "您对颜色有什么想法？",
        "嗯，明白了。",
        "您平时周末会去哪些地方？",
        "好的，稍等一下。",
        "您女儿平时坐后排吗？",
        "好的，谢谢您。",
        "您觉得什么样的车开起来比较放心？",
        "嗯，我理解。",
        "您更看重哪些方面？",
        "好的，我明白了。",
        "您还有什么想了解的？",
        "好的，您慢慢看。",
    ],
}


def write_cohort(folder: Path, count: int) -> list[Path]:
    from datetime import datetime, timedelta, timezone

    from simkit import Session

    start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    keys = sorted(SCRIPTS)
    paths = []
    seed = 0
    while len(paths) < count:
        scenario, lang = keys[seed % len(keys)]
        session = Session(scenario, seed=seed, lang=lang, clock=lambda: start.isoformat())
        for i, line in enumerate(SCRIPTS[(scenario, lang)]):
            if session.done:
                break
            session.say(line, at=(start + timedelta(seconds=30 * (i + 1))).isoformat())
        seed += 1
        if len(session.turns) != 20:
            raise SystemExit(f"{scenario} {lang}: the conversation ended after {len(session.turns)} turns "
                             f"({session.outcome}); adjust SCRIPTS so it lasts 20")
        path = folder / f"t{seed:05d}.json"
        session.transcript.save(path)
        paths.append(path)
    return paths


def timed_runs(work: Callable[[], T], runs: int = 3) -> tuple[list[float], T]:
    """Seconds taken by each of ``runs`` calls of ``work``, and what the last call returned."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t0)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transcripts", type=int, default=600)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    from simkit.content import default_library
    from simkit.scoring import score
    from simkit.scoring.batch import score_many
    from simkit.scoring.conversation import Conversation
    from simkit.scoring.integrity import check_integrity
    from simkit.scoring.scorer import score_conversation
    from simkit.engine.replay import replay
    from simkit.transcript import Transcript

    from simkit.understand import analyze

    library = default_library()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_cohort(Path(tmp), args.transcripts)
        score(paths[0], library=library)  # warm-up: the understanding model and caches

        def score_all() -> None:
            for path in paths:
                score(path, library=library)

        runs, _ = timed_runs(score_all)
        single = len(paths) / min(runs)

        loaded = [Transcript.load(p) for p in paths]
        t0 = time.perf_counter()
        for t in loaded:
            for turn in t.turns:
                analyze(turn.trainee, lang=t.lang)
        t_analyze = time.perf_counter() - t0
        t0 = time.perf_counter()
        reports = [replay(t, library=library) for t in loaded]
        t_replay = time.perf_counter() - t0
        t0 = time.perf_counter()
        for t, r in zip(loaded, reports):
            score_conversation(Conversation.from_session(r.session, times=t.times), integrity=check_integrity(t, r),
                               source=None, scenario_hash=r.session.transcript.scenario_hash, seed=t.seed)
        t_score = time.perf_counter() - t0

        # What-if: the same scoring with every analysis looked up instead of computed, which is
        # the most any speed-up of understanding alone could give.
        import simkit.engine.session as session_module

        known = {(turn.trainee, t.lang): analyze(turn.trainee, lang=t.lang) for t in loaded for turn in t.turns}
        computing = session_module.analyze
        session_module.analyze = lambda text, lang=None: known[(text, lang)]
        try:
            free_runs, _ = timed_runs(score_all)
            free_understanding = len(paths) / min(free_runs)
        finally:
            session_module.analyze = computing

        walls, rows = timed_runs(lambda: score_many(paths, jobs=args.jobs))
        assert all(r.status == "scored" and r.scorecard.integrity.ok for r in rows), \
            [r for r in rows if r.status != "scored"][:1]
        parallel = len(paths) / min(walls)

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"transcripts: {len(paths)} x 20 turns (3 runs each, best shown); CPUs available: {cpus}")
    print(f"single process:  {single:7.0f} transcripts/s  ({1000 / single:.2f} ms each; "
          f"median run {len(paths) / statistics.median(runs):.0f}/s)")
    print(f"  per transcript: replay {1000 * t_replay / len(paths):.2f} ms, scoring {1000 * t_score / len(paths):.2f} ms; "
          f"analysing its 20 trainee lines alone (a separate run) {1000 * t_analyze / len(paths):.2f} ms")
    print(f"  if understanding cost nothing (analyses looked up): {free_understanding:.0f} transcripts/s")
    print(f"--jobs {args.jobs}:        {parallel:7.0f} transcripts/s wall clock, pool start-up included "
          f"({parallel / args.jobs:.0f}/s per core)")
    print(f"target: 500 transcripts/s per core -> {'met' if single >= 500 else 'NOT met'} in one process")


if __name__ == "__main__":
    main()
