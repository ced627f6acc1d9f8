"""HTML for the cohort dashboard. Every piece of run text is escaped here.

Names come from a trainer's roster and lines from trainees; either may hold markup, and
ipywidgets' ``HTML`` sets ``innerHTML`` unsanitised. Nothing from a run reaches the returned
strings without :func:`html.escape` (charts: :mod:`simkit.ui.dashboard_charts`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from simkit import i18n
from simkit.engine.beats import Beat
from simkit.scoring import words
from simkit.scoring.scorecard import Evidence
from simkit.ui import dashboard_charts as charts
from simkit.ui.dashboard_view import CohortView, WeakSkill
from simkit.ui.labels import name_of
from simkit.ui.trainer_labels import TRAINER_TEXT, tr

MAX_ROWS = 200  # rows drawn in the table; the export has them all

STYLE = """<style>
.simkit-trainer{font-family:system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.simkit-table,.simkit-cells{border-collapse:collapse;font-size:.9em}.simkit-table th,.simkit-table td,.simkit-cells th,
.simkit-cells td{border:1px solid #ddd;padding:.2em .45em;text-align:left;white-space:nowrap}
.simkit-table th,.simkit-cells th{background:#f4f4f4;position:sticky;top:0}
.simkit-table-box{max-height:26em;overflow:auto;border:1px solid #ddd}
.simkit-kpi{display:inline-block;margin:.2em 1.2em .2em 0;font-size:1.1em}.simkit-kpi b{font-size:1.5em}
.simkit-muted{color:#666;font-size:.9em}.simkit-charts{display:flex;flex-wrap:wrap;gap:.6em}
.simkit-turn{border:1px solid #ddd;border-radius:6px;padding:.4em .6em;margin:.4em 0}
.simkit-turn .who{font-weight:600}.simkit-plus{color:#176117}.simkit-minus{color:#a11}
.simkit-weak li{margin:.3em 0}.simkit-alert{color:#a11;font-weight:600}
</style>"""


def dim_title(dim: str, lang: str) -> str:
    return name_of("dimension", dim, lang)


def summary(view: CohortView, rows: list[dict[str, str]], lang: str) -> str:
    """Pass rate, the number in view and the tiers chart."""
    info, total = view.run.info, len(view.run.rows)
    passed = sum(r.get("tier") not in ("fail", "") for r in rows)
    rate = 100 * passed / len(rows) if rows else 0.0
    tiers = view.tiers(rows)
    head = tr("run-summary", lang, exam=str(info.get("exam_id", "")), n=total, created=str(info.get("created", "")))
    chart = charts.bars([(words.tier_label(t, lang), n, charts.TIER_COLOURS[t]) for t, n in tiers.items()],
                        title=tr("tiers", lang), kind="tiers", total=len(rows) or 1)
    return (f'<div class="simkit-summary"><div class="simkit-muted">{escape(head)}</div>'
            f'<span class="simkit-kpi" data-pass-rate="{rate:.1f}">{escape(tr("pass-rate", lang))}: <b>{rate:.0f}%</b> '
            f"({passed}/{len(rows)})</span>"
            f'<span class="simkit-kpi" data-in-view="{len(rows)}">{escape(tr("in-view", lang, n=len(rows), total=total))}</span>'
            f"<div>{chart}</div></div>")


def table(view: CohortView, rows: list[dict[str, str]], lang: str) -> str:
    """The cohort table: the first :data:`MAX_ROWS` rows of the view."""
    run = view.run
    named = [c for c in ("trainee", "name", "store", "team") if c == "trainee" or run.has(c)]
    columns = named + [c for c in ("tier", "total", "conversations_passed", "review") if c in run.columns]
    dims = [c for c in run.columns if c.startswith("dim_")]
    head = "".join(f'<th data-column="{escape(c)}">{escape(_column(c, lang))}</th>' for c in columns + dims)
    body = []
    for row in rows[:MAX_ROWS]:
        cells = []
        for c in columns + dims:
            value = row.get(c, "")
            if c == "tier":
                value = words.tier_label(value, lang) if value else ""
            elif c == "conversations_passed" and row.get("conversations"):
                value = f"{value}/{row['conversations']}"
            cells.append(f"<td>{escape(value)}</td>")
        body.append(f'<tr data-trainee="{escape(row["trainee"])}">{"".join(cells)}</tr>')
    if not rows:
        body.append(f'<tr><td colspan="{len(columns) + len(dims)}">{escape(tr("no-trainees", lang))}</td></tr>')
    note = f'<div class="simkit-muted">{escape(tr("rows-shown", lang, n=MAX_ROWS))}</div>' if len(rows) > MAX_ROWS else ""
    return (f'<div class="simkit-table-box"><table class="simkit-table" data-rows="{min(len(rows), MAX_ROWS)}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{note}")


def _column(column: str, lang: str) -> str:
    if column.startswith("dim_"):
        return dim_title(column[4:], lang)
    key = {"conversations_passed": "col-conversations"}.get(column, f"col-{column}")
    return tr(key, lang) if key in TRAINER_TEXT else column


def distributions(view: CohortView, trainees: list[str], lang: str) -> str:
    out = [f"<h3>{escape(tr('distributions', lang))}</h3><div class=\"simkit-charts\">"]
    for dim in view.run.dimensions:
        values = view.distribution(dim, trainees)
        if values:
            out.append(charts.histogram(values, title=dim_title(dim, lang)))
    return "".join(out) + "</div>"


def radar(view: CohortView, trainee: str | None, trainees: list[str], lang: str) -> str:
    medians = view.medians(trainees)
    dims = [d for d in view.run.dimensions if any(d in view.skills.get(t, {}) for t in trainees)]
    series = [(tr("median", lang), [medians[d] for d in dims], "#e07b39")]
    if trainee:
        row = view.row(trainee) or {}
        name = f"{trainee} {row.get('name', '')}".strip()
        skills = view.skills.get(trainee, {})
        series.append((name, [skills.get(d, 0.0) for d in dims], "#3a7bd5"))
    return f"<h3>{escape(tr('radar', lang))}</h3>" + charts.radar([dim_title(d, lang) for d in dims], series,
                                                                 title=tr("radar", lang))


def funnel(view: CohortView, convs, lang: str) -> str:
    steps, defeats = view.funnel(convs)
    chart = charts.bars([(tr(key, lang), n, "#3a7bd5") for key, n in steps], title=tr("funnel", lang), kind="funnel",
                        total=steps[0][1] or 1)
    reasons = [(i18n.text("outcome.open", lang) if r == "open" else name_of("defeat", r, lang), n, "#c62828")
               for r, n in defeats.most_common()]
    defeat_chart = charts.bars(reasons, title=tr("defeats", lang), kind="defeats", width=640, label_w=300) if reasons else ""
    return (f"<h3>{escape(tr('funnel', lang))}</h3>{chart}<h4>{escape(tr('defeats', lang))}</h4>{defeat_chart}")


def weakest(skills: list[WeakSkill], lang: str) -> str:
    out = [f'<h3>{escape(tr("weakest", lang))}</h3><ol class="simkit-weak">']
    for skill in skills:
        where = tr("weak-where", lang, pct=f"{skill.percent:.0f}", scenario=skill.scenario, spct=f"{skill.scenario_percent:.0f}")
        out.append(f'<li data-dimension="{escape(skill.dimension)}"><b>{escape(dim_title(skill.dimension, lang))}</b> · '
                   f"{escape(where)}<ul>")
        for r in skill.reasons:
            example = words.describe(Evidence(turn=None, reason=r.reason, params=r.params), lang)
            turns = ", ".join(words.turn_label(t, lang) + f"×{n}" for t, n in r.turns)
            scenarios = ", ".join(f"{s}×{n}" for s, n in r.scenarios)
            out.append(f'<li data-reason="{escape(r.reason)}">{escape(example)} — '
                       f"{escape(tr('lost-points', lang, points=r.points, n=r.count))}"
                       f'<br><span class="simkit-muted">{escape(scenarios)} · {escape(turns)}</span></li>')
        out.append("</ul></li>")
    return "".join(out) + "</ol>"


def drill(conv, transcript: dict[str, Any] | None, card: dict[str, Any] | None, lang: str) -> str:
    """One conversation, each turn with the techniques read, the rules fired and the points it earned."""
    head = (f'<div class="simkit-muted">{escape(conv.scenario)} · {escape(tr("seed", lang))} {conv.seed} · '
            f"{escape(tr('score', lang))} {conv.score:g} · {escape(tr('integrity', lang))}: {escape(conv.integrity)} · "
            f"{escape(tr('signature', lang))}: {escape(conv.signature)}</div>")
    if transcript is None:
        return head + f"<p>{escape(tr('unreadable', lang, what=str(conv.transcript)))}</p>"
    by_turn: dict[int | None, list[tuple[str, dict]]] = {}
    for dim in (card or {}).get("dimensions", []):
        for ev in dim.get("evidence", []):
            by_turn.setdefault(ev.get("turn"), []).append((dim["name"], ev))
    out = [head, f'<div class="simkit-turn" data-turn="0"><div class="simkit-muted">{escape(tr("opening", lang))}</div>'
                 f'<span class="who">{escape(tr("customer", lang))}:</span> {escape(str(transcript.get("opening", "")))}</div>']
    for turn in transcript.get("turns", []):
        if not isinstance(turn, dict):
            continue
        n = turn.get("n")
        analysis = turn.get("analysis") or {}
        read = [name_of("technique", t, lang) for t in analysis.get("techniques", [])] + \
               [name_of("topic", t, lang) for t in analysis.get("topics", [])]
        block = [f'<div class="simkit-turn" data-turn="{escape(str(n))}"><div class="simkit-muted">'
                 f"{escape(tr('turn', lang, n=n))}</div>",
                 f'<div><span class="who">{escape(tr("trainee", lang))}:</span> {escape(str(turn.get("trainee", "")))}</div>',
                 f'<div class="simkit-muted">{escape(tr("techniques", lang))}: {escape(", ".join(read) or "—")}</div>',
                 f'<div><span class="who">{escape(tr("customer", lang))}:</span> {escape(str(turn.get("customer", "")))}</div>',
                 f'<div class="simkit-muted">{escape(tr("rules", lang))}: {escape("; ".join(_beat(b, lang) for b in turn.get("beats", [])) or "—")}</div>']
        block += _evidence(by_turn.get(n, []), lang)
        out.append("".join(block) + "</div>")
    whole = _evidence(by_turn.get(None, []), lang)
    if whole:
        out.append(f'<div class="simkit-turn" data-turn="whole"><div class="simkit-muted">{escape(tr("whole", lang))}</div>'
                   + "".join(whole) + "</div>")
    return "".join(out)


def _beat(data: Any, lang: str) -> str:
    try:
        beat = Beat.from_dict(data)
        return i18n.text("rule." + beat.rule, lang, **words.localize(beat.params, lang))
    except (KeyError, TypeError, AttributeError, IndexError, ValueError):
        return str(data.get("rule", "?")) if isinstance(data, dict) else "?"


def _evidence(items: list[tuple[str, dict]], lang: str) -> list[str]:
    out = []
    for dim, ev in items:
        try:
            evidence = Evidence(turn=ev.get("turn"), reason=ev["reason"], params=dict(ev.get("params") or {}),
                                points=int(ev.get("points", 0)), lost=int(ev.get("lost", 0)))
            text = words.describe(evidence, lang)
            points = words.points_text(evidence)
        except (KeyError, TypeError, ValueError):
            continue
        cls = "simkit-minus" if evidence.lost else "simkit-plus"
        out.append(f'<div class="simkit-evidence {cls}" data-dimension="{escape(dim)}">{escape(dim_title(dim, lang))}: '
                   f"{escape(points)} {escape(text)}</div>")
    return out


def gradebook(view: CohortView, trainees: list[str], lang: str) -> str:
    """The notebook exercises across the trainees in view, from the gradebook (one bar per cell)."""
    grades = view.run.grades
    head = f"<h3>{escape(tr('gradebook', lang))}</h3>"
    if grades is None:
        return head + f'<p class="simkit-muted" data-gradebook="none">{escape(tr("gradebook-none", lang))}</p>'
    source = f'<div class="simkit-muted">{escape(tr("gradebook-source", lang, url=grades.url, assignment=grades.assignment))}</div>'
    if grades.problem:
        return head + source + f'<p class="simkit-alert" data-gradebook="unreadable">' \
                               f'{escape(tr("gradebook-unreadable", lang, why=grades.problem))}</p>'
    means = grades.cell_means(trainees)
    chart = charts.bars([(cell, round(mean, 1), "#8e6bbf") for cell, (mean, _, _) in means.items()],
                        title=tr("exercise-mean", lang), kind="exercises", total=100)
    rows = "".join(f'<tr data-cell="{escape(cell)}"><td>{escape(cell)}</td><td>{mean:.0f}%</td>'
                   f"<td>{full}/{graded}</td></tr>" for cell, (mean, full, graded) in means.items())
    table = (f'<table class="simkit-cells simkit-exercises"><thead><tr><th>{escape(tr("cell", lang))}</th><th>%</th>'
             f'<th>{escape(tr("full-marks", lang))}</th></tr></thead><tbody>{rows}</tbody></table>')
    return head + source + f'<div class="simkit-charts" data-gradebook="read">{chart}{table}</div>'


def trainee_grades(view: CohortView, trainee: str | None, lang: str) -> str:
    """One trainee's notebook cells as the gradebook holds them, and whether it still agrees with the export."""
    grades = view.run.grades
    if grades is None or grades.problem or not trainee:
        return ""
    head = f"<h4>{escape(tr('trainee-grades', lang))}</h4>"
    cells = grades.trainees.get(trainee)
    if cells is None:
        return head + f'<p class="simkit-muted" data-graded="0">{escape(tr("not-graded", lang))}</p>'
    rows = "".join(f'<tr data-cell="{escape(c)}" data-score="{g.score:g}" data-max="{g.max_score:g}">'
                   f"<td>{escape(c)}</td><td>{g.score:g}/{g.max_score:g}</td>"
                   f"<td>{escape(tr('needs-manual', lang)) if g.needs_manual_grade else ''}</td></tr>"
                   for c, g in sorted(cells.items()))
    now, then = grades.total(trainee), (view.row(trainee) or {}).get("notebook_score", "")
    differs = ""
    if then and now is not None and abs(now - float(then)) > 1e-9:
        differs = f'<p class="simkit-alert" data-differs="true">{escape(tr("gradebook-differs", lang, now=f"{now:g}", then=then))}</p>'
    return (head + f'<table class="simkit-cells simkit-trainee-grades" data-total="{now:g}"><tbody>{rows}</tbody></table>'
            + differs)
