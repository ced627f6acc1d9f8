"""Problems found in content files: small sortable values with a stable code.

A :class:`Problem` says where (file, 1-based line and column, YAML path), what (a message a
scenario author can act on) and which rule (a stable ``code``, listed in :data:`CODES`).
Loading and validation collect every problem rather than stopping at the first; the CLI
prints them sorted by position, like yamllint::

    scenarios/personas/li.yaml:14:5: needs[2].reveal.by[0]: unknown technique 'opne_question'; did you mean 'open_question'? (unknown-technique)
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

PathPart = str | int
YamlPath = tuple[PathPart, ...]

#: Every problem code simkit emits, with what it means. Codes are stable: tools may filter on them.
CODES: dict[str, str] = {
    # reading and parsing a file
    "no-such-path": "a path given to validate or load does not exist",
    "no-files": "a folder holds no *.yaml or *.yml file",
    "not-a-file": "the path is not a regular file",
    "unreadable-file": "the file cannot be read (permissions, I/O error)",
    "file-too-large": "the file is over the size limit and was not parsed",
    "binary-file": "the file contains NUL bytes or is UTF-16: it is not a YAML text file",
    "not-utf8": "the file is not valid UTF-8",
    "invalid-character": "a control character YAML does not allow",
    "empty-file": "the file is empty or holds only comments and whitespace",
    "yaml-syntax": "the YAML cannot be parsed",
    "multiple-documents": "more than one YAML document ('---') in one file",
    "too-many-aliases": "aliases expand to more nodes than the limit (a 'billion laughs' bomb)",
    "document-too-large": "the document has more nodes than the limit",
    "too-deep": "collections nested deeper than the limit",
    "recursive-alias": "an alias refers to a collection that contains it",
    "unsupported-tag": "an explicit YAML tag other than the plain JSON-like types",
    "invalid-key": "a mapping key that is not a plain scalar",
    "duplicate-key": "the same key twice in one mapping",
    "not-a-mapping": "the top level of the file is not a mapping",
    # schema
    "newer-format": "the file's format_version is newer than this simkit reads",
    "unknown-kind": "'kind' is not persona, scenario or references",
    "missing-field": "a required field is missing",
    "unknown-field": "a field the schema does not know (often a typo)",
    "wrong-type": "a value of the wrong type",
    "invalid-value": "a value outside the allowed set or pattern",
    "invalid-id": "an id that does not follow the id pattern",
    "out-of-range": "a number outside its allowed range",
    "missing-translation": "a bilingual value lacks a language or has it empty",
    "empty-text": "an empty or blank string where words are needed",
    "unknown-technique": "a technique label not in simkit.labels.TECHNIQUES",
    "unknown-topic": "a topic label not in simkit.labels.TOPICS",
    "missing-line": "a persona lacks one of the reaction lines every persona needs",
    # cross-references
    "duplicate-id": "two things share an id (two files, or two needs/objections/asks in a file)",
    "unknown-persona": "a scenario names a persona no file defines",
    "unknown-scenario": "a references file names a scenario no file defines",
    "unknown-need": "goal.requires.needs (or a variant) names a need the persona does not have",
    "unknown-objection": "goal.requires.objections (or a variant) names an objection the persona does not have",
    "dead-goal": "the goal needs an objection resolved that is never raised before the last turn, or whose proof the channel cannot show",
    "unrevealable-need": "no trainee move can ever reveal the need",
    "unresolvable-objection": "no evidence can ever resolve the objection in some language",
    "unraisable-objection": "nothing ever makes the customer raise the objection",
    "unknown-placeholder": "a {placeholder} in a line that is neither a persona fact nor a profile key",
    "invalid-placeholder": "braces in a line that are not a plain {name} placeholder",
    "unreachable-ask": "a customer question scheduled after the last turn",
    "invalid-window": "an availability window that does not close after it opens",
    "unknown-fact": "a figure, a negotiation or a variant names a fact the persona does not have",
    "not-numeric": "a fact a rule computes with holds no number",
    "needs-negotiation": "a seller, a trade-in or a valuation goal without a seller's stance on his car",
    "needs-decision-maker": "the goal requires a second decision maker the persona does not declare",
    "invalid-goal": "goal fields that do not fit together (within_hours without a time, a complaint goal without a complaint)",
    # the scoring: section (codes from simkit.scoring.rubric.check_scoring)
    "unknown-dimension": "scoring: an unknown rubric dimension",
    "unknown-behaviour": "scoring: an unknown behaviour",
    "unknown-act": "scoring: an unknown forbidden act",
    "duplicate": "scoring: a name listed twice",
    "tier-order": "scoring: tiers not in increasing order",
}

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file.

    Attributes:
        file: The file as it was given or found (``scenarios/personas/li.yaml``).
        line: 1-based line of the offending node (1 for whole-file problems).
        column: 1-based column, counted in characters.
        path: The YAML path (``needs[2].reveal.by[0]``); empty for whole-file problems.
        code: A stable rule id from :data:`CODES` (``unknown-technique``).
        message: What is wrong and, where possible, how to fix it.

    Problems sort by file, then position, then path, code and message.

    Example:
        >>> Problem("li.yaml", 14, 5, "needs[2].reveal.by[0]", "unknown-technique", "unknown technique 'x'").format()
        "li.yaml:14:5: needs[2].reveal.by[0]: unknown technique 'x' (unknown-technique)"
    """

    file: str
    line: int
    column: int
    path: str
    code: str
    message: str

    def format(self) -> str:
        """``file:line:column: path: message (code)``; the path is left out when empty."""
        where = f"{self.file}:{self.line}:{self.column}: "
        if self.path:
            where += f"{self.path}: "
        return f"{where}{self.message} ({self.code})"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return asdict(self)

    def __str__(self) -> str:
        return self.format()


def value_at(mapping: Any, *keys: str) -> Any:
    """``mapping[k1][k2]...``, or None when any level is missing or not a mapping.

    Example:
        >>> value_at({"goal": {"kind": "visit"}}, "goal", "kind"), value_at({"goal": 3}, "goal", "kind")
        ('visit', None)
    """
    for key in keys:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def format_path(parts: YamlPath) -> str:
    """Render a YAML path tuple the way problems show it.

    Example:
        >>> format_path(("needs", 2, "reveal", "by", 0))
        'needs[2].reveal.by[0]'
        >>> format_path(("facts", "two words"))
        'facts["two words"]'
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


_SEGMENT = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def parse_path(text: str) -> YamlPath:
    """The inverse of :func:`format_path` (unparseable tails are dropped).

    Example:
        >>> parse_path("scoring.tiers[0].min_total")
        ('scoring', 'tiers', 0, 'min_total')
    """
    parts: list[PathPart] = []
    pos = 0
    while pos < len(text):
        match = _SEGMENT.match(text, pos)
        if not match:
            break
        name, index, quoted = match.groups()
        parts.append(name if name is not None else int(index) if index is not None else json.loads(quoted))
        pos = match.end()
    return tuple(parts)
