"""The practice widgets: a thin ipywidgets layer over :class:`~simkit.ui.model.PracticeModel`.

The widgets hold only what is drawn: escaped HTML from :mod:`simkit.ui.render` and the text
being typed. A browser can set any synced trait, even of a disabled widget, so the only value
read back is the typed line, offered to :meth:`PracticeModel.send`, which refuses it unless
the conversation is ready for it. Scores and state stay in the model's plain attributes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from simkit.errors import SimkitError
from simkit.ui import render
from simkit.ui.labels import ui
from simkit.ui.model import PracticeModel

try:
    import ipywidgets as w
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise SimkitError("the practice widgets need the jupyter extra: pip install 'simkit[jupyter]'") from exc

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library
    from simkit.ui.exam import ExamSeat


def _html(value: str = "", cls: str | None = None) -> w.HTML:
    widget = w.HTML(value)
    if cls:
        widget.add_class(cls)
    return widget


class ChatView:
    """The customer's name, channel and stage, the bubbles, and the input or the choices."""

    def __init__(self, model: PracticeModel) -> None:
        self.model = model
        lang = model.lang
        self.header = _html()
        self.bubbles = _html(cls="simkit-chat-box")
        self.notice = _html()
        self.input = w.Text(continuous_update=False, layout=w.Layout(width="70%"))
        self.input.add_class("simkit-input")
        self.send = w.Button(description=ui("send", lang), button_style="primary")
        self.send.add_class("simkit-send")
        # flex 0 0 auto (render.STYLE): the label is never cut short, in zh either.
        self.finish = w.Button(description=ui("finish-exam" if model.seat else "finish", lang),
                               layout=w.Layout(width="auto", min_width="max-content"))
        self.finish.add_class("simkit-finish")
        self.input_row = w.HBox([self.input, self.send, self.finish])
        self.choices_label = _html()
        self.choices = w.VBox([])
        self.choices.add_class("simkit-choices")
        self.widget = w.VBox([self.header, self.bubbles, self.notice, self.input_row, self.choices_label,
                              self.choices])
        self._restoring = False
        self.input.observe(self._typed, names="value")
        self.send.on_click(lambda _: self._submit(self.input.value))
        self.finish.on_click(lambda _: model.finish())

    def _typed(self, change) -> None:
        # continuous_update=False: the value arrives on Enter (or when the box loses focus).
        if change["new"].strip() and not self._restoring:
            self._submit(change["new"])

    def _submit(self, text: str) -> None:
        if not text.strip() or not self.model.input_enabled:
            return
        # Cleared before the turn plays: clearing after it could wipe the next line, typed as
        # soon as the reply showed (seen in the browser tests on a busy machine).
        self.input.value = ""
        if not self.model.send(text):  # refused (too long): give the text back
            self._restoring = True
            try:
                self.input.value = text
            finally:
                self._restoring = False

    def redraw(self) -> None:
        m, lang = self.model, self.model.lang
        self.header.value = render.header(m)
        self.bubbles.value = render.chat(m)
        self.notice.value = render.notice(m)
        ready = m.input_enabled
        self.input.disabled = self.send.disabled = not ready
        self.finish.disabled = m.status != "ready"
        key = {"ready": "placeholder", "busy": "placeholder-busy", "ended": "placeholder-ended"}[m.status]
        self.input.placeholder = ui(key, lang)
        self.input_row.layout.display = "none" if m.mode == "choice" and m.status != "ended" else None
        choices = m.choices
        self.choices_label.value = f"<b>{render.escape(ui('choices', lang))}</b>" if choices else ""
        buttons = []
        for i, choice in enumerate(choices):
            button = w.Button(description=choice.text, layout=w.Layout(width="auto", max_width="100%"))
            button.add_class("simkit-choice")
            button.on_click(lambda _, i=i: m.choose(i))
            buttons.append(button)
        self.choices.children = buttons


class MetersView:
    """Trust, patience, interest, needs found and objections, with what just happened."""

    def __init__(self, model: PracticeModel) -> None:
        self.model = model
        self.widget = _html(cls="simkit-meters-box")

    def redraw(self) -> None:
        self.widget.value = render.meters(self.model)


class ScorecardView:
    """The scorecard at the end; an evidence item with a turn highlights that turn in the chat."""

    def __init__(self, model: PracticeModel) -> None:
        self.model = model
        self.widget = w.VBox([])
        self.widget.add_class("simkit-score")
        self._shown = None

    def redraw(self) -> None:
        card = self.model.scorecard
        if card is self._shown:
            return
        self._shown = card
        if card is None:
            self.widget.children = []
            return
        lang = self.model.lang
        parts: list[w.Widget] = [_html(render.score_summary(card, lang), "simkit-score-summary"),
                                 _html(render.improvements(card, lang), "simkit-improvements"),
                                 _html(f"<small>{render.escape(ui('evidence-hint', lang))}</small>")]
        for dim in card.dimensions:
            parts.append(_html(render.dimension_title(dim, lang)))
            for ev in dim.evidence:
                row: list[w.Widget] = []
                if ev.turn is not None:
                    button = w.Button(description=ui("turn", lang, n=ev.turn), layout=w.Layout(width="auto"))
                    button.add_class("simkit-evidence")
                    button.on_click(lambda _, turn=ev.turn: self.model.highlight(turn))
                    row.append(button)
                row.append(_html(render.evidence_text(ev, lang, card.names)))
                parts.append(w.HBox(row))
        self.widget.children = parts


class Practice:
    """A practice conversation in one line of a notebook.

    ``Practice("used-car-hidden-defects-v1", lang="zh", mode="free")`` shows the chat, the
    customer's meters and, at the end, the scorecard; the transcript is saved beside the notebook
    after every turn. ``Practice(transcript="practice-....json")`` resumes a saved conversation.
    Arguments are those of :class:`~simkit.ui.model.PracticeModel`.

    Attributes:
        model: the view-model (session, transcript path, scorecard), plain Python.
        widget: the ipywidgets box that is displayed.
    """

    def __init__(self, scenario: str | None = None, *, lang: str = "zh", mode: str = "free", seed: int = 0,
                 folder: str | Path | None = None, transcript: str | Path | None = None,
                 library: Library | None = None, seat: ExamSeat | None = None) -> None:
        self.model = PracticeModel(scenario, lang=lang, mode=mode, seed=seed, folder=folder, transcript=transcript,
                                   library=library, seat=seat)
        self.chat = ChatView(self.model)
        self.meters = MetersView(self.model)
        self.scorecard = ScorecardView(self.model)
        self.saved = _html()
        self.lost = _html(render.kernel_lost(self.model, self.model.lang), "simkit-kernel-lost")
        body = w.HBox([self.chat.widget, self.meters.widget])
        self.chat.widget.layout.width = "62%"
        self.meters.widget.layout.width = "36%"
        if self.model.exam:  # no meters, no "what just happened": the chat takes the width
            self.meters.widget.layout.display = "none"
            self.chat.widget.layout.width = "100%"
        self.widget = w.VBox([_html(render.STYLE + render.LIVE_STYLE), self.lost, body, self.saved, self.scorecard.widget])
        self.widget.add_class("simkit-practice")
        self.model.subscribe(self.redraw)
        self.redraw()

    def redraw(self) -> None:
        self.chat.redraw()
        self.meters.redraw()
        self.scorecard.redraw()
        saved = "exam-saved" if self.model.seat is not None else "saved-to"
        self.saved.value = f"<small>{render.escape(ui(saved, self.model.lang, name=self.model.path.name))}</small>"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
