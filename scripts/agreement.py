#!/usr/bin/env python3
"""Cohen's kappa between two labellers of the agreement sample, per technique label and per topic.

Labeller A is the author of the held-out set (its labels are in natural-*.jsonl, found through
agreement-ids.json); labeller B labelled agreement-unlabelled.jsonl on their own. Each label is a
yes/no decision per line, so kappa is computed per label from the 2x2 table of the two labellers'
decisions: kappa = (p_o - p_e) / (1 - p_e).

Usage: python3 scripts/agreement.py [--b FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1] / "simkit" / "understand" / "corpus" / "eval"
TECHNIQUES = ("greeting", "open_question", "closed_question", "exclusion_question", "probe", "empathy", "present",
              "evidence", "confirm", "recommend", "close", "concession", "pressure", "other")
TOPICS = ("budget", "usage", "family", "current_car", "timeline", "preference", "finance", "trade_in",
          "decision_maker", "competitor", "concern", "contact")


def kappa(a: list[bool], b: list[bool]) -> float | None:
    """Cohen's kappa of two yes/no decision lists; None when both always say the same one thing."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def load_pairs(b_file: Path) -> list[tuple[str, dict, dict]]:
    """(id, labeller A's record, labeller B's record) for every id of the sample."""
    ids = json.loads((EVAL / "agreement-ids.json").read_text(encoding="utf-8"))["ids"]
    files: dict[str, list[dict]] = {}
    pairs = []
    for line in b_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        b = json.loads(line)
        where = ids[b["id"]]
        rows = files.setdefault(where["file"], [json.loads(x) for x in
                                                (EVAL / where["file"]).read_text(encoding="utf-8").splitlines()
                                                if x.strip()])
        pairs.append((b["id"], rows[where["line"] - 1], b))
    return pairs


def report(pairs: list[tuple[str, dict, dict]]) -> dict:
    out: dict = {"n": len(pairs), "by_lang": {}}
    for lang in ("zh", "en", "all"):
        chosen = [p for p in pairs if lang == "all" or p[0].startswith(lang + "-")]
        if not chosen:
            continue
        section = {}
        for field, names in (("labels", TECHNIQUES), ("topics", TOPICS)):
            scores = {}
            for name in names:
                a = [name in p[1].get(field, []) for p in chosen]
                b = [name in p[2].get(field, []) for p in chosen]
                value = kappa(a, b)
                scores[name] = None if value is None else round(value, 3)
            known = [v for v in scores.values() if v is not None]
            section[field] = {"per_label": scores, "mean": round(sum(known) / len(known), 3) if known else None}
        section["exact_labels"] = round(sum(set(p[1]["labels"]) == set(p[2]["labels"]) for p in chosen)
                                        / len(chosen), 3)
        out["by_lang"][lang] = section
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--b", type=Path, default=EVAL / "agreement-labeller-b.jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = report(load_pairs(args.b))
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    for lang, section in result["by_lang"].items():
        print(f"== {lang}: exact label-set agreement {section['exact_labels']}")
        for field in ("labels", "topics"):
            row = "  ".join(f"{k}={'-' if v is None else v}" for k, v in section[field]["per_label"].items())
            print(f"  {field} kappa mean {section[field]['mean']}: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
