"""``simkit nlu eval|explain|train``: measure, explain and rebuild utterance understanding.

The work is done by plain functions (:func:`evaluate`, :func:`explain`, :func:`train_shipped`)
that a notebook can call; the subcommands only parse arguments and print.

Example:
    >>> report = evaluate([{"text": "您好", "labels": ["greeting"]}])
    >>> report["macro_f1"]
    1.0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simkit.errors import SimkitError
from simkit.safetext import json_text, shown
from simkit.labels import TECHNIQUES, TOPICS


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``nlu`` subcommand with ``eval``, ``explain`` and ``train``."""
    nlu = subparsers.add_parser("nlu", help="evaluate, explain or retrain utterance understanding")
    nlu.set_defaults(func=lambda args: (nlu.print_help(), 2)[1])
    sub = nlu.add_subparsers(dest="nlu_command", metavar="ACTION")

    ev = sub.add_parser("eval", help="score the analyzer on a labelled JSONL file",
                        description="Per-label precision, recall and F1, macro-F1 over the labels present in "
                        "the file, a confusion table and the worst misread lines.")
    ev.add_argument("file", type=Path, metavar="FILE.jsonl")
    ev.add_argument("--json", action="store_true", help="print one JSON object (key macro_f1, ...)")
    ev.add_argument("--worst", type=int, default=10, metavar="N", help="how many misread lines to show (default 10)")
    ev.set_defaults(func=_eval)

    ex = sub.add_parser("explain", help="show why a line gets its labels")
    ex.add_argument("text")
    ex.add_argument("--lang", choices=("zh", "en"), help="language (detected when omitted)")
    ex.add_argument("--context", metavar="CUSTOMER_LINE", help="the customer's previous line")
    ex.add_argument("--json", action="store_true", help="print JSON")
    ex.set_defaults(func=_explain)

    tr = sub.add_parser("train", help="rebuild the shipped model from corpus/train-*.jsonl",
                        description="Retrain the model deterministically from the training split and write "
                        "simkit/understand/model.json. Needs the train extra (pip install simkit[train]).")
    tr.add_argument("--check", action="store_true",
                    help="only check that the shipped model matches the corpus; exit 1 when stale")
    tr.set_defaults(func=_train)


# --- functions ---------------------------------------------------------------------------------


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of a labelled JSONL file, checked.

    Raises:
        SimkitError: when the file is missing or a line is malformed (the message names the line).
    """
    from simkit.understand.corpus import load_corpus

    if not path.is_file():
        raise SimkitError(f"{path}: no such file")
    try:
        return load_corpus([path])
    except ValueError as exc:
        raise SimkitError(str(exc)) from None


def evaluate(rows: Sequence[dict[str, Any]], *, worst: int = 10) -> dict[str, Any]:
    """Score :func:`~simkit.understand.analyze` on labelled rows.

    Each row is analysed in its own ``lang`` when it has one (detected otherwise), with its
    ``context`` when it has one: the customer's previous line as a string, or a dict with fields of
    :class:`~simkit.understand.context.Context`.

    Args:
        rows: dicts with ``text`` and ``labels`` (and optionally ``lang``, ``topics``, ``context``).
        worst: how many misread lines to return, worst first.

    Returns:
        A dict with ``macro_f1`` (over the labels present in ``rows``), ``per_label``
        (precision, recall, f1, support), ``by_lang`` (macro-F1 per language), ``with_context``
        (how many rows had one), ``confusion``
        (gold label -> predicted label -> count; ``(missed)`` counts gold labels not predicted),
        ``topics_macro_f1``, ``worst`` (the misread lines), ``n`` and ``analyzer_version``.
    """
    from simkit.understand.analyzer import ANALYZER_VERSION, analyze_with_reading
    from simkit.understand.context import Context
    from simkit.understand.training import macro_f1

    gold: list[list[str]] = []
    pred: list[list[str]] = []
    misread: list[tuple[float, dict[str, Any]]] = []
    confusion: dict[str, dict[str, int]] = {}
    langs: list[str] = []
    topic_gold: list[list[str]] = []
    topic_pred: list[list[str]] = []
    for row in rows:
        analysis, reading = analyze_with_reading(row["text"], row.get("lang"), Context.from_item(row.get("context")))
        g, p = list(row["labels"]), list(analysis.techniques)
        gold.append(g)
        pred.append(p)
        langs.append(analysis.lang)
        topic_gold.append(list(row.get("topics", [])))
        topic_pred.append(list(analysis.topics))
        for label in g:
            counts = confusion.setdefault(label, {})
            for q in p:  # never empty: analyze always gives a label
                counts[q] = counts.get(q, 0) + 1
            if label not in p:
                counts["(missed)"] = counts.get("(missed)", 0) + 1
        if set(g) != set(p):
            margin = sum(abs(reading.scores.get(label, 0.5) - 0.5) for label in set(g) ^ set(p))
            misread.append((-(len(set(g) ^ set(p)) + margin), {
                "text": row["text"], "lang": analysis.lang, "gold": g, "predicted": p,
                "scores": {label: reading.scores[label] for label in sorted(set(g) | set(p)) if label in reading.scores},
            }))
    present = [t for t in TECHNIQUES if any(t in g for g in gold)]
    per_label = {}
    for label in present:
        tp = sum(label in g and label in p for g, p in zip(gold, pred))
        fp = sum(label not in g and label in p for g, p in zip(gold, pred))
        fn = sum(label in g and label not in p for g, p in zip(gold, pred))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                            "support": tp + fn}
    by_lang = {}
    for lang in sorted(set(langs)):
        idx = [i for i, x in enumerate(langs) if x == lang]
        by_lang[lang] = {"macro_f1": round(macro_f1([gold[i] for i in idx], [pred[i] for i in idx], TECHNIQUES), 4),
                         "n": len(idx)}

    misread.sort(key=lambda m: (m[0], m[1]["text"]))
    return {
        "n": len(gold),
        "with_context": sum(bool((c := Context.from_item(row.get("context"))) and c.customer_last.strip()) for row in rows),
        "analyzer_version": ANALYZER_VERSION,
        "macro_f1": round(macro_f1(gold, pred, TECHNIQUES), 4),
        "labels": present,
        "per_label": per_label,
        "by_lang": by_lang,
        "exact_match": round(sum(set(g) == set(p) for g, p in zip(gold, pred)) / len(gold), 4) if gold else 0.0,
        "topics_macro_f1": round(macro_f1(topic_gold, topic_pred, TOPICS), 4),
        "confusion": {label: dict(sorted(confusion[label].items())) for label in present},
        "worst": [m[1] for m in misread[:worst]],
    }


def explain(text: str, lang: str | None = None, context: Any = None) -> dict[str, Any]:
    """Why ``text`` gets its labels: scores against thresholds, the features and cues that decided.

    ``context`` is what came before (the customer's previous line, a dict of
    :class:`~simkit.understand.context.Context` fields, or None).

    Returns:
        A JSON-ready dict: ``techniques``, ``topics``, ``facts``, ``is_question``, ``lang``,
        ``labels`` (per technique: score, threshold, chosen, top features), ``cues``,
        ``topic_keywords``, ``notes`` and ``analyzer_version``.
    """
    from simkit.understand.analyzer import ANALYZER_VERSION, analyze_with_reading
    from simkit.understand.model import load_model

    from simkit.understand.context import Context

    analysis, reading = analyze_with_reading(text, lang, Context.from_item(context), explain=True)
    model = load_model()
    thresholds = model.thresholds_for(analysis.lang) if model else {}
    labels = {}
    for label in TECHNIQUES:
        score = reading.scores.get(label)
        chosen = label in analysis.techniques
        if score is None and not chosen:
            continue
        if not chosen and score is not None and score < thresholds.get(label, 0.5) * 0.6:
            continue  # far from its threshold: not worth showing
        labels[label] = {
            "score": score,
            "threshold": thresholds.get(label),
            "chosen": chosen,
            "features": [[name, round(w, 3)] for name, w in reading.features.get(label, ())],
        }
    return {
        "text": text,
        "lang": analysis.lang,
        "techniques": list(analysis.techniques),
        "topics": list(analysis.topics),
        "is_question": analysis.is_question,
        "facts": [f.to_dict() for f in analysis.facts],
        "labels": labels,
        "topic_features": {k[6:]: [[n, round(w, 3)] for n, w in v] for k, v in reading.features.items()
                           if k.startswith("topic:")},
        "cues": [list(c) for c in reading.cues],
        "topic_keywords": [list(c) for c in reading.topic_cues],
        "notes": list(reading.notes),
        "analyzer_version": ANALYZER_VERSION,
    }


def train_shipped(corpus_dir: Path | None = None, out: Path | None = None) -> dict[str, Any]:
    """Retrain from ``corpus_dir/train-*.jsonl`` and write the model file.

    Returns:
        The model's recorded metadata (cross-validated macro-F1, source hash, ...) plus ``path``
        and ``bytes``.

    Raises:
        SimkitError: when scikit-learn is missing or there is no training data.
    """
    from simkit.understand import corpus
    from simkit.understand.model import MODEL_PATH, forget_cached_model

    corpus_dir = corpus_dir or corpus.CORPUS_DIR
    out = out or MODEL_PATH
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise SimkitError("training needs scikit-learn: pip install 'simkit[train]'") from None
    from simkit.understand.training import save_model, train

    files = corpus.train_files(corpus_dir)
    if not files:
        raise SimkitError(f"{corpus_dir}: no train-*.jsonl files")
    try:
        rows = corpus.load_corpus(files)
    except ValueError as exc:
        raise SimkitError(str(exc)) from None
    model = train(rows, source_sha256=corpus.source_hash(corpus_dir))
    save_model(model, out)
    forget_cached_model()
    return {**model.meta, "path": str(out), "bytes": out.stat().st_size}


# --- printing ----------------------------------------------------------------------------------


def _eval(args: argparse.Namespace) -> int:
    report = evaluate(load_rows(args.file), worst=args.worst)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{args.file}: {report['n']} lines ({report['with_context']} with context), "
          f"analyzer {report['analyzer_version']}")
    print(f"\n{'label':<20}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}")
    for label, s in report["per_label"].items():
        print(f"{label:<20}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>7.3f}{s['support']:>9}")
    print(f"{'macro-F1':<20}{'':>10}{'':>8}{report['macro_f1']:>7.3f}")
    for lang, s in report["by_lang"].items():
        print(f"{'  ' + lang:<20}{'':>10}{'':>8}{s['macro_f1']:>7.3f}{s['n']:>9}")
    print(f"exact match {report['exact_match']:.3f}   topics macro-F1 {report['topics_macro_f1']:.3f}")
    _print_confusion(report)
    if report["worst"]:
        print("\nworst misread lines:")
        for w in report["worst"]:
            print(f"  [{w['lang']}] {shown(w['text'])}")
            print(f"       gold {', '.join(w['gold'])}  |  read {', '.join(w['predicted'])}  |  "
                  + " ".join(f"{k}={v:.2f}" for k, v in w["scores"].items()))
    return 0


def _print_confusion(report: dict[str, Any]) -> None:
    labels = report["labels"]
    cols = [*labels, "(missed)"]
    short = {c: c.replace("_question", "_q")[:9] for c in cols}
    print("\nconfusion (rows: gold label, columns: labels read on those lines)")
    print(f"{'':<20}" + "".join(f"{short[c]:>10}" for c in cols))
    for label in labels:
        row = report["confusion"].get(label, {})
        print(f"{label:<20}" + "".join(f"{(row.get(c) or '.'):>10}" for c in cols))


def _explain(args: argparse.Namespace) -> int:
    info = explain(args.text, args.lang, args.context)
    if args.json:
        print(json_text(info, indent=2))
        return 0
    print(shown(info["text"]))
    print(f"  lang {info['lang']}   question: {'yes' if info['is_question'] else 'no'}")
    print(f"  techniques: {', '.join(info['techniques'])}")
    print(f"  topics: {', '.join(info['topics']) or '-'}")
    for label, d in info["labels"].items():
        mark = "+" if d["chosen"] else "-"
        score = "rules" if d["score"] is None else f"score {d['score']:.2f} / threshold {d['threshold']:.2f}"
        print(f"  {mark} {label:<20}{score}")
        for name, w in d["features"]:
            print(f"        {w:+.3f}  {_describe(name)}")
    if info["cues"]:
        print(shown("  rule cues: " + "; ".join(f"{name} \u201c{text}\u201d" for name, text in info["cues"])))
    if info["topic_keywords"]:
        print(shown("  topic keywords: " + "; ".join(f"{t} \u201c{text}\u201d" for t, text in info["topic_keywords"])))
    for kind_fact in info["facts"]:
        print(shown(f"  fact {kind_fact['kind']}: {kind_fact['value']!r} \u201c{kind_fact['text']}\u201d"))
    for note in info["notes"]:
        print(f"  note: {note}")
    return 0


_FEATURE_KINDS = {
    "u": "word/char", "b": "pair", "^": "starts with", "^^": "starts with", "$": "ends with",
    "c": "spelling", "s^": "a sentence starts with", "s^^": "a sentence starts with",
    "q^": "a question starts with", "q^^": "a question starts with", "q$": "a question ends with",
    "qpos": "question position", "len": "length", "r": "rule cue", "q": "is a question",
    "k": "topic keyword", "f": "fact", "x": "context",
}


def _describe(feature: str) -> str:
    if feature == "(baseline)":
        return "baseline (the label's bias)"
    kind, _, value = feature.partition(":")
    return f"{_FEATURE_KINDS.get(kind, kind)} \u201c{value}\u201d"


def _train(args: argparse.Namespace) -> int:
    from simkit.understand.corpus import is_stale

    if args.check:
        if is_stale():
            print("simkit: the shipped model is stale (the training lines or their features changed); run `simkit nlu train`",
                  file=sys.stderr)
            return 1
        print("model is up to date")
        return 0
    info = train_shipped()
    cv = ", ".join(f"{lang} {f:.3f}" for lang, f in info["cv_macro_f1"].items())
    print(f"wrote {info['path']} ({info['bytes'] / 1e6:.2f} MB); cross-validated macro-F1 on train: {cv}")
    return 0
