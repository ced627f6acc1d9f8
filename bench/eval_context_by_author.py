"""Held-out authors: train without some natural authors, read their lines with and without context.

The natural corpus (``simkit/understand/corpus/natural/``) was written by independent authors;
``en-b-*`` and ``zh-b-*`` by others than ``en-a-*`` and ``zh-a-*``. This trains a model the way
``simkit nlu train`` does (thresholds from cross-validation) on everything but the held-out
files, then scores the held-out lines, each with its context (the customer's previous line) and
without, and the project's test files. It never reads ``corpus/eval/``.

Run from the repository root (a few minutes)::

    python bench/eval_context_by_author.py                    # hold out en-b-* and zh-b-*
    python bench/eval_context_by_author.py --hold en-a zh-a   # or other author groups
    python bench/eval_context_by_author.py --context-weight 0.2 --context-dropout 0.5
                                                              # train with context features
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simkit.understand import corpus, model as model_mod  # noqa: E402
from simkit.understand.cli import evaluate  # noqa: E402
from simkit.understand.training import TrainParams, train  # noqa: E402

WATCH = ("open_question", "closed_question", "probe", "confirm", "evidence", "present")


def _summary(report: dict) -> dict:
    out = {"n": report["n"], "macro_f1": report["macro_f1"], "topics_macro_f1": report["topics_macro_f1"],
           "by_lang": {k: v["macro_f1"] for k, v in report["by_lang"].items()}}
    for label in WATCH:
        s = report["per_label"].get(label)
        if s:
            out[label] = f"P{s['precision']:.3f} R{s['recall']:.3f} F{s['f1']:.3f} n{s['support']}"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hold", nargs="+", default=["en-b", "zh-b"], help="natural file-name prefixes to hold out")
    ap.add_argument("--context-weight", type=float, default=None, help="weight of the x: context features")
    ap.add_argument("--context-dropout", type=float, default=None, help="share of training rows fitted without context")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    files = corpus.train_files()
    held = [f for f in files if f.parent.name == "natural" and f.name.startswith(tuple(args.hold))]
    params = TrainParams()
    if args.context_weight is not None:
        params = dataclasses.replace(params, features=dataclasses.replace(params.features,
                                                                          context_weight=args.context_weight))
    if args.context_dropout is not None:
        params = dataclasses.replace(params, context_dropout=args.context_dropout)
    t0 = time.perf_counter()
    model = train(corpus.load_corpus([f for f in files if f not in held]), params, cv_folds=args.folds)
    model_mod._cached = model  # read with this model, not the shipped one
    held_rows = corpus.load_corpus(held)
    bare = [{k: v for k, v in r.items() if k != "context"} for r in held_rows]
    result = {
        "held_out": [f.name for f in held], "context_weight": params.features.context_weight,
        "context_dropout": params.context_dropout,
        "train_s": round(time.perf_counter() - t0, 1),
        "held_with_context": _summary(evaluate(held_rows)),
        "held_without_context": _summary(evaluate(bare)),
    }
    for f in corpus.test_files():
        result[f.name] = _summary(evaluate(corpus.load_corpus([f])))
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
