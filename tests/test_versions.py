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
from simkit.engine.version import ENGINE_VERSION
from simkit.understand import ANALYZER_VERSION, analyze
from simkit.understand import model as m

PACKAGE = Path(simkit.__file__).parent
LOCK = Path(__file__).with_name("versions.lock.json")
GOLDEN = Path(__file__).parent / "engine" / "golden"

PRINT_VERSIONS = ("import sys; from simkit.engine.version import ENGINE_VERSION; "
                  "from simkit.understand import ANALYZER_VERSION, model; "
                  "print(ENGINE_VERSION, ANALYZER_VERSION, *[model.is_stale()][:len(sys.argv) - 1])")


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


def engine_fingerprint() -> str:
    """Every customer line, beat and state of the golden conversations."""
    digest = hashlib.sha256()
    for path in sorted(GOLDEN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, conv in sorted(data["conversations"].items()):
            session = Session(data["scenario"], seed=conv.get("seed", 0), lang=conv["lang"], clock=lambda: "")
            for line in conv["lines"]:
                if session.done:
                    break
                session.say(line, at="")
            record = session.transcript.to_dict()
            kept = [record["opening"], record["opening_beats"], record["outcome"],
                    [[t["customer"], t["beats"], t["state"]] for t in record["turns"]]]
            digest.update(json.dumps([name, kept], sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def analyzer_fingerprint() -> str:
    """The analysis of every corpus line (training and held-out)."""
    digest = hashlib.sha256()
    for row in m.load_corpus([*m.train_files(), *m.test_files()]):
        digest.update(json.dumps(analyze(row["text"]).to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def _lock() -> dict:
    return json.loads(LOCK.read_text(encoding="utf-8"))


def test_engine_behaviour_matches_its_version():
    lock = _lock()["engine"]
    if engine_fingerprint() == lock["fingerprint"]:
        return
    same = (lock["engine"], lock["analyzer"]) == (ENGINE_VERSION, ANALYZER_VERSION)
    assert not same, ("the golden conversations play differently under the same engine and analyzer versions: "
                      "bump RULES_VERSION in simkit/engine/version.py (or CUES_VERSION in analyzer.py), "
                      "then run `python -m tests.test_versions`")
    raise AssertionError("the versions changed: refresh the fingerprints with `python -m tests.test_versions`")


def test_analyzer_behaviour_matches_its_version():
    lock = _lock()["analyzer"]
    if analyzer_fingerprint() == lock["fingerprint"]:
        return
    assert lock["analyzer"] != ANALYZER_VERSION, (
        "the corpus lines are read differently under the same analyzer version: bump CUES_VERSION in "
        "simkit/understand/analyzer.py, then run `python -m tests.test_versions`")
    raise AssertionError("the analyzer version changed: refresh the fingerprints with `python -m tests.test_versions`")


def refresh() -> None:
    lock = {"engine": {"engine": ENGINE_VERSION, "analyzer": ANALYZER_VERSION, "fingerprint": engine_fingerprint()},
            "analyzer": {"analyzer": ANALYZER_VERSION, "fingerprint": analyzer_fingerprint()}}
    LOCK.write_text(json.dumps(lock, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {LOCK}")


if __name__ == "__main__":
    refresh()
