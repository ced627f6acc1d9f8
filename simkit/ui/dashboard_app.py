"""The Voila cohort dashboard: a certification run's trainees, their figures and any conversation.

A page over :class:`~simkit.ui.dashboard_view.CohortView`. The browser only picks (filters,
sort, a trainee, a conversation); every pick is checked against the run's own values, and
files are only those the run's results name inside their trainee's folder.
``?lang=en&trainee=ID`` opens in English on one trainee. The run comes from ``$SIMKIT_RUN_DIR``.
"""

from __future__ import annotations

import base64
import os
from html import escape
from urllib.parse import parse_qs

import ipywidgets as w

from simkit.errors import SimkitError
from simkit.labels import LANGS
from simkit.ui import dashboard_render as render
from simkit.ui.dashboard_data import RUN_DIR_VAR, Run, _json, load_run
from simkit.ui.dashboard_gradebook import read_grades
from simkit.ui.dashboard_view import FILTERS, CohortView
from simkit.ui.labels import LANG_NAMES
from simkit.ui.trainer_labels import tr



def load_cohort(path: str | None = None) -> Run | SimkitError:
    """The run at ``path`` (default ``$SIMKIT_RUN_DIR``) with its gradebook's grades, or the error to show instead."""
    try:
        run = load_run(path or os.environ.get(RUN_DIR_VAR) or ".")
    except SimkitError as exc:
        return exc
    run.grades = read_grades(run.info)
    return run


class DashboardApp:
    """The dashboard page; display ``app.widget``.

    Args:
        cohort: a loaded :class:`Run` (or the error :func:`load_cohort` gave).
        query: the page's query string.
    """

    def __init__(self, *, cohort: Run | SimkitError, query: str | None = "", lang: str = "zh") -> None:
        params = {k: v[-1] for k, v in parse_qs(query or "").items()}
        self.lang = params.get("lang") if params.get("lang") in LANGS else lang
        self.widget = w.VBox([])
        self.widget.add_class("simkit-trainer")
        self.widget.add_class("simkit-dashboard")
        if isinstance(cohort, SimkitError):
            self.view = None
            self.widget.children = [w.HTML(f'<div class="simkit-alert">{escape(str(cohort))}</div>')]
            return
        self.view = CohortView(cohort)
        self._wanted = params.get("trainee")
        self._build()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def _html(self, cls: str) -> w.HTML:
        widget = w.HTML()
        widget.add_class(cls)
        return widget

    def _build(self) -> None:
        lang, view = self.lang, self.view
        self.language = w.ToggleButtons(options=[(LANG_NAMES[c], c) for c in LANGS], value=lang,
                                        description=tr("language", lang))
        self.language.observe(self._switch_language, names="value")
        any_ = tr("any", lang)
        self.filter_widgets = {}
        for key in FILTERS:
            options = view.options(key)
            if not options:
                continue
            labels = [(render.words.tier_label(o, lang) if key == "tier" else o, o) for o in options]
            box = w.Dropdown(options=[(any_, "")] + labels, value=view.filters[key], description=tr(f"filter-{key}", lang))
            box.add_class(f"simkit-filter-{key}")
            box.observe(lambda ch, key=key: self._filter(key, ch["new"]), names="value")
            self.filter_widgets[key] = box
        self.search = w.Text(value=view.search, continuous_update=False, description=tr("search", lang))
        self.search.add_class("simkit-search")
        self.search.observe(lambda ch: self._set("search", ch["new"]), names="value")
        sortable = [("—", "")] + [(render._column(c, lang), c) for c in view.run.columns]
        self.sort = w.Dropdown(options=sortable, value=view.sort, description=tr("sort", lang))
        self.sort.add_class("simkit-sort")
        self.descending = w.Checkbox(value=view.descending, description=tr("descending", lang))
        self.descending.add_class("simkit-descending")
        for widget in (self.sort, self.descending):
            widget.observe(lambda _: self._sorted(), names="value")
        self.summary, self.table, self.export = self._html("simkit-summary-box"), self._html("simkit-table-wrap"), \
            self._html("simkit-export")
        self.dists, self.funnel, self.weak = self._html("simkit-dists"), self._html("simkit-funnel"), self._html("simkit-weakest")
        self.exercises, self.cells = self._html("simkit-gradebook"), self._html("simkit-trainee-cells")
        self.trainee = w.Dropdown(description=tr("choose-trainee", lang), layout=w.Layout(width="28em"))
        self.trainee.add_class("simkit-trainee")
        self.trainee.observe(lambda _: self._show_trainee(), names="value")
        self.radar = self._html("simkit-radar")
        self.conversation = w.Dropdown(description=tr("choose-conversation", lang), layout=w.Layout(width="36em"))
        self.conversation.add_class("simkit-conversation")
        self.conversation.observe(lambda _: self._show_conversation(), names="value")
        self.drill = self._html("simkit-drill")
        figures = w.HBox([w.VBox([self.funnel], layout=w.Layout(width="50%")),
                          w.VBox([self.weak], layout=w.Layout(width="50%"))])
        self.widget.children = [
            w.HTML(render.STYLE + f"<h2>{escape(tr('dashboard-title', lang))}</h2>"), self.language,
            w.HBox(list(self.filter_widgets.values())), w.HBox([self.search, self.sort, self.descending]),
            self.summary, self.table, self.export, self.dists, figures, self.exercises,
            w.HTML(f"<h3>{escape(tr('drill', lang))}</h3>"), self.trainee, self.radar, self.cells, self.conversation,
            self.drill]
        self.refresh()

    # Updates ----------------------------------------------------------------------------

    def _filter(self, key: str, value) -> None:
        self.view.set_filter(key, value if isinstance(value, str) else "")
        self.refresh()

    def _set(self, name: str, value) -> None:
        if isinstance(value, str):
            self.view.search = value[:200]
            self.refresh()

    def _sorted(self) -> None:
        self.view.set_sort(self.sort.value or "", descending=bool(self.descending.value))
        self.refresh()

    def refresh(self) -> None:
        """Redraw everything for the current filters and sort."""
        lang, view = self.lang, self.view
        rows = view.rows()
        trainees = [r["trainee"] for r in rows]
        convs = view.conversations(trainees)
        self.summary.value = render.summary(view, rows, lang)
        self.table.value = render.table(view, rows, lang)
        data = base64.b64encode(view.csv().encode("utf-8")).decode("ascii")
        self.export.value = (f'<a class="simkit-export-link" download="cohort-view.csv" '
                             f'href="data:text/csv;charset=utf-8;base64,{data}">{escape(tr("export", lang))}</a>')
        self.dists.value = render.distributions(view, trainees, lang)
        self.funnel.value = render.funnel(view, convs, lang)
        self.weak.value = render.weakest(view.weakest(convs), lang)
        self.exercises.value = render.gradebook(view, trainees, lang)
        keep = self.trainee.value or self._wanted
        self._wanted = None
        self.trainee.options = [(f"{t} {view.row(t).get('name', '')}".strip(), t) for t in trainees]
        if keep in trainees:
            self.trainee.value = keep
        elif trainees:
            self.trainee.value = trainees[0]
        self._show_trainee()

    def _show_trainee(self) -> None:
        view, lang = self.view, self.lang
        trainees = [v for _, v in self.trainee.options]
        trainee = self.trainee.value if self.trainee.value in trainees else None
        self.radar.value = render.radar(view, trainee, trainees, lang)
        self.cells.value = render.trainee_grades(view, trainee, lang)
        convs = view.conversations([trainee]) if trainee else []
        keep = self.conversation.value
        self.conversation.options = [(f"{c.index + 1}. {c.scenario} · {c.score:g}", c.index) for c in convs]
        indexes = [c.index for c in convs]
        self.conversation.value = keep if keep in indexes else (indexes[0] if indexes else None)
        self._show_conversation()

    def _show_conversation(self) -> None:
        trainee, index = self.trainee.value, self.conversation.value
        conv = next((c for c in self.view.run.conversations.get(trainee, []) if c.index == index), None)
        if conv is None:
            self.drill.value = ""
            return
        transcript = card = None
        try:
            transcript_at, card_at = self.view.run.path(conv, conv.transcript), self.view.run.path(conv, conv.scorecard)
            transcript = _json(transcript_at) if transcript_at else None
            card = _json(card_at) if card_at else None
        except (OSError, ValueError):
            pass
        self.drill.value = render.drill(conv, transcript if isinstance(transcript, dict) else None,
                                        card if isinstance(card, dict) else None, self.lang)

    def _switch_language(self, change) -> None:
        self.lang = change["new"]
        self._wanted = self.trainee.value
        self._build()
