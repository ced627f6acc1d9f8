"""A golden snapshot of simkit's outputs, to prove that a refactoring changes nothing.

Writes one deterministic JSON file holding:

- ``analyses``: ``analyze()`` and its :class:`~simkit.understand.analyzer.Reading` (with the
  features behind each label) for every line of the understanding corpus and every trainee line of
  the tests' reference scripts, golden conversations and probe lines, plus variants with tricky
  letters, read as zh, en and auto;
- ``transcripts``: the full transcript of every reference script and golden conversation, played
  with its own seed and seeds 0-4, on a fixed clock;
- ``scorecards``: the scorecard of each of those transcripts, as data and rendered as JSON, text
  and HTML in zh and en.

Version strings (simkit, analyzer and scenario versions) are replaced by ``<version>`` with
``--ignore-versions`` so that a branch that only bumps versions compares equal.

Run before a refactoring, then after it, and compare::

    .venv/bin/python bench/golden_snapshot.py /work/wt/golden-before.json
    .venv/bin/python bench/golden_snapshot.py /tmp/golden-after.json
    .venv/bin/python bench/golden_snapshot.py --compare /work/wt/golden-before.json /tmp/golden-after.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
SEEDS = (0, 1, 2, 3, 4)
VERSION_KEYS = ("analyzer", "engine", "simkit_version", "analyzer_version", "engine_version", "rules_version", "version", "versions")


def _scripts() -> list[dict[str, Any]]:
    """Every scripted conversation of the tests: scenario, seed, lang, lines, delays."""
    out = []
    for path in sorted((ROOT / "scenarios").rglob("*.references.yaml"), key=lambda p: p.name):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for level, by_lang in data["scripts"].items():
            for lang, script in by_lang.items():
                out.append({"name": f"reference:{data['scenario']}:{level}:{lang}", "scenario": data["scenario"],
                            "seed": data.get("seed", 0), "lang": lang, "lines": script["lines"],
                            "delays": script.get("delays")})
    for path in sorted((ROOT / "tests/engine/golden").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, conv in data["conversations"].items():
            out.append({"name": f"golden:{path.stem}:{name}", "scenario": data["scenario"],
                        "seed": conv.get("seed", 0), "lang": conv["lang"], "lines": conv["lines"], "delays": None})
    return out


def _lines(scripts: list[dict[str, Any]]) -> list[str]:
    from simkit.engine.check import PROBE_LINES

    lines: list[str] = []
    for path in sorted((ROOT / "simkit/understand/corpus").glob("*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                lines.append(json.loads(raw)["text"])
    for script in scripts:
        lines.extend(script["lines"])
    for probe in PROBE_LINES.values():
        lines.extend(probe)
    lines.extend(["", "   ", "👍", "?", "x" * 2500, "好" * 2100])  # edges: empty, emoji, over the cap
    # Letters where lower-casing and IGNORECASE part ways (dotless i, long s, Kelvin sign, ...),
    # Chinese characters outside the common block, and upper case, on every fourth line.
    rng = random.Random(11)
    for line in lines[::4]:
        i = rng.randrange(len(line) + 1)
        lines.append(line[:i] + rng.choice("ıſKİΣσςµμﬅǅǆＡａß㐀㐂丽") + line[i:])
        lines.append(line.upper())
        lines.append(line.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a"))
    seen: dict[str, None] = {}
    for line in lines:
        seen.setdefault(line, None)
    return list(seen)


def _plain(value: Any) -> Any:
    """JSON-ready: dataclasses, tuples and sets become dicts and lists (sets sorted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    return value


def _play(script: dict[str, Any], seed: int):
    from simkit import Session

    session = Session(script["scenario"], seed=seed, lang=script["lang"], clock=lambda: START.isoformat())
    at = START
    delays = script["delays"] or [20] * len(script["lines"])
    for line, delay in zip(script["lines"], delays):
        if session.done:
            break
        at += timedelta(seconds=delay)
        session.say(line, at=at.isoformat())
    return session


def build() -> dict[str, Any]:
    from simkit.scoring import score
    from simkit.scoring.render import to_html, to_json, to_text
    from simkit.understand.analyzer import analyze, analyze_with_reading

    scripts = _scripts()
    analyses = {}
    for line in _lines(scripts):
        entry = {}
        for lang in ("zh", "en", None):
            analysis = analyze(line, lang)
            again, reading = analyze_with_reading(line, lang, explain=True)
            assert again == analysis, line
            entry[lang or "auto"] = {"analysis": _plain(analysis), "reading": _plain(reading)}
        analyses[line] = entry
    transcripts, scorecards = {}, {}
    for script in scripts:
        for seed in sorted({script["seed"], *SEEDS}):
            key = f"{script['name']}:seed{seed}"
            session = _play(script, seed)
            transcript = session.transcript
            transcripts[key] = {"transcript": transcript.to_dict(), "state": _plain(session.state),
                                "outcome": _plain(session.outcome), "done": session.done}
            card = score(transcript)
            scorecards[key] = {"data": card.to_dict(),
                               **{f"json-{lang}": to_json(card, lang) for lang in ("zh", "en")},
                               **{f"text-{lang}": to_text(card, lang) for lang in ("zh", "en")},
                               **{f"html-{lang}": to_html(card, lang) for lang in ("zh", "en")}}
    return {"analyses": analyses, "transcripts": transcripts, "scorecards": scorecards}


def _without_versions(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: "<version>" if k in VERSION_KEYS else _without_versions(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_versions(v) for v in value]
    return value


def _differences(a: Any, b: Any, where: str = "$", out: list[str] | None = None, limit: int = 30) -> list[str]:
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{where}[{k!r}]: only in {'after' if k not in a else 'before'}")
            else:
                _differences(a[k], b[k], f"{where}[{k!r}]", out, limit)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            _differences(x, y, f"{where}[{i}]", out, limit)
    elif a != b:
        out.append(f"{where}: {str(a)[:160]!r} != {str(b)[:160]!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="where to write the snapshot, or two snapshots with --compare")
    parser.add_argument("--compare", action="store_true", help="compare two snapshot files")
    parser.add_argument("--ignore-versions", action="store_true", help="blank version strings before comparing")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.paths)
        if args.ignore_versions:
            before, after = _without_versions(before), _without_versions(after)
        diffs = _differences(before, after)
        counts = {k: len(before.get(k, {})) for k in ("analyses", "transcripts", "scorecards")}
        if diffs:
            print("DIFFERENT:", *diffs, sep="\n  ")
            return 1
        print(f"identical: {counts['analyses']} lines x 3 languages, {counts['transcripts']} transcripts, "
              f"{counts['scorecards']} scorecards")
        return 0
    snapshot = build()
    text = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, indent=1, default=repr)
    Path(args.paths[0]).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.paths[0]}: {len(snapshot['analyses'])} lines, {len(snapshot['transcripts'])} transcripts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
