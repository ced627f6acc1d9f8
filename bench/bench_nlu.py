"""Benchmark utterance understanding: latency, cold start and held-out macro-F1.

Run from the repository root::

    python bench/bench_nlu.py            # figures as text
    python bench/bench_nlu.py --json     # one JSON object

Targets (issue "utterance understanding"): macro-F1 >= 0.85 per language on the held-out split,
p99 analysis time under 5 ms per utterance, cold start (import plus first analysis) under 1.5 s,
``import simkit`` under 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

COLD = (
    "import time; t0 = time.perf_counter()\n"
    "from simkit.understand import analyze\n"
    "t1 = time.perf_counter(); analyze('您好，欢迎光临，我是销售顾问小陈'); t2 = time.perf_counter()\n"
    "print(t1 - t0, t2 - t1)\n"
)
IMPORT = "import time; t0 = time.perf_counter(); import simkit; print(time.perf_counter() - t0)\n"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def cold_start(runs: int = 5) -> dict[str, float]:
    """Import + first analysis in fresh interpreters (median and max over ``runs``)."""
    imports, firsts, totals, plain = [], [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True).stdout.split()
        imp, first = float(out[0]), float(out[1])
        imports.append(imp)
        firsts.append(first)
        totals.append(imp + first)
        plain.append(float(subprocess.run([sys.executable, "-c", IMPORT], capture_output=True, text=True,
                                          check=True).stdout))
    return {
        "cold_start_s_median": round(statistics.median(totals), 3),
        "cold_start_s_max": round(max(totals), 3),
        "import_understand_s_median": round(statistics.median(imports), 3),
        "first_analysis_s_median": round(statistics.median(firsts), 3),
        "import_simkit_s_median": round(statistics.median(plain), 3),
        "import_simkit_s_max": round(max(plain), 3),
    }


def latency(repeat: int = 3) -> dict[str, float]:
    """Per-utterance analysis time over every corpus line (both languages), model warm, each line with
    its context as the session gives it (a :class:`Context` after the customer's previous line, when
    the item has one); ``bare_*`` without any context."""
    from simkit.understand import analyze
    from simkit.understand.context import Context
    from simkit.understand.corpus import load_corpus, test_files, train_files

    rows = load_corpus([*train_files(), *test_files()])
    lines = [(r["text"], Context().then(r["context"]) if isinstance(r.get("context"), str) else None) for r in rows]
    analyze("warm up")
    times, bare = [], []
    for _ in range(repeat):
        for text, context in lines:
            t0 = time.perf_counter()
            analyze(text, context=context)
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            analyze(text)
            bare.append(time.perf_counter() - t0)
    long_times = []
    for text in ("这台车" * 3400, "word " * 2000, "<script>" * 1250):
        t0 = time.perf_counter()
        analyze(text)
        long_times.append(time.perf_counter() - t0)
    return {
        "utterances": len(times),
        "with_context": sum(c is not None for _, c in lines) * repeat,
        "p50_ms": round(_percentile(times, 0.50) * 1000, 3),
        "p99_ms": round(_percentile(times, 0.99) * 1000, 3),
        "bare_p50_ms": round(_percentile(bare, 0.50) * 1000, 3),
        "bare_p99_ms": round(_percentile(bare, 0.99) * 1000, 3),
        "max_ms": round(max(times) * 1000, 3),
        "long_input_10k_chars_max_ms": round(max(long_times) * 1000, 3),
    }


def stages(repeat: int = 3) -> dict[str, float]:
    """Mean time per corpus line of each stage of the analysis, per language, in microseconds.

    Each stage runs alone over all lines of one language (best of ``repeat`` passes), so the
    figures show where an analysis spends its time; they add up to a little less than a whole
    ``analyze`` call, which also builds its result.
    """
    from simkit.understand import analyze, rules
    from simkit.understand.facts import extract_facts
    from simkit.understand.corpus import load_corpus, test_files, train_files
    from simkit.understand.features import features
    from simkit.understand.model import decide, load_model
    from simkit.understand.topics import topic_hits

    model = load_model()
    rows = load_corpus([*train_files(), *test_files()])
    out: dict[str, float] = {}
    for lang in ("en", "zh"):
        lines = [r["text"] for r in rows if r["lang"] == lang]
        cues = [rules.find_cues(text) for text in lines]
        topics = [topic_hits(text) for text in lines]
        feats = [features(text, model.config, cues=c, topics=t) for text, c, t in zip(lines, cues, topics)]
        thresholds = model.thresholds_for(lang)
        steps = {
            "cues": lambda: [rules.find_cues(text) for text in lines],
            "topic_keywords": lambda: [topic_hits(text) for text in lines],
            "facts": lambda: [extract_facts(text) for text in lines],
            "features": lambda: [features(text, model.config, cues=c, topics=t)
                                 for text, c, t in zip(lines, cues, topics)],
            "model_and_decision": lambda: [decide(model.scores(f), thresholds) for f in feats],
            "whole_analyze": lambda: [analyze(text, lang) for text in lines],
        }
        for name, step in steps.items():
            best = float("inf")
            for _ in range(repeat):
                t0 = time.perf_counter()
                step()
                best = min(best, time.perf_counter() - t0)
            out[f"stage_us_{lang}_{name}"] = round(best / len(lines) * 1e6, 1)
    return out


def accuracy() -> dict[str, float]:
    """Macro-F1 per language on the held-out split (test-*.jsonl), never trained on."""
    from simkit.understand.cli import evaluate
    from simkit.understand.corpus import load_corpus, test_files

    out = {}
    for path in test_files():
        report = evaluate(load_corpus([path]))
        lang = path.stem.split("-", 1)[1]
        out[f"macro_f1_{lang}"] = report["macro_f1"]
        out[f"exact_match_{lang}"] = report["exact_match"]
        out[f"topics_macro_f1_{lang}"] = report["topics_macro_f1"]
        out[f"n_{lang}"] = report["n"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters for the cold start (default 5)")
    args = parser.parse_args(argv)
    from simkit.understand import ANALYZER_VERSION

    figures = {"analyzer_version": ANALYZER_VERSION, **cold_start(args.runs), **latency(), **stages(), **accuracy()}
    if args.json:
        print(json.dumps(figures))
    else:
        width = max(map(len, figures))
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
