"""Engine figures: time per say() on a 20-turn conversation, cold import, session start.

Run: .venv/bin/python bench/bench_engine.py [--rounds N]
Prints median and p99 per turn (ms), cold `import simkit` (s, fresh interpreter, best of 5)
session start (ms, median, library already loaded) and loading scenarios/.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

LINES = [
    "Hi, welcome in! I'm Alex. What brings you in today?",
    "What kind of budget do you have in mind?",
    "And what are you driving at the moment?",
    "You mentioned your wife — what matters most to her in the next car?",
    "Based on what you've told me, I'd recommend the seven-seat X7.",
    "I understand, nobody wants to overpay. What's behind the concern?",
    "Here's a side by side: lower fuel and maintenance costs and better resale value.",
    "Does that address your worry about the price?",
    "How do you usually use the car on weekends?",
    "Is the third row mostly for your parents?",
    "Would your family prefer a hybrid or petrol?",
    "The X7 comes with a panoramic roof and seven airbags.",
    "How soon are you hoping to change cars?",
    "Is anyone else involved in the decision?",
    "Tell me more about your daily commute.",
    "What did you like most about your current car?",
    "We can value your trade-in today if you like.",
    "What colour would your wife like?",
    "Any other concerns I can help with?",
    "Would Saturday at 10 work for a test drive with your wife?",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()

    imports = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import simkit; "
                              "print(time.perf_counter()-t)"], capture_output=True, text=True, check=True)
        imports.append(float(out.stdout))

    from simkit import Session
    from simkit.content import default_library, load_library

    loads = []
    for _ in range(10):
        t0 = time.perf_counter()
        load_library("scenarios")
        loads.append(time.perf_counter() - t0)
    default_library()
    Session("showroom-family-suv-v1", lang="en").say("warm-up")  # loads the understanding model
    starts, turns = [], []
    for seed in range(args.rounds):
        t0 = time.perf_counter()
        session = Session("showroom-family-suv-v1", seed=seed, lang="en")
        starts.append(time.perf_counter() - t0)
        for line in LINES:
            if session.done:
                break
            t0 = time.perf_counter()
            session.say(line)
            turns.append(time.perf_counter() - t0)
    print(f"say() per turn: median {statistics.median(turns) * 1000:.2f} ms, "
          f"p99 {percentile(turns, 0.99) * 1000:.2f} ms over {len(turns)} turns")
    print(f"cold import simkit: best {min(imports):.3f} s, median {statistics.median(imports):.3f} s")
    print(f"load + validate scenarios/: median {statistics.median(loads) * 1000:.1f} ms")
    print(f"session start: median {statistics.median(starts) * 1000:.2f} ms, p99 {percentile(starts, 0.99) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
