"""The scorecard as a standalone HTML page. Every string is escaped with :func:`html.escape`
after :func:`simkit.safetext.shown`: trainee lines are typed by people and may hold anything,
markup, control characters, bidi overrides or lone surrogates included."""

from __future__ import annotations

from html import escape as _html_escape

from simkit import i18n
from simkit.safetext import shown
from simkit.scoring import words
from simkit.scoring.scorecard import Scorecard

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;width:100%}td,th{padding:.2em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.pass{color:#176117}.fail{color:#a11}.warn{background:#fff3cd;padding:.5em}.pts{white-space:nowrap;font-family:monospace}
blockquote{margin:.3em 0 .3em 1em;color:#444}section{border-top:2px solid #999;margin-top:2em}
"""


def escape(text: str) -> str:
    """Markup-escaped and with every control or bidi character shown as a visible escape."""
    return _html_escape(shown(text))


def to_html(cards: list[Scorecard] | Scorecard, lang: str) -> str:
    """One HTML page holding one section per scorecard."""
    if isinstance(cards, Scorecard):
        cards = [cards]
    title = escape(i18n.text("score.label.scorecard", lang))
    body = "\n".join(_section(card, lang) for card in cards)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n")


def _section(card: Scorecard, lang: str) -> str:
    t = lambda code, **kw: escape(i18n.text(code, lang, **kw))  # noqa: E731
    e = escape
    status = "pass" if card.passed else "fail"
    verdict = t("score.label.passed") if card.passed else t("score.label.failed")
    out = [f"<section><h1>{t('score.label.scorecard')}: {e(card.scenario_id)}</h1>"]
    if card.source:
        out.append(f"<p>{e(card.source)} · seed {card.seed} · {e(card.lang)}</p>")
    out.append(f'<p class="{status}"><strong>{t("score.label.total")}: {card.total}/100</strong> · {verdict} · '
               f"{t('score.label.tier')}: {e(card.tier_name.get(lang, card.tier))}</p>")
    out.append(f"<p>{t('score.label.outcome')}: {e(words.outcome_text(card.outcome, lang, names=card.names))}</p>")
    integrity = e(words.integrity_text(card.integrity, lang))
    out.append(f'<p class="warn">{integrity}</p>' if not card.integrity.ok else f"<p>{integrity}</p>")
    reasons = words.failures(card.verdict, card.total, lang)
    if reasons:
        out.append(f"<h2>{t('score.label.why-failed')}</h2><ul>"
                   + "".join(f"<li>{e(r)}</li>" for r in reasons) + "</ul>")
    if card.feedback:
        out.append(f"<h2>{t('score.label.feedback')}</h2><ol>")
        for item in card.feedback:
            stake = t("score.label.at-stake", points=item.points) if item.points else t("score.label.fails-attempt")
            out.append(f"<li><strong>{e(words.turn_label(item.turn, lang))}</strong> ({stake}): "
                       f"{e(words.advice(item, lang, names=card.names))}")
            if item.turn is not None and 1 <= item.turn <= len(card.turns):
                out.append(f"<blockquote>{t('score.label.you-said')}: “{e(card.turns[item.turn - 1])}”</blockquote>")
            if item.better.get(card.lang):
                source = t("score.label.from-persona" if item.source == "persona" else "score.label.from-model")
                out.append(f"<blockquote>{t('score.label.try')}: “{e(item.better[card.lang])}” ({source})</blockquote>")
            out.append("</li>")
        out.append("</ol>")
    for dim in card.dimensions:
        points = t("score.label.points", points=dim.points, max=dim.max) if dim.applicable \
            else t("score.label.not-applicable")
        out.append(f"<h2>{e(words.dimension_title(dim.name, lang))} · {points}</h2><table>")
        for ev in dim.evidence:
            quote = ""
            if ev.turn is not None and 1 <= ev.turn <= len(card.turns):
                quote = f"<br><small>“{e(card.turns[ev.turn - 1])}”</small>"
            out.append(f'<tr><td class="pts">{e(words.points_text(ev))}</td><td>{e(words.turn_label(ev.turn, lang))}</td>'
                       f"<td>{e(words.describe(ev, lang, names=card.names))}{quote}</td></tr>")
        out.append("</table>")
    out.append(f"<h2>{t('score.label.rules')} ({t('score.label.threshold', threshold=card.verdict.threshold)})</h2><ul>")
    for _ok, kind, name, state, turns in words.verdict_rows(card.verdict, lang):
        where = f" ({e(', '.join(turns))})" if turns else ""
        out.append(f"<li>{e(kind)}: {e(name)}: {e(state)}{where}</li>")
    out.append("</ul></section>")
    return "\n".join(out)


def scorecard_section(card: Scorecard, lang: str) -> str:
    """One scorecard as an HTML ``<section>``, for embedding in a notebook or an app page."""
    return _section(card, lang)
