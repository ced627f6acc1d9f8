"""The exam page: the practice app in exam mode (``simkit app practice --exam EXAM.json``).

The page lists the exam's scenarios for this trainee; each is taken once, in exam mode (no
meters, no hints, no choices, no scorecard), with the seed the exam draws for this trainee.
No query string, picker or "try again" can change the scenario, the seed or the mode. A
conversation already saved is continued (its signature verified first); one that ended is shown
as done. The key lives in the :class:`~simkit.ui.exam.ExamSeat`, a plain Python object: no widget
holds it, so it never reaches the browser.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from simkit.content import default_library
from simkit.errors import SimkitError
from simkit.labels import LANGS
from simkit.ui import render
from simkit.ui.exam import ExamSeat
from simkit.ui.labels import LANG_NAMES, ui
from simkit.ui.widgets import Practice



def banner(seat: ExamSeat | None) -> str:
    """The exam banner, in both languages whatever the trainee picks (nobody can miss it)."""
    rows = [f"<div><b>{escape(ui('exam-title', lang))}</b> · {escape(ui('exam-rules', lang))}</div>" for lang in LANGS]
    if seat is not None:
        who = " / ".join(ui("exam-who", lang, trainee=seat.trainee, exam=seat.exam.exam_id) for lang in LANGS)
        rows.append(f"<div><small>{escape(who)}</small></div>")
    return f'<div class="simkit-exam-banner">{"".join(rows)}</div>'


class ExamApp:
    """The exam page for one trainee's seat; display ``app.widget``.

    Attributes:
        seat: the :class:`ExamSeat` (None when the server's exam settings are broken).
        practice: the running conversation, or None on the list.
        widget: the page's box.
    """

    def __init__(self, *, seat: ExamSeat | None = None, library=None, lang: str | None = None,
                 error: str | None = None) -> None:
        self.seat = seat
        self.library = library or default_library()
        langs = seat.exam.langs if seat else LANGS
        self.lang = lang if lang in langs else langs[0]
        self.practice: Practice | None = None
        self.widget = w.VBox([])
        self.widget.add_class("simkit-app")
        self.widget.add_class("simkit-exam")
        self.show_list(error=error)

    @classmethod
    def from_env(cls, *, library=None) -> ExamApp:
        """The page for the seat the server's environment names, or a page saying why there is none."""
        try:
            return cls(seat=ExamSeat.from_env(), library=library)
        except SimkitError as exc:
            return cls(library=library, error=str(exc))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def show_list(self, *, error: str | None = None) -> None:
        """The banner, the language and every scenario of the exam with its status."""
        lang, seat = self.lang, self.seat
        rows: list[w.Widget] = [w.HTML(render.STYLE + banner(seat))]
        if error:
            rows.append(w.HTML(f'<div class="simkit-alert">{escape(ui("exam-unavailable", lang, why=error))}</div>'))
        if seat is None:
            self.widget.children = rows
            return
        if len(seat.exam.langs) > 1:
            language = w.ToggleButtons(options=[(LANG_NAMES[c], c) for c in seat.exam.langs], value=lang,
                                       description=ui("language", lang))
            language.observe(self._switch_language, names="value")
            rows.append(language)
        for scenario_id in seat.exam.scenarios:
            rows.append(self._row(scenario_id))
        self.widget.children = rows

    def _row(self, scenario_id: str) -> w.Widget:
        lang = self.lang
        status = self.seat.status(scenario_id)
        try:
            title = self.library.scenario(scenario_id).title[lang]
        except SimkitError:
            title = scenario_id
        label = w.HTML(f'<span class="simkit-exam-item" data-scenario="{escape(scenario_id)}" '
                       f'data-status="{status}"><b>{escape(title)}</b> · {escape(ui("exam-" + status, lang))}</span>')
        if status == "done":
            return w.HBox([label])
        go = w.Button(description=ui("exam-continue" if status == "started" else "exam-begin", lang),
                      button_style="primary")
        go.add_class("simkit-exam-go")
        go.on_click(lambda _: self.start(scenario_id))
        return w.HBox([go, label])

    def _switch_language(self, change) -> None:
        self.lang = change["new"]
        self.show_list()

    def start(self, scenario_id: str) -> None:
        """Begin (or continue) ``scenario_id`` in exam mode."""
        try:
            practice = Practice(scenario_id, lang=self.lang, seat=self.seat, library=self.library)
        except SimkitError as exc:
            self.show_list(error=str(exc))
            return
        self.practice = practice
        model = practice.model
        title = w.HTML(render.heading(model))
        self.ended = w.HTML()
        back = w.Button(description=ui("exam-back", model.lang))
        back.add_class("simkit-exam-back")
        back.on_click(lambda _: self.show_list())
        self.back = w.HBox([back])
        model.subscribe(self._after_turn)
        self._after_turn()
        self.widget.children = [w.HTML(render.STYLE + banner(self.seat)), title, practice.widget, self.ended,
                                self.back]

    def _after_turn(self) -> None:
        model = self.practice.model
        over = model.status == "ended"
        self.back.layout.display = None if over else "none"
        self.ended.value = f'<div class="simkit-exam-ended">{escape(ui("exam-ended", model.lang))}</div>' if over else ""
