"""Schema types for bilingual content: text and the lines a customer may say, in zh and en.

Both refer to the shared JSON Schema definitions in :data:`DEFS`; every spoken line is
remembered in the :class:`~simkit.content.schema_types.Context` for the placeholder checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simkit.content.problems import YamlPath
from simkit.content.schema_types import QUOTE_COMMA, Context, Type, wrong_type
from simkit.errors import suggest
from simkit.labels import LANGS


class _Bilingual(Type):
    """A mapping of language to a value; :meth:`check_languages` checks each language's value."""

    expected = "a mapping of languages"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any, path: YamlPath, ctx: Context) -> None:
        if _languages(value, path, ctx, self.expected) and not _comma_split(value):
            self.check_languages(value, path, ctx)  # after a comma split, its one message says it all

    def check_languages(self, value: dict[str, Any], path: YamlPath, ctx: Context) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(_Bilingual):
    """Bilingual text ``{zh: str, en: str}``: each language present and non-empty."""

    expected = "bilingual text {zh: ..., en: ...}"

    def check_languages(self, value: dict[str, Any], path: YamlPath, ctx: Context) -> None:
        for lang in LANGS:
            if lang not in value:
                ctx.report(path, "missing-translation", f"missing the {lang!r} translation")
            elif not isinstance(value[lang], str):
                wrong_type("a string", value[lang], (*path, lang), ctx)
            elif not value[lang].strip():
                ctx.report((*path, lang), "missing-translation", f"the {lang!r} translation is empty")

    def json(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/text"}


@dataclass(frozen=True)
class Lines(_Bilingual):
    """Bilingual line variants ``{zh: [str, ...], en: [str, ...]}``, each list non-empty.

    ``spoken`` lines are said by the customer (so their ``{placeholders}`` are checked);
    ``allow_empty`` lets a language have an empty list (evidence cues; a check reports it).
    """

    spoken: bool = True
    allow_empty: bool = False
    expected = "bilingual lines {zh: [...], en: [...]}"

    def check_languages(self, value: dict[str, Any], path: YamlPath, ctx: Context) -> None:
        for lang in LANGS:
            variants = value.get(lang)
            where = (*path, lang)
            if lang not in value:
                ctx.report(path, "missing-translation", f"missing the {lang!r} lines")
            elif not isinstance(variants, list):
                wrong_type(f"a list of {lang!r} lines", variants, where, ctx)
            elif not variants and not self.allow_empty:
                ctx.report(where, "missing-translation", f"no {lang!r} lines: give at least one")
            else:
                for index, line in enumerate(variants):
                    if not isinstance(line, str):
                        wrong_type("a string", line, (*where, index), ctx)
                    elif not line.strip():
                        ctx.report((*where, index), "empty-text", "empty line")
                    elif self.spoken:
                        ctx.spoken.append(((*where, index), line))

    def json(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/cues" if self.allow_empty else "#/$defs/lines"}


def _languages(value: Any, path: YamlPath, ctx: Context, expected: str) -> bool:
    if not isinstance(value, dict):
        wrong_type(expected, value, path, ctx)
        return False
    for key, item in value.items():
        if key not in LANGS:
            hint = suggest(key, LANGS) or (QUOTE_COMMA if item is None else f"; use {' and '.join(LANGS)}")
            ctx.report((*path, key), "unknown-field", f"unknown language {key!r}{hint}", key=True)
    return True


def _comma_split(value: dict[str, Any]) -> bool:
    """Whether an unquoted ',' split a value into a key of its own (``{en: 150,000 yuan}``)."""
    return any(key not in LANGS and item is None for key, item in value.items())


def _lang_object(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {lang: item for lang in LANGS},
        "required": list(LANGS),
        "additionalProperties": False,
    }


#: Shared JSON Schema definitions referred to by :class:`Text` and :class:`Lines`.
DEFS: dict[str, Any] = {
    "text": {**_lang_object({"type": "string", "minLength": 1}), "description": "Bilingual text."},
    "lines": {
        **_lang_object({"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}),
        "description": "Line variants per language; one is picked at random (seeded) each time.",
    },
    "cues": {
        **_lang_object({"type": "array", "items": {"type": "string", "minLength": 1}}),
        "description": "Words per language; any one of them in the trainee's line counts.",
    },
}
