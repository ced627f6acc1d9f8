"""Versions follow behaviour, not bytes.

A comment anywhere in the package changes no version and does not make the model stale; a rule
constant or a model weight does change a version. A fingerprint of what the engine and the
analyzer do guards the hand-bumped parts (``RULES_VERSION``, ``CUES_VERSION``): behaviour that
changes under an unchanged version fails here. After a deliberate change, bump the version and
refresh the fingerprints with ``python -m tests.test_versions``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

import simkit
from simkit import Session
from simkit.content import default_library
from simkit.engine.version import ENGINE_VERSION
from simkit.understand import ANALYZER_VERSION, analyze
from simkit.understand import corpus

PACKAGE = Path(simkit.__file__).parent
LOCK = Path(__file__).with_name("versions.lock.json")
GOLDEN = Path(__file__).parent / "engine" / "golden"
REFERENCES = Path(__file__).parent.parent / "scenarios"  # each scenario's *.references.yaml

PRINT_VERSIONS = ("import sys; from simkit.engine.version import ENGINE_VERSION; "
                  "from simkit.understand import ANALYZER_VERSION, corpus; "
                  "print(ENGINE_VERSION, ANALYZER_VERSION, *[corpus.is_stale()][:len(sys.argv) - 1])")


def _versions_of_copy(tmp_path: Path, edit, *, stale: bool = False) -> list[str]:
    """Copy the package, apply ``edit(copy)``, and report the copy's versions (and staleness)."""
    copy = tmp_path / "simkit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    edit(copy)
    out = subprocess.run([sys.executable, "-c", PRINT_VERSIONS, *["stale"][:stale]], cwd=tmp_path, capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(tmp_path), "PATH": ""})
    return out.stdout.split()


def _comment_everywhere(copy: Path) -> None:
    for path in copy.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        path.write_text(f"# a new comment\n{source}\n# and another one\n", encoding="utf-8")


def test_a_comment_changes_no_version_and_needs_no_retraining(tmp_path):
    assert _versions_of_copy(tmp_path, _comment_everywhere, stale=True) == [ENGINE_VERSION, ANALYZER_VERSION, "False"]


def test_a_rule_constant_changes_the_engine_version(tmp_path):
    def edit(copy):
        path = copy / "engine" / "rulebook.py"
        source = path.read_text(encoding="utf-8")
        assert "GREETING_TRUST = 5 " in source
        path.write_text(source.replace("GREETING_TRUST = 5 ", "GREETING_TRUST = 6 "), encoding="utf-8")

    engine, analyzer = _versions_of_copy(tmp_path, edit)
    assert engine != ENGINE_VERSION and analyzer == ANALYZER_VERSION


def test_a_model_weight_changes_the_analyzer_version(tmp_path):
    def edit(copy):
        path = copy / "understand" / "model.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        name = sorted(data["weights"])[0]
        data["weights"][name][1] += 0.5
        path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")

    engine, analyzer = _versions_of_copy(tmp_path, edit)
    assert analyzer != ANALYZER_VERSION and engine == ENGINE_VERSION


def test_a_cue_change_makes_the_model_stale(tmp_path):
    def edit(copy):
        path = copy / "understand" / "topics.py"
        source = path.read_text(encoding="utf-8")
        assert '"budget": r"budget|' in source
        path.write_text(source.replace('"budget": r"budget|', '"budget": r"'), encoding="utf-8")  # drop a keyword

    assert _versions_of_copy(tmp_path, edit, stale=True)[2] == "True"


# --- fingerprints of behaviour, guarding the hand-bumped versions ----------------------------


def _scripted_conversations():
    """``(name, scenario, seed, lang, lines)`` of the golden conversations and the reference scripts."""
    for path in sorted(GOLDEN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, conv in sorted(data["conversations"].items()):
            yield f"golden:{name}", data["scenario"], conv.get("seed", 0), conv["lang"], conv["lines"]
    for path in sorted(REFERENCES.rglob("*.references.yaml"), key=lambda p: p.name):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for level, scripts in sorted(data["scripts"].items()):
            for lang, script in sorted(scripts.items()):
                yield f"{data['scenario']}:{level}:{lang}", data["scenario"], data.get("seed", 0), lang, script["lines"]


def engine_fingerprint() -> str:
    """Every customer line, beat and state of the golden conversations and reference scripts."""
    digest = hashlib.sha256()
    for name, scenario, seed, lang, lines in _scripted_conversations():
        session = Session(scenario, seed=seed, lang=lang, clock=lambda: "")
        for line in lines:
            if session.done:
                break
            session.say(line, at="")
        record = session.transcript.to_dict()
        kept = [record["opening"], record["opening_beats"], record["outcome"],
                [[t["customer"], t["beats"], t["state"]] for t in record["turns"]]]
        digest.update(json.dumps([name, kept], sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def analyzer_fingerprint() -> str:
    """The analysis of every corpus line (training and held-out), alone and with its context when it has one."""
    digest = hashlib.sha256()
    for row in corpus.load_corpus([*corpus.train_files(), *corpus.test_files()]):
        readings = [analyze(row["text"]).to_dict()]
        if row.get("context"):
            readings.append(analyze(row["text"], context=row["context"]).to_dict())
        digest.update(json.dumps(readings, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def engine_inputs() -> dict:
    """What the engine fingerprint depends on besides the engine: the analyzer, the scenarios, the scripts."""
    library = default_library()
    scripts = json.dumps(list(_scripted_conversations()), ensure_ascii=False)
    return {"engine": ENGINE_VERSION, "analyzer": ANALYZER_VERSION,
            "scenarios": {s: library.content_hash(s) for s in sorted({c[1] for c in _scripted_conversations()})},
            "scripts": hashlib.sha256(scripts.encode("utf-8")).hexdigest()[:16]}


def analyzer_inputs() -> dict:
    """What the analyzer fingerprint depends on besides the analyzer: the corpus lines read."""
    texts = [r["text"] for r in corpus.load_corpus([*corpus.train_files(), *corpus.test_files()])]
    return {"analyzer": ANALYZER_VERSION, "lines": hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]}


def _check(kind: str, fingerprint: str, inputs: dict, bump: str) -> None:
    lock = json.loads(LOCK.read_text(encoding="utf-8"))[kind]
    if fingerprint == lock["fingerprint"]:
        return
    assert inputs != lock["inputs"], f"{kind} behaviour changed under the same versions: {bump}, then {REFRESH}"
    raise AssertionError(f"the {kind} fingerprint's inputs changed (a version, a scenario or the corpus): {REFRESH}")


REFRESH = "refresh the fingerprints with `python -m tests.test_versions`"


def test_engine_behaviour_matches_its_version():
    _check("engine", engine_fingerprint(), engine_inputs(),
           "bump RULES_VERSION in simkit/engine/version.py (or CUES_VERSION in simkit/understand/analyzer.py)")


def test_analyzer_behaviour_matches_its_version():
    _check("analyzer", analyzer_fingerprint(), analyzer_inputs(), "bump CUES_VERSION in simkit/understand/analyzer.py")


def refresh() -> None:
    lock = {"engine": {"inputs": engine_inputs(), "fingerprint": engine_fingerprint()},
            "analyzer": {"inputs": analyzer_inputs(), "fingerprint": analyzer_fingerprint()}}
    LOCK.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {LOCK}")


if __name__ == "__main__":
    refresh()


def test_release_version_matches_pyproject():
    import tomllib

    from simkit._versions import SIMKIT_VERSION

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == SIMKIT_VERSION == simkit.__version__
