"""How simkit reads a consultant's lines: a self-check for trainees before a graded cell."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from simkit.understand import Analysis, analyze

_HEAD = {"zh": ("你写的话", "技巧", "话题"), "en": ("Your line", "Techniques", "Topics")}


@dataclass(frozen=True)
class Reading:
    """The analyses of some lines, shown as a table in a notebook."""

    lang: str
    analyses: tuple[Analysis, ...]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in _HEAD[self.lang])
        rows = "".join(f"<tr><td>{escape(a.text)}</td><td>{escape(', '.join(a.techniques))}</td>"
                       f"<td>{escape(', '.join(a.topics))}</td></tr>" for a in self.analyses)
        return f"<table><tr>{head}</tr>{rows}</table>"

    def __str__(self) -> str:
        return "\n".join(f"{a.text}  ->  {', '.join(a.techniques)} | {', '.join(a.topics)}" for a in self.analyses)


def reading(lines: str | list[str] | tuple[str, ...], lang: str) -> Reading:
    """Read ``lines`` (one text or several) the way a simulated customer will."""
    items = [lines] if isinstance(lines, str) else list(lines)
    return Reading(lang, tuple(analyze(str(line), lang=lang) for line in items))
