"""``simkit migrate``: rewrite persona and scenario files to the current format, keeping comments.

The edits are those of :mod:`simkit.content.formats`, applied to the text rather than to a
re-serialised document, so comments, key order, quoting and flow style survive: a removed key
loses its line in a block mapping (``traits:`` on several lines) or its ``key: value`` and one
comma in a flow mapping (``{patience: 5, price_sensitivity: 0.6}``); the version key is added
just above ``kind:``, or its number replaced. Files with problems are left alone (fix them first:
the positions of the edits come from a clean parse), and the write is atomic.

For example, ``simkit migrate scenarios/personas/zhou-jian.yaml`` on a format-1 file prints::

    scenarios/personas/zhou-jian.yaml:19: traits.price_sensitivity: removed (nothing read it; ...)
    scenarios/personas/zhou-jian.yaml:2: format_version: set to 2 (format 1 -> 2)
    1 file: 1 changed, 0 not migrated
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from simkit.content import formats
from simkit.content.formats import Change
from simkit.content.problems import Problem, format_path
from simkit.content.schema import check_document
from simkit.content.yamlsource import parse_yaml
from simkit.safeio import atomic_write_text


@dataclass
class FileReport:
    """What ``migrate`` did to one file: the changes, or the problems that stopped it."""

    file: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines_at: list[int] = field(default_factory=list)  # the line of each change, in the file as it was

    def lines(self) -> list[str]:
        """What ``simkit migrate`` prints for this file."""
        if self.problems:
            return [p.format() for p in self.problems] + [f"{self.file}: not migrated: fix the problems above first"]
        if not self.changes:
            return [f"{self.file}: already format {formats.FORMAT_VERSION}, unchanged"]
        return [f"{self.file}:{line}: {change}" for line, change in zip(self.lines_at, self.changes)]


def migrate_text(text: str, file: str) -> tuple[str, list[Change], list[Problem]]:
    """The text of ``file`` at the current format, the changes made, and any problems that stopped it."""
    new_text, changes, problems, _ = _migrate(text, file)
    return new_text, changes, problems


def _migrate(text: str, file: str) -> tuple[str, list[Change], list[Problem], list[int]]:
    doc, problems = parse_yaml(text.encode("utf-8"), file)
    if doc is None or problems:
        return text, [], problems, []
    changes = formats.pending(doc.data) if isinstance(doc.data, dict) else []
    checked = check_document(doc)  # this applies the changes to doc.data, in memory only
    if checked.problems:
        return text, [], checked.problems, []
    raw = yaml.compose(text, Loader=yaml.SafeLoader)
    edits = [_edit(text, raw, change) for change in changes]
    lines = [text.count("\n", 0, start) + 1 for start, _, _ in edits]
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, changes, [], lines


def migrate_files(paths: Iterable[Path | str], *, dry_run: bool = False) -> list[FileReport]:
    """Migrate every content file under ``paths`` (written in place unless ``dry_run``)."""
    from simkit.content.library import find_content_files

    files, missing = find_content_files(list(paths))
    reports = [FileReport(p.file, problems=[p]) for p in missing]
    for path, name in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reports.append(FileReport(name, problems=[Problem(name, 1, 1, "", "unreadable-file", str(exc))]))
            continue
        new_text, changes, problems, lines = _migrate(text, name)
        if changes and not dry_run:
            atomic_write_text(path, new_text)
        reports.append(FileReport(name, changes, problems, lines))
    return reports


def _edit(text: str, root: yaml.Node, change: Change) -> tuple[int, int, str]:
    """``(start, end, replacement)`` in ``text`` that makes ``change``."""
    *parents, last = change.path
    mapping = root
    for part in parents:
        mapping = _value_node(mapping, part)
    pair = next(((k, v) for k, v in mapping.value if k.value == last), None)
    if change.remove:
        return _removal(text, mapping, *pair)
    rendered = yaml.safe_dump(change.value, default_flow_style=True).removesuffix("\n...\n").strip()
    if pair is not None:  # replace the value's text
        return pair[1].start_mark.index, pair[1].end_mark.index, rendered
    kind = next(k for k, _ in root.value if k.value == "kind")
    line_start = text.rfind("\n", 0, kind.start_mark.index) + 1
    return line_start, line_start, f"{format_path(change.path)}: {rendered}\n"


def _value_node(mapping: yaml.MappingNode, key: object) -> yaml.Node:
    return next(v for k, v in mapping.value if k.value == key)


def _removal(text: str, mapping: yaml.MappingNode, key: yaml.Node, value: yaml.Node) -> tuple[int, int, str]:
    start, end = key.start_mark.index, value.end_mark.index
    if not mapping.flow_style:  # the whole line(s), with a comment at the end of the last one
        line_start = text.rfind("\n", 0, start) + 1
        if isinstance(value, yaml.CollectionNode) and not value.flow_style:  # ends where the next key starts
            return line_start, text.rfind("\n", 0, end) + 1, ""
        newline = text.find("\n", end)
        return line_start, len(text) if newline < 0 else newline + 1, ""
    after = re.compile(r"\s*,[ \t]*").match(text, end)
    if after:  # "a: 1, " -> ""
        return start, after.end(), ""
    before = re.search(r",\s*\Z", text[:start])  # the last pair: ", a: 1" -> ""
    return (before.start() if before else start), end, ""
