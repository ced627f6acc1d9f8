"""Read one YAML file safely into plain data plus the position of every value.

Only the JSON-like core of YAML is accepted (mappings, sequences, strings, numbers, booleans,
null; ``&anchors``, ``*aliases`` and ``<<`` merges), exactly what ``yaml.safe_load`` builds, with
three deliberate differences: mapping keys are always the key's text (so ``on:`` is the string
``"on"``, not ``True``), timestamps stay strings, and anything odd becomes a :class:`Problem`
instead of an exception. The file is parsed as a stream of events (libyaml's when available)
and composed here without recursion, which lets us stop early on:

- files over :data:`MAX_BYTES` (not even read), NUL bytes, UTF-16, invalid UTF-8;
- nesting deeper than :data:`MAX_DEPTH` (libyaml's own composer crashes on deep nesting);
- more than :data:`MAX_NODES` nodes counted through aliases (the "billion laughs" bomb);
- recursive aliases, several documents, syntax errors (at the parser's position).

Example:
    >>> doc, problems = parse_yaml(b"kind: persona\\nneeds:\\n  - id: a\\n", "p.yaml")
    >>> doc.data, doc.position(("needs", 0, "id")), problems
    ({'kind': 'persona', 'needs': [{'id': 'a'}]}, (3, 9), [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from simkit.content.problems import Problem, YamlPath, format_path
from simkit.content.yamlcompose import MAX_DEPTH, MAX_NODES, Composer, Fatal  # noqa: F401 - re-exported

MAX_BYTES = 1_000_000  # 1 MB: persona files are a few kilobytes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDoc:
    """A parsed file: its data and where each value and key starts (1-based line, column)."""

    file: str
    data: Any
    marks: dict[YamlPath, tuple[int, int]] = field(default_factory=dict, repr=False)
    key_marks: dict[YamlPath, tuple[int, int]] = field(default_factory=dict, repr=False)

    def position(self, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """Where ``path`` starts; its key with ``key=True``; else its nearest existing parent."""
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path and path not in self.marks:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: YamlPath, code: str, message: str, *, key: bool = False) -> Problem:
        """A :class:`Problem` at ``path`` in this file."""
        line, column = self.position(path, key=key)
        return Problem(self.file, line, column, format_path(path), code, message)


def read_yaml(path: Path, *, file: str | None = None) -> tuple[YamlDoc | None, list[Problem]]:
    """Read and parse ``path``; ``file`` is the name problems show (default: ``str(path)``).

    Returns:
        ``(doc, problems)``: ``doc`` is ``None`` when the file could not be parsed at all.
    """
    name = str(path) if file is None else file
    try:
        if not path.is_file():
            return None, [Problem(name, 1, 1, "", "not-a-file", "not a regular file")]
        size = path.stat().st_size
        if size > MAX_BYTES:  # not even read; a file that grows after this is caught by parse_yaml
            return None, [_too_large(name, size)]
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Problem(name, 1, 1, "", "unreadable-file", f"cannot read the file: {exc.strerror or exc}")]
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, file: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse the bytes of one YAML file; see the module docstring for what is refused."""
    if len(raw) > MAX_BYTES:
        return None, [_too_large(file, len(raw))]
    text, problem = _decode(raw, file)
    if problem:
        return None, [problem]
    if not raw:
        return None, [Problem(file, 1, 1, "", "empty-file", "the file is empty")]
    composer = Composer(file)
    try:
        data, empty = composer.compose(yaml.parse(text, Loader=_Loader))
    except Fatal as fatal:
        line, column, code, message = fatal.where
        return None, [*composer.problems, Problem(file, line, column, "", code, message)]
    except yaml.reader.ReaderError as exc:
        line, column = _char_position(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        message = f"control character U+{ord(char):04X} is not allowed in YAML"
        return None, [*composer.problems, Problem(file, line, column, "", "invalid-character", message)]
    except yaml.MarkedYAMLError as exc:
        return None, [*composer.problems, _syntax_problem(file, text, exc)]
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error we know is marked
        return None, [*composer.problems, Problem(file, 1, 1, "", "yaml-syntax", str(exc).splitlines()[0])]
    if empty:
        message = "the file holds no YAML content, only whitespace or comments"
        return None, [*composer.problems, Problem(file, 1, 1, "", "empty-file", message)]
    doc = YamlDoc(file, data, composer.marks, composer.key_marks)
    if not isinstance(data, dict):
        message = f"the top level must be a mapping (kind: persona or kind: scenario), got {describe(data)}"
        composer.problems.append(doc.problem((), "not-a-mapping", message))
    return doc, composer.problems


_DECLARED = re.compile(rb"^(kind|id):[ \t]*['\"]?([A-Za-z0-9_-]+)", re.MULTILINE)


def declared(raw: bytes) -> tuple[str | None, str | None]:
    """``(kind, id)`` as the top-level lines of a file that did not parse declare them, if they do.

    What lets a scenario that names a persona whose file has a syntax error get no second,
    knock-on problem (one mistake, one message).

    Example:
        >>> declared(b"# Li\\nkind: persona\\nid: li-na\\nneeds: [a, b\\n")
        ('persona', 'li-na')
    """
    found = {key.decode(): value.decode() for key, value in _DECLARED.findall(raw)}
    return found.get("kind"), found.get("id")


def describe(value: Any) -> str:
    """A short phrase for a value's type, for messages (``"a list"``, ``"the number 3"``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover


def _too_large(file: str, size: int) -> Problem:
    message = f"the file is {size / 1_000_000:.1f} MB, over the {MAX_BYTES // 1_000_000} MB limit; it was not parsed"
    return Problem(file, 1, 1, "", "file-too-large", message)


def _decode(raw: bytes, file: str) -> tuple[str, Problem | None]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(file, 1, 1, "", "binary-file", "the file is UTF-16 encoded; save it as UTF-8")
    nul = raw.find(b"\0")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        return "", Problem(file, line, column, "", "binary-file", f"not a text file: NUL byte at byte offset {nul}")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        message = f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}; save the file as UTF-8"
        return "", Problem(file, line, column, "", "not-utf8", message)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


def _char_position(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _syntax_problem(file: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        message = "tab character in indentation or between tokens; YAML needs spaces"
    elif exc.problem and exc.problem.startswith("mapping values are not allowed"):
        message = "a ': ' inside a value starts a mapping: quote this value (\"...\")"
    elif exc.context and exc.context_mark and exc.problem:
        cm = exc.context_mark
        message += f" ({exc.context} at line {cm.line + 1}, column {cm.column + 1})"
        last_item = re.split(r"[,{\[]", text[max(cm.index, mark.index - mark.column):mark.index + 2] if mark else "")[-1]
        if exc.context == "while parsing a flow mapping" and last_item.count(": ") >= 2:  # {en: Age: 30}
            message += "; a ': ' or ',' inside a value splits it: quote this value (\"...\")"
    return Problem(file, line, column, "", "yaml-syntax", message)
