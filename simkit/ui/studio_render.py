"""HTML for the scenario studio. Every piece of file text is escaped here.

Scenario and persona files are written by authors and may hold markup (a ``<script>`` in a
customer line must show as text): nothing from a file reaches the returned strings without
:func:`html.escape`, and the only markup is this module's own. A problem is a link carrying its
line and column; the page's script (the ``simkit-trainer`` template) selects that line in the
editor when it is chosen.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from simkit.labels import LANGS
from simkit.ui.labels import name_of, stage_name
from simkit.ui.trainer_labels import tr

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.problems import Problem
    from simkit.ui.studio_model import SpokenGroup
    from simkit.selfcheck import LibraryReport
    from simkit.ui.studio_play import Played

STYLE = """<style>
.simkit-trainer{font-family:system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.simkit-problems ol{padding-left:1.4em;margin:.3em 0}.simkit-problems li{margin:.25em 0}
.simkit-jump{cursor:pointer;color:#0b5cad;text-decoration:underline}
.simkit-code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f4f4f4;padding:0 .3em;white-space:pre-wrap}
.simkit-ok{color:#176117}.simkit-bad{color:#a11}.simkit-muted{color:#666;font-size:.9em}
.simkit-lines{border-collapse:collapse;width:100%;table-layout:fixed}.simkit-lines td:first-child{width:24%}
.simkit-lines ul{margin:0;padding-left:1.1em}.simkit-lines li{line-height:1.35;margin:.15em 0}.simkit-lines td,.simkit-lines th{border:1px solid #ddd;
 padding:.3em .5em;vertical-align:top;text-align:left}.simkit-lines th{background:#f4f4f4}
.simkit-turn{border:1px solid #ddd;border-radius:6px;padding:.4em .6em;margin:.4em 0}
.simkit-turn .who{font-weight:600}.simkit-beat{margin:.1em 0 .1em 1em;font-size:.92em}
.simkit-editor textarea{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;line-height:1.4;
 white-space:pre;overflow-wrap:normal;overflow-x:auto}
</style>"""


def problems(found: list[Problem], others: list[Problem], text: str, lang: str) -> str:
    """The edited file's problems, each a link to its line, and a count of the folder's others."""
    lines = text.splitlines()
    if not found:
        out = [f'<div class="simkit-problems simkit-ok" data-problems="0">{escape(tr("no-problems", lang))}</div>']
    else:
        out = [f'<div class="simkit-problems" data-problems="{len(found)}">'
               f'<b class="simkit-bad">{escape(tr("problems", lang, n=len(found)))}</b><ol>']
        for p in found:
            source = lines[p.line - 1].strip() if 0 < p.line <= len(lines) else ""
            where = f"{p.path}: " if p.path else ""
            out.append(f'<li><a class="simkit-jump" data-line="{p.line}" data-column="{p.column}">'
                       f"{escape(tr('line', lang, line=p.line))}:{p.column}</a> "
                       f"{escape(where)}{escape(p.message)} <span class=\"simkit-muted\">({escape(p.code)})</span>"
                       + (f'<br><span class="simkit-code">{escape(source)}</span>' if source else "") + "</li>")
        out.append("</ol></div>")
    if others:
        out.append(f'<div class="simkit-muted">{escape(tr("other-problems", lang, n=len(others)))}<ul>'
                   + "".join(f"<li>{escape(p.format())}</li>" for p in others[:20]) + "</ul></div>")
    return "".join(out)


def preview(groups: list[SpokenGroup], values: dict[str, dict[str, str]], lang: str) -> str:
    """Every place the customer speaks, the zh and en lines side by side, placeholders filled."""
    from simkit.ui.studio_play import fill

    if not groups:
        return f"<i>{escape(tr('preview-none', lang))}</i>"
    out = [f'<p class="simkit-muted">{escape(tr("preview-note", lang))}</p><table class="simkit-lines">',
           "<tr><th></th>" + "".join(f"<th>{'中文' if code == 'zh' else 'English'}</th>" for code in LANGS) + "</tr>"]
    for group in groups:
        cells = []
        for code in LANGS:
            items = "".join(f"<li>{escape(fill(line, values.get(code, {})))}</li>" for line in group.lines.get(code, []))
            cells.append(f"<td><ul>{items}</ul></td>")
        out.append(f'<tr data-path="{escape(group.path)}"><td><a class="simkit-jump" data-line="{group.line}" '
                   f'data-column="1">{escape(group.path)}</a></td>{"".join(cells)}</tr>')
    out.append("</table>")
    return "".join(out)


def played(result: Played, lang: str) -> str:
    """A quick conversation, each turn with how the line was read and what the director decided."""
    out = []
    for turn in result.turns:
        head = tr("opening", lang) if turn.n == 0 else tr("turn", lang, n=turn.n)
        block = [f'<div class="simkit-turn" data-turn="{turn.n}"><div class="simkit-muted">{escape(head)}</div>']
        if turn.trainee:
            block.append(f'<div><span class="who">{escape(tr("trainee", lang))}:</span> {escape(turn.trainee)}</div>')
            read = [name_of("technique", t, lang) for t in turn.techniques] + [name_of("topic", t, lang) for t in turn.topics]
            block.append(f'<div class="simkit-muted">{escape(tr("read-as", lang))}: {escape(", ".join(read) or "—")}</div>')
        block.append(f'<div><span class="who">{escape(tr("customer", lang))}:</span> {escape(turn.customer)}</div>')
        block.append(f'<div class="simkit-muted">{escape(tr("decided", lang))}:</div>')
        for kind, words, effects in turn.beats:
            fx = " ".join(f"{_meter(k, lang)} {v:+d}" for k, v in effects.items())
            block.append(f'<div class="simkit-beat" data-beat="{escape(kind)}">• {escape(words)}'
                         + (f' <span class="simkit-muted">[{escape(fx)}]</span>' if fx else "") + "</div>")
        if turn.state:
            s = turn.state
            block.append(f'<div class="simkit-muted">{escape(tr("state-after", lang))}: '
                         f"{escape(stage_name(str(s.get('stage')), lang))} · "
                         f"{escape(_meter('trust', lang))} {s.get('trust')} · {escape(_meter('interest', lang))} {s.get('interest')} · "
                         f"{escape(_meter('patience', lang))} {s.get('patience')}</div>")
        block.append("</div>")
        out.append("".join(block))
    out.append(f'<p class="simkit-outcome"><b>{escape(tr("outcome", lang))}:</b> {escape(result.outcome)}</p>')
    return "".join(out)


def checks(report: LibraryReport, lang: str) -> str:
    """``simkit check``'s report: the folder's problems, or each scenario's results in words.

    A reference's row carries what it got (``data-outcome``, ``data-total``, ``data-band``) when it
    met its expectations; the words say what it got otherwise, as ``simkit check`` prints them.
    """
    if report.problems:
        items = "".join(f"<li>{escape(p.format())}</li>" for p in report.problems[:50])
        return (f'<div class="simkit-checks" data-failed="{len(report.problems)}" data-problems="{len(report.problems)}">'
                f'<b class="simkit-bad">{escape(tr("checks-invalid", lang, n=len(report.problems)))}</b>'
                f"<ul>{items}</ul></div>")
    if not report.scenarios:
        return f'<div class="simkit-checks" data-failed="0" data-scenarios="0">{escape(tr("no-scenario", lang))}</div>'
    results = [r for s in report.scenarios for r in s.results]
    failed = sum(1 for r in results if not r.ok)
    head = tr("checks-failed", lang, n=failed) if failed else tr("checks-ok", lang, n=len(results))
    out = [f'<div class="simkit-checks" data-failed="{failed}"><b class="{"simkit-bad" if failed else "simkit-ok"}">'
           f"{escape(head)}</b> <span class=\"simkit-muted\">{escape(tr('checks-note', lang, files=report.files))}</span>"]
    for scenario in report.scenarios:
        out.append(f'<h4 data-scenario="{escape(scenario.scenario_id)}" data-ok="{str(scenario.ok).lower()}">'
                   f'{escape(scenario.scenario_id)}: <span class="{"simkit-ok" if scenario.ok else "simkit-bad"}">'
                   f'{escape(tr("check-passed" if scenario.ok else "check-failed", lang))}</span></h4>'
                   f'<table class="simkit-lines simkit-check-table">')
        for r in scenario.results:
            got = "".join(f' data-{k}="{escape(str(r.params[k]))}"' for k in ("outcome", "total", "band")
                          if r.code == "reference-ok" and k in r.params)
            mark = tr("check-passed" if r.ok else "check-failed", lang)
            out.append(f'<tr data-check="{escape(r.check)}" data-ok="{str(r.ok).lower()}" data-code="{escape(r.code)}"{got}>'
                       f"<td>{escape(r.label(lang))}</td>"
                       f'<td class="{"simkit-ok" if r.ok else "simkit-bad"}">{escape(mark)}</td>'
                       f"<td>{escape(r.text(lang))}</td></tr>")
        out.append("</table>")
    out.append("</div>")
    return "".join(out)


def notice(message: str, *, bad: bool = False) -> str:
    return f'<div class="{"simkit-bad" if bad else "simkit-ok"} simkit-notice">{escape(message)}</div>' if message else ""


def _meter(name: str, lang: str) -> str:
    from simkit.ui.labels import UI_TEXT

    return UI_TEXT[name][lang] if name in UI_TEXT else name
