"""Reading YAML safely: the same data as yaml.safe_load, positions, limits, and never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from simkit.content import yamlsource
from simkit.content.checks import run_checks
from simkit.content.schema import check_document
from simkit.content.yamlsource import MAX_NODES, parse_yaml, read_yaml

HERE = Path(__file__).parent
REPO = HERE.parent.parent
VALID = sorted([*(REPO / "scenarios").rglob("*.yaml"), *(HERE / "fixtures").rglob("*.yaml")])


def _keys_as_text(value):
    """safe_load reads a bare ``on:``/``yes:`` key as a boolean; simkit keeps the key's text."""
    if isinstance(value, dict):
        return {("on" if k is True else "off" if k is False else k): _keys_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_keys_as_text(v) for v in value]
    return value


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_same_data_as_safe_load(path):
    doc, problems = read_yaml(path)
    assert problems == []
    assert doc.data == _keys_as_text(yaml.safe_load(path.read_bytes()))


def test_positions_of_values_and_keys():
    doc, _ = read_yaml(HERE / "fixtures/personas/wang-lei.yaml", file="w.yaml")
    assert doc.position(("needs", 1, "reveal", "by", 0)) == (23, 19)
    assert doc.position(("needs", 1, "reveal", "min_trust")) == (23, 63)
    assert doc.position(("needs", 1, "reveal", "min_trust"), key=True) == (23, 52)
    assert doc.position(("lines", "leave", "en", 0)) == (51, 28)  # columns count characters, not bytes
    assert doc.position(("needs", 1, "missing", "deeper")) == doc.position(("needs", 1))  # nearest parent
    assert doc.problem(("needs", 1, "topic"), "x", "y").format() == "w.yaml:21:12: needs[1].topic: y (x)"


def test_scalars_follow_safe_load_except_keys_and_timestamps():
    doc, problems = parse_yaml(b"on: yes\n1: 0x10\nnull: ~\nwhen: 2024-05-01\nf: 1.5e+3\ng: 1.5e3\nq: 'yes'\n", "t.yaml")
    assert problems == []
    assert doc.data == {"on": True, "1": 16, "null": None, "when": "2024-05-01", "f": 1500.0, "g": "1.5e3", "q": "yes"}


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_libyaml_and_pure_python_parsers_agree(path, monkeypatch):
    fast, _ = read_yaml(path)
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    slow, problems = read_yaml(path)
    assert problems == []
    assert (slow.data, slow.marks, slow.key_marks) == (fast.data, fast.marks, fast.key_marks)


def test_anchors_aliases_and_merge_keys():
    text = b"base: &b {greet: {zh: [hi], en: [hi]}}\nlines:\n  <<: *b\n  leave: {zh: [bye], en: [bye]}\ncopy: *b\n"
    doc, problems = parse_yaml(text, "t.yaml")
    assert problems == []
    assert doc.data["lines"] == {"leave": {"zh": ["bye"], "en": ["bye"]}, "greet": {"zh": ["hi"], "en": ["hi"]}}
    assert doc.data["copy"] == doc.data["base"]
    # merged and aliased values point at where they are written
    assert doc.position(("lines", "greet", "en", 0)) == (1, 34)
    assert doc.position(("copy", "greet", "zh")) == (1, 23)
    assert doc.position(("lines", "leave")) == (4, 10)


def test_explicit_keys_win_over_merged_ones():
    doc, _ = parse_yaml(b"a: &a {x: 1, y: 2}\nb: {y: 3, <<: *a}\n", "t.yaml")
    assert doc.data["b"] == {"y": 3, "x": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"a: 1\nb: [1, 2]\na: 3\n", "t.yaml:3:1: a: duplicate key 'a' (first at line 1, column 1) (duplicate-key)"),
        (b"? [a, b]\n: 1\n", "t.yaml:1:3: mapping keys must be plain words, not collections (invalid-key)"),
        (b"a: !!binary aGk=\n", "t.yaml:1:4: a: YAML tag !!binary is not supported; remove it (unsupported-tag)"),
        (b"a: !!int x\n", "t.yaml:1:4: a: 'x' is not a valid int (invalid-value)"),
        (b"a: 1\nb: {<<: 5}\n", "t.yaml:2:4: b[\"<<\"]: '<<' merges a mapping or a list of mappings (invalid-key)"),
        (b"a: *nope\n", "t.yaml:1:4: alias *nope has no matching anchor &nope before it (yaml-syntax)"),
        (b"\xef\xbb\xbfa: [\n", "t.yaml:2:1: did not find expected node content (while parsing a flow node at line 2, column 1) (yaml-syntax)"),
        (b"\xff\xfea\x00:\x00", "t.yaml:1:1: the file is UTF-16 encoded; save it as UTF-8 (binary-file)"),
    ],
)
def test_problems_while_reading(text, expected):
    _, problems = parse_yaml(text, "t.yaml")
    assert [p.format() for p in problems] == [expected]


def test_node_limit_without_aliases():
    text = b"a: [" + b"1," * (MAX_NODES + 5) + b"1]\n"
    _, problems = parse_yaml(text, "t.yaml")
    assert [p.code for p in problems] == ["document-too-large"]


def test_unreadable_and_non_regular_paths(tmp_path):
    assert [p.code for p in read_yaml(tmp_path)[1]] == ["not-a-file"]


def test_never_a_traceback_on_mangled_files():
    """Truncate and corrupt real files at random: every outcome is problems, never an exception."""
    rng = random.Random(20240501)
    sources = [p.read_bytes() for p in VALID]
    for _ in range(400):
        raw = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(raw) + 1)
            action = rng.randrange(4)
            if action == 0:
                del raw[at:]
            elif action == 1 and at < len(raw):
                raw[at] = rng.randrange(256)
            elif action == 2:
                raw[at:at] = rng.choice([b"&a ", b"*a", b"{", b"]", b"\t", b": ", b"- ", b"'", b"\n  ", b"<<: "])
            else:
                del raw[at : at + rng.randint(1, 40)]
        doc, problems = parse_yaml(bytes(raw), "m.yaml")
        if doc is not None:
            run_checks([check_document(doc)])
        assert all(p.line >= 1 and p.column >= 1 for p in problems)
