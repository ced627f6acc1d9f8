"""A worked dialogue: a real conversation, played, scored and shown with the rules that fired."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from simkit import i18n
from simkit.engine import Reply, Session
from simkit.errors import SessionError
from simkit.scoring import Scorecard, score
from simkit.scoring.render.html import scorecard_section
from simkit.transcript import Transcript

_STYLE = ("<style>.sk-wd{font-family:system-ui,sans-serif;max-width:52em}"
          ".sk-wd .c,.sk-wd .t{padding:.35em .6em;margin:.3em 0;border-radius:.5em;max-width:80%}"
          ".sk-wd .c{background:#eef1f5}.sk-wd .t{background:#dcf2dc;margin-left:auto}"
          ".sk-wd .why{color:#555;font-size:.85em;margin:.1em 0 .6em 1em}</style>")


@dataclass(frozen=True)
class WorkedDialogue:
    """A played conversation: what was said, why the customer reacted, and its scorecard.

    Attributes:
        scenario_id, seed, lang: what was played.
        opening: the customer's first words.
        lines: the consultant's lines, in order.
        replies: the customer's reply to each line.
        transcript: the recorded conversation.
        scorecard: its score (the replay of ``transcript``).
    """

    scenario_id: str
    seed: int
    lang: str
    opening: str
    lines: tuple[str, ...]
    replies: tuple[Reply, ...]
    transcript: Transcript
    scorecard: Scorecard

    @property
    def outcome(self) -> str:
        """``success``, ``defeat`` or ``open`` (the customer is still talking)."""
        return self.scorecard.outcome.get("status", "open")

    def _repr_html_(self) -> str:
        name = i18n.text("course.customer", self.lang)
        you = i18n.text("course.you", self.lang)
        out = [_STYLE, '<div class="sk-wd">', f'<div class="c"><b>{escape(name)}</b>: {escape(self.opening)}</div>']
        for line, reply in zip(self.lines, self.replies):
            out.append(f'<div class="t"><b>{escape(you)}</b>: {escape(line)}</div>')
            out.append(f'<div class="c"><b>{escape(name)}</b>: {escape(reply.text)}</div>')
            why = "; ".join(beat.explain(self.lang) for beat in reply.beats)
            if why:
                out.append(f'<div class="why">{escape(why)}</div>')
        out.append("</div>")
        out.append(scorecard_section(self.scorecard, self.lang))
        return "\n".join(out)

    def __str__(self) -> str:
        name = i18n.text("course.customer", self.lang)
        you = i18n.text("course.you", self.lang)
        out = [f"{name}: {self.opening}"]
        for line, reply in zip(self.lines, self.replies):
            out += [f"{you}: {line}", f"{name}: {reply.text}"]
            out += [f"    ({beat.explain(self.lang)})" for beat in reply.beats]
        card = self.scorecard
        out.append(f"{card.total}/100 · {card.tier} · {self.outcome}")
        return "\n".join(out)


def worked_dialogue(scenario_id: str, lines: list[str] | tuple[str, ...], *, lang: str, seed: int = 0,
                    expect: str, goal: str | None = None) -> WorkedDialogue:
    """Play ``lines`` to ``scenario_id`` and check the conversation ends as the notebook says.

    Args:
        scenario_id: the scenario to play.
        lines: the consultant's lines; every one must be said before the conversation ends.
        lang: ``zh`` or ``en``.
        seed: the session's seed.
        expect: the outcome the notebook's text describes: ``success``, ``defeat`` or ``open``.
        goal: with ``expect="success"``, the goal kind it must reach (``test_drive``, ...).

    Raises:
        SessionError: when the conversation does not end as expected (the text is out of date).
    """
    session = Session(scenario_id, seed=seed, lang=lang)
    replies = []
    for line in lines:
        if session.done:
            raise SessionError(f"{scenario_id}: the conversation ended before {line!r}")
        replies.append(session.say(line))
    card = score(session.transcript)
    result = WorkedDialogue(scenario_id, seed, lang, session.opening, tuple(lines), tuple(replies),
                            session.transcript, card)
    if result.outcome != expect or (goal is not None and card.outcome.get("goal") != goal):
        raise SessionError(f"{scenario_id} ({lang}, seed {seed}): the worked dialogue ends with "
                           f"{result.outcome} {card.outcome.get('goal') or card.outcome.get('reason') or ''}, "
                           f"but the notebook says {expect} {goal or ''}")
    return result
