"""HTML for the practice widgets, from the view-model. Every piece of text is escaped here.

Trainee lines are typed by people and scenario text is written by authors; either may hold
markup, and ipywidgets' ``HTML`` sets ``innerHTML`` without sanitising. So nothing reaches the
returned strings without :func:`html.escape`, and the only markup is this module's own.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from simkit.scoring import words
from simkit.ui.labels import channel_name, stage_name, step_name, ui

if TYPE_CHECKING:  # pragma: no cover
    from simkit.engine.view import Meter
    from simkit.scoring import Scorecard
    from simkit.ui.model import PracticeModel

STYLE = """<style>
.simkit-practice,.simkit-first-view{font-family:system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:60em}
.simkit-head{font-size:1.05em;margin:.2em 0}.simkit-head small{color:#555;margin-left:.6em}
.simkit-chat{display:flex;flex-direction:column-reverse;overflow-y:auto;height:24em;border:1px solid #ccc;
 border-radius:6px;padding:.4em;background:#fafafa}
.simkit-msg{max-width:80%;margin:.25em 0;padding:.45em .7em;border-radius:10px;line-height:1.4;white-space:pre-wrap;
 word-break:break-word}
.simkit-customer{background:#fff;border:1px solid #ddd;align-self:flex-start}
.simkit-trainee{background:#d8ecff;align-self:flex-end}
.simkit-who{display:block;font-size:.75em;color:#666}
.simkit-hl{outline:3px solid #f0a500;background:#fff4d6}
.simkit-meters{border:1px solid #ddd;border-radius:6px;padding:.4em .6em;min-width:16em}
.simkit-meter{margin:.2em 0}.simkit-bar{background:#eee;height:.55em;border-radius:3px}
.simkit-fill{background:#3a7bd5;height:.55em;border-radius:3px}
.simkit-happened{color:#444;font-size:.9em;margin-top:.4em}
.simkit-notice{color:#8a5a00}.simkit-pass{color:#176117}.simkit-fail{color:#a11}
.simkit-alert{background:#fdecea;border:1px solid #a11;color:#a11;padding:.6em;border-radius:6px;font-weight:600}
.simkit-score h3{margin:.6em 0 .2em}.simkit-score blockquote{margin:.2em 0 .2em 1em;color:#333}
.simkit-exam-banner{background:#fff4d6;border:2px solid #b36b00;color:#5a3600;padding:.6em .8em;border-radius:6px;margin:.4em 0}
.simkit-exam-banner div+div{margin-top:.3em}.simkit-exam-ended{color:#176117;font-weight:600;margin:.4em 0}
.simkit-finish,.simkit-send{flex:0 0 auto}
.simkit-kernel-lost{display:none}.simkit-kernel-dead .simkit-kernel-lost{display:block}
.simkit-kernel-dead .simkit-input,.simkit-kernel-dead .simkit-send,.simkit-kernel-dead .simkit-choices{pointer-events:none;opacity:.4}
</style>"""


# Drawn with the live widgets only: the server's static first view (first_view) gives way to them.
LIVE_STYLE = "<style>#simkit-first-view{display:none!important}</style>"


def heading(model: PracticeModel) -> str:
    """The scenario's title and the trainee's brief, above the conversation."""
    scenario, lang = model.session.scenario, model.lang
    return f"<h2>{escape(scenario.title[lang])}</h2><p>{escape(scenario.brief[lang])}</p>"


def header(model: PracticeModel) -> str:
    """The customer's name, the channel and the stage."""
    lang, s = model.lang, model.session
    # The stage says how the customer sees the conversation: a hint, hidden in an exam.
    stage = "" if model.exam else f"<small>{escape(ui('stage', lang))}: {escape(stage_name(s.view.stage, lang))}</small>"
    return (f'<div class="simkit-head"><b>{escape(s.persona.name[lang])}</b>'
            f"<small>{escape(ui('channel', lang))}: {escape(channel_name(s.scenario.channel, lang))}</small>"
            f"{stage}"
            f"<small>{escape(ui('turn', lang, n=len(s.transcript.turns)))}</small></div>")


def chat(model: PracticeModel) -> str:
    """Every bubble, oldest first, in a box that stays scrolled to the newest line."""
    lang = model.lang
    name = escape(model.session.persona.name[lang])
    you = escape(ui("you", lang))
    bubbles = []
    for m in model.messages:
        hl = " simkit-hl" if model.highlighted is not None and m.turn == model.highlighted and m.turn else ""
        who = name if m.role == "customer" else you
        bubbles.append(f'<div class="simkit-msg simkit-{m.role}{hl}" data-turn="{m.turn}" data-role="{m.role}">'
                       f'<span class="simkit-who">{who}</span>{escape(m.text)}</div>')
    # column-reverse keeps the newest line in view; the inner column keeps reading order.
    return ('<div class="simkit-chat"><div style="display:flex;flex-direction:column">'
            + "".join(bubbles) + "</div></div>")


def meters(model: PracticeModel) -> str:
    """Trust, patience and interest with their ranges, needs x/y, objections, what just happened."""
    lang = model.lang
    view = model.view
    if view is None:
        return f'<div class="simkit-meters-hidden"><i>{escape(ui("exam-hidden", lang))}</i></div>'
    out = ['<div class="simkit-meters">']
    for key in ("trust", "patience", "interest"):
        out.append(_meter(ui(key, lang), getattr(view, key), key))
    needs = ", ".join(escape(n.name[lang]) for n in view.needs if n.found)
    out.append(f'<div class="simkit-meter" data-meter="needs"><b>{escape(ui("needs", lang))}</b> '
               f"{view.needs_found}/{view.needs_total}<br><small>{needs}</small></div>")
    rows = []
    for o in view.objections:
        status = ui("objection-handled", lang) if o.status == "handled" else \
            ui("objection-open", lang, step=step_name(o.next_step or "", lang))
        rows.append(f"<li>{escape(o.name[lang])}: {escape(status)}</li>")
    handled = sum(1 for o in view.objections if o.status == "handled")
    counts = ui("objection-counts", lang, open=len(view.objections) - handled, handled=handled)
    out.append(f'<div class="simkit-meter" data-meter="objections"><b>{escape(ui("objections", lang))}</b> '
               f"{escape(counts)}"
               + (f"<ul>{''.join(rows)}</ul>" if rows else f" <small>{escape(ui('no-objections', lang))}</small>")
               + "</div>")
    out.append(f'<div class="simkit-happened">{escape(model.happened)}</div></div>')
    return "".join(out)


def _meter(label: str, meter: Meter, key: str) -> str:
    span = max(1, meter.high - meter.low)
    pct = round(100 * (meter.value - meter.low) / span)
    return (f'<div class="simkit-meter" data-meter="{key}"><b>{escape(label)}</b> {meter.value} '
            f"<small>({meter.low}–{meter.high})</small>"
            f'<div class="simkit-bar"><div class="simkit-fill" style="width:{pct}%"></div></div></div>')


def notice(model: PracticeModel) -> str:
    return f'<div class="simkit-notice">{escape(model.notice)}</div>' if model.notice else ""


def score_summary(card: Scorecard, lang: str) -> str:
    """Total, tier, passed and why, and the outcome."""
    passed = ui("passed", lang) if card.passed else ui("failed", lang)
    cls = "simkit-pass" if card.passed else "simkit-fail"
    out = [f'<h3>{escape(ui("scorecard", lang))}</h3>',
           f'<div class="{cls}" data-total="{card.total}"><b>{escape(ui("total", lang))}: {card.total}/100</b> · '
           f"{escape(passed)} · {escape(ui('tier', lang))}: {escape(card.tier_name.get(lang, card.tier))}</div>",
           f"<div>{escape(words.outcome_text(card.outcome, lang, names=card.names))}</div>"]
    reasons = words.failures(card.verdict, card.total, lang)
    if reasons:
        out.append(f"<div><b>{escape(ui('why', lang))}</b><ul>"
                   + "".join(f"<li>{escape(r)}</li>" for r in reasons) + "</ul></div>")
    return "".join(out)


def improvements(card: Scorecard, lang: str) -> str:
    """The three improvements, each with the line quoted and a better line."""
    if not card.feedback:
        return ""
    out = [f"<h3>{escape(ui('improvements', lang))}</h3><ol>"]
    for item in card.feedback:
        out.append(f"<li><b>{escape(words.turn_label(item.turn, lang))}</b>: {escape(words.advice(item, lang, names=card.names))}")
        if item.turn is not None and 1 <= item.turn <= len(card.turns):
            out.append(f"<blockquote>{escape(ui('you-said', lang))}: “{escape(card.turns[item.turn - 1])}”</blockquote>")
        better = item.better.get(card.lang)
        if better:
            out.append(f'<blockquote class="simkit-better">{escape(ui("try-line", lang))}: “{escape(better)}”</blockquote>')
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def dimension_title(dim, lang: str) -> str:
    points = f"{dim.points}/{dim.max}" if dim.applicable else "—"
    return f"<h3>{escape(words.dimension_title(dim.name, lang))} · {escape(points)}</h3>"


def evidence_text(ev, lang: str, names=None) -> str:
    return f"<span>{escape(words.points_text(ev))} {escape(words.describe(ev, lang, names=names))}</span>"


def first_view(model: PracticeModel) -> str:
    """The conversation as it stands, drawn by the server before the page's widgets are.

    Voila's front end takes a few seconds to load and connect the widgets; this static copy (the
    app's ``text/html`` output, shown by the app's template as soon as the HTML arrives) lets the
    trainee read the customer's first line meanwhile. :data:`LIVE_STYLE`, drawn with the live
    widgets, hides it.
    """
    return (f'{STYLE}<div class="simkit-first-view">{heading(model)}{header(model)}'
            f'<div style="width:62%">{chat(model)}</div>'
            f'<p class="simkit-notice">{escape(ui("connecting", model.lang))}</p></div>')


def kernel_lost(model: PracticeModel, lang: str) -> str:
    """The message shown when the kernel is gone (hidden until the page sees it die)."""
    from urllib.parse import quote

    name = model.path.name
    return (f'<div class="simkit-alert">{escape(ui("kernel-lost", lang, name=name))} '
            f'<a href="?resume={escape(quote(name))}">{escape(ui("resume-link", lang))}</a></div>')
