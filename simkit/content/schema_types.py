"""The building blocks of the content schema: each type validates a value and exports JSON Schema.

A schema is a tree of these declarations (see :mod:`simkit.content.schema`). ``check`` reports
every problem it finds into a :class:`Context` and never raises; ``json`` returns the matching
JSON Schema (draft 2020-12) fragment, so validation and editor autocompletion come from the
same declaration. Bilingual values are in :mod:`simkit.content.schema_text`.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from simkit.content.problems import Problem, YamlPath
from simkit.content.yamlsource import YamlDoc, describe
from simkit.errors import suggest


#: A rule across a record's fields: ``rule(value, document root)`` yields ``(path below the
#: record, code, message)`` for each problem (run only when the fields themselves are right).
Rule = Callable[[dict[str, Any], dict[str, Any]], Iterable[tuple[YamlPath, str, str]]]


class Context:
    """Collects problems while one document is checked, plus every spoken line it met."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.spoken: list[tuple[YamlPath, str]] = []  # (path, text) of each line the customer may say

    def report(self, path: YamlPath, code: str, message: str, *, key: bool = False) -> None:
        """Record a problem at ``path`` (at its key with ``key=True``)."""
        self.problems.append(self.doc.problem(path, code, message, key=key))


class Type:
    """A schema type. Subclasses set ``expected`` (a phrase such as ``"a whole number"``)."""

    expected = "a value"

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` has the right Python type (used to pick a branch of :class:`AnyOf`)."""
        return True

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        """Report every problem of ``value`` (found at ``path``) into ``ctx``."""
        if not self.accepts(value):
            wrong_type(self.expected, value, path, ctx)

    def json(self) -> dict[str, Any]:
        """This type as a JSON Schema fragment."""
        return {}


def wrong_type(expected: str, value: Any, path: YamlPath, ctx: Context) -> None:
    """Report a ``wrong-type`` problem, with a hint to quote words YAML read as something else."""
    hint = ""
    if "string" in expected or "text" in expected or "lines" in expected:
        if value is None or isinstance(value, bool | int | float):
            hint = "; put it in quotes if you mean text"
        elif isinstance(value, dict) and len(value) == 1:
            hint = QUOTE_COLON
    ctx.report(path, "wrong-type", f"expected {expected}, got {describe(value)}{hint}")


#: Said when YAML split a value at ": " or ", " (flow style), the commonest authoring mistake.
QUOTE_COLON = "; a ': ' inside a value starts a mapping: quote this value (\"...\")"
QUOTE_COMMA = "; if it belongs to the value before it, a ',' ended that value: quote this value (\"...\")"


def _split_hint(item: Any) -> str:
    """The comma hint for an unknown key with no value (``{en: Hi, I'm here}`` reads ``I'm here:``)."""
    return QUOTE_COMMA if item is None else ""


@dataclass(frozen=True)
class Str(Type):
    """A non-blank string, optionally matching ``pattern`` (``hint`` explains the pattern)."""

    pattern: str | None = None
    hint: str = ""
    code: str = "invalid-value"
    expected = "a string"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if not isinstance(value, str):
            wrong_type(self.expected, value, path, ctx)
        elif not value.strip():
            ctx.report(path, "empty-text", "empty text")
        elif self.pattern and not re.fullmatch(self.pattern, value):
            ctx.report(path, self.code, f"{value!r} is not valid: {self.hint or 'must match ' + self.pattern}")

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            out["pattern"] = f"^(?:{self.pattern})$"
        return out


@dataclass(frozen=True)
class Num(Type):
    """A number between ``min`` and ``max`` (inclusive); whole numbers only with ``whole``."""

    min: float | None = None
    max: float | None = None
    whole: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "a whole number" if self.whole else "a number"

    def accepts(self, value: Any) -> bool:
        kinds = int if self.whole else int | float
        return isinstance(value, kinds) and not isinstance(value, bool)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if not self.accepts(value) or not math.isfinite(value):
            wrong_type(self.expected, value, path, ctx)
        elif (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            if self.max is None:
                bounds = f"at least {self.min}"
            elif self.min is None:
                bounds = f"at most {self.max}"
            else:
                bounds = f"between {self.min} and {self.max}"
            ctx.report(path, "out-of-range", f"must be {bounds}, got {value}")

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer" if self.whole else "number"}
        if self.min is not None:
            out["minimum"] = self.min
        if self.max is not None:
            out["maximum"] = self.max
        return out


def Int(min: int | None = None, max: int | None = None) -> Num:  # noqa: N802 - reads like a type
    """A whole number between ``min`` and ``max`` (inclusive)."""
    return Num(min, max, whole=True)


@dataclass(frozen=True)
class Bool(Type):
    """``true`` or ``false``."""

    expected = "true or false"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, bool)

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(Type):
    """One of a fixed set of strings; an unknown one gets ``code`` and a "did you mean"."""

    values: tuple[str, ...]
    noun: str
    code: str = "invalid-value"
    expected = "a string"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if not isinstance(value, str):
            wrong_type(f"a {self.noun} ({', '.join(self.values)})", value, path, ctx)
        elif value not in self.values:
            hint = suggest(value, self.values) or f"; expected one of: {', '.join(self.values)}"
            ctx.report(path, self.code, f"unknown {self.noun} {value!r}{hint}")

    def json(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class ListOf(Type):
    """A list of ``item``, with at least ``min_items`` items."""

    item: Type
    min_items: int = 0
    unique: bool = False  # a value listed twice is a ``duplicate``
    expected = "a list"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if not isinstance(value, list):
            wrong_type(self.expected, value, path, ctx)
            return
        if len(value) < self.min_items:
            ctx.report(path, "invalid-value", f"needs at least {self.min_items} item{'s' * (self.min_items > 1)}")
        seen: list[Any] = []
        for index, item in enumerate(value):
            if self.unique and item in seen and isinstance(item, str):
                ctx.report((*path, index), "duplicate", f"{item!r} is listed twice")
                continue
            seen.append(item)
            self.item.check(item, (*path, index), ctx)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return out


@dataclass(frozen=True)
class Field:
    """One field of a :class:`Record`.

    Attributes:
        name: The key in the file.
        type: Its schema type.
        required: Whether the key must be present.
        description: What the field means (exported to JSON Schema, shown by editors).
        default: The value the model uses when the key is absent (documentation only).
        missing_code: The problem code when a required field is absent.
    """

    name: str
    type: Type
    required: bool = False
    description: str = ""
    default: Any = None
    missing_code: str = "missing-field"


@dataclass(frozen=True)
class Record(Type):
    """A mapping with declared fields; other keys are ``unknown-field`` unless ``extra`` types them."""

    fields: tuple[Field, ...]
    extra: Type | None = None
    description: str = ""
    missing_noun: str = "field"
    hints: dict[str, tuple[str, str]] = field(default_factory=dict)  # unknown key -> (hint, field meant)
    unknown_hint: str = ""  # said after the known fields when an unknown key resembles none
    unknown: tuple[str, str] = ("field", "unknown-field")  # what an unknown key is called, and its code
    rules: tuple[Rule, ...] = ()  # checks across fields, run once every field passed its own
    expected = "a mapping"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)

    def field(self, name: str) -> Field | None:
        """The declared field called ``name``, if any."""
        return next((f for f in self.fields if f.name == name), None)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if not isinstance(value, dict):
            wrong_type(self.expected, value, path, ctx)
            return
        names = [f.name for f in self.fields]
        before = len(ctx.problems)
        meant: set[str] = set()  # fields an unknown key is taken for: their absence is the same mistake
        for key, item in value.items():
            declared = self.field(key)
            if declared is not None:
                declared.type.check(item, (*path, key), ctx)
            elif self.extra is not None:
                self.extra.check(item, (*path, key), ctx)
            else:
                if key in self.hints:
                    hint, target = self.hints[key]
                    meant.add(target)
                else:
                    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
                    meant.update(close)
                    hint = suggest(key, names) or f"; known {self.unknown[0]}s: {', '.join(names)}{self.unknown_hint}"
                noun, code = self.unknown
                ctx.report((*path, key), code, f"unknown {noun} {key!r}{hint}{_split_hint(item)}", key=True)
        for declared in self.fields:
            if declared.required and declared.name not in value and declared.name not in meant:
                ctx.report(path, declared.missing_code, f"missing required {self.missing_noun} {declared.name!r}")
        if self.rules and len(ctx.problems) == before:  # cross-field rules only on fields that are right
            for rule in self.rules:
                for where, code, message in rule(value, ctx.doc.data if isinstance(ctx.doc.data, dict) else {}):
                    ctx.report((*path, *where), code, message)

    def json(self) -> dict[str, Any]:
        properties = {}
        for f in self.fields:
            prop = dict(f.type.json())
            if f.description:
                prop["description"] = f.description
            if f.default is not None:
                prop["default"] = f.default
            properties[f.name] = prop
        out: dict[str, Any] = {"type": "object", "properties": properties}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = self.extra.json() if self.extra is not None else False
        if self.description:
            out["description"] = self.description
        return out


@dataclass(frozen=True)
class MapOf(Type):
    """A mapping whose keys are free (checked by ``key``) and whose values are all ``value``."""

    value: Type
    key: Str = field(default_factory=Str)
    expected = "a mapping"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if not isinstance(value, dict):
            wrong_type(self.expected, value, path, ctx)
            return
        for key, item in value.items():
            if self.key.pattern and not re.fullmatch(self.key.pattern, key):
                ctx.report((*path, key), self.key.code, f"key {key!r} is not valid: {self.key.hint}", key=True)
            self.value.check(item, (*path, key), ctx)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.value.json()}
        if self.key.pattern:
            out["propertyNames"] = {"pattern": f"^(?:{self.key.pattern})$"}
        return out


@dataclass(frozen=True)
class AnyOf(Type):
    """One of several types, picked by the value's Python type (first match wins)."""

    options: tuple[Type, ...]
    expected_text: str = ""

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.expected_text or " or ".join(o.expected for o in self.options)

    def accepts(self, value: Any) -> bool:
        return any(o.accepts(value) for o in self.options)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        option = next((o for o in self.options if o.accepts(value)), None)
        if option is None:
            wrong_type(self.expected, value, path, ctx)
        else:
            option.check(value, path, ctx)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [o.json() for o in self.options]}
