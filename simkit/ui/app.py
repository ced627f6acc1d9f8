"""The Voila practice app: pick a scenario, a language, a mode and a seed; chat; see the scorecard.

The app is a page around :class:`~simkit.ui.widgets.Practice`. A link can skip the picker:
``?scenario=ID&lang=en&mode=choice&seed=3`` starts that conversation, and ``?resume=NAME``
resumes the transcript ``NAME`` from the transcripts folder (the page offers that link when its
kernel is lost). Transcripts go to ``$SIMKIT_TRANSCRIPTS`` or ``transcripts/`` beside the app.
"""

from __future__ import annotations

import base64
import os
import random
from html import escape
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as w

from simkit.content import default_library
from simkit.engine.session import MAX_SEED
from simkit.errors import SimkitError
from simkit.labels import LANGS
from simkit.ui import render
from simkit.ui.files import find_transcript, unfinished_transcripts
from simkit.ui.labels import LANG_NAMES, channel_name, ui
from simkit.ui.model import MODES
from simkit.ui.widgets import Practice

FOLDER_VAR = "SIMKIT_TRANSCRIPTS"
LIST_VAR = "SIMKIT_LIST_UNFINISHED"  # "0": the picker does not list unfinished transcripts


def transcripts_folder() -> Path:
    return Path(os.environ.get(FOLDER_VAR) or Path.cwd() / "transcripts")


class PracticeApp:
    """The practice page. ``PracticeApp(query="scenario=...&lang=en")``; display ``app.widget``.

    Attributes:
        practice: the running :class:`~simkit.ui.widgets.Practice`, or None on the picker.
        widget: the page's box.
    """

    def __init__(self, *, query: str | None = "", lang: str = "zh", library=None, folder: str | Path | None = None):
        self.library = library or default_library()
        self.folder = Path(folder) if folder is not None else transcripts_folder()
        self.lang = lang
        self.practice: Practice | None = None
        self.widget = w.VBox([])
        self.widget.add_class("simkit-app")
        params = {k: v[-1] for k, v in parse_qs(query or "").items()}
        self.lang = params.get("lang") if params.get("lang") in LANGS else lang
        try:
            if params.get("resume"):
                self._resume(params["resume"])
            elif params.get("scenario"):
                seed = int(params.get("seed", "0"))
                mode = params.get("mode", "free")
                self.start(params["scenario"], lang=self.lang, mode=mode, seed=seed)
            else:
                self.show_picker()
        except (SimkitError, ValueError) as exc:
            self.show_picker(error=str(exc))

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        if self.practice is not None:
            # Front ends with widgets draw the widget; the served page shows this copy until then.
            bundle["text/html"] = render.first_view(self.practice.model)
        return bundle

    # The picker --------------------------------------------------------------------------

    def show_picker(self, *, error: str | None = None) -> None:
        lang = self.lang
        cat = self.library.catalogue()
        channels = sorted({row["channel"] for row in cat})
        tags = sorted({t for row in cat for t in row["tags"]})
        any_ = ui("any", lang)
        self.channel = w.Dropdown(options=[(any_, "")] + [(channel_name(c, lang), c) for c in channels],
                                  description=ui("filter-channel", lang))
        self.tag = w.Dropdown(options=[(any_, "")] + [(t, t) for t in tags], description=ui("filter-tag", lang))
        self.scenario = w.Dropdown(description=ui("scenario", lang), layout=w.Layout(width="36em"))
        self.language = w.ToggleButtons(options=[(LANG_NAMES[c], c) for c in LANGS], value=lang,
                                        description=ui("language", lang))
        self.mode = w.Dropdown(options=[(ui(f"mode-{m}", lang), m) for m in MODES], description=ui("mode", lang))
        self.seed = w.BoundedIntText(value=0, min=0, max=MAX_SEED, description=ui("seed", lang))
        surprise = w.Button(description=ui("surprise", lang))
        start = w.Button(description=ui("start", lang), button_style="primary")
        start.add_class("simkit-start")
        self.brief = w.HTML()
        for widget in (self.channel, self.tag):
            widget.observe(lambda _: self._filter(), names="value")
        self.scenario.observe(lambda _: self._show_brief(), names="value")
        self.language.observe(self._switch_language, names="value")
        surprise.on_click(lambda _: setattr(self.seed, "value", random.SystemRandom().randrange(1_000_000)))
        start.on_click(lambda _: self._start_from_picker())
        self._filter()
        rows = [w.HTML(render.STYLE + f"<h2>{escape(ui('app-title', lang))}</h2>"),
                w.HTML(f'<div class="simkit-alert">{escape(error)}</div>') if error else w.HTML(),
                self.language, w.HBox([self.channel, self.tag]), self.scenario, self.brief,
                w.HBox([self.mode, self.seed, surprise]), start]
        rows += self._resume_rows()
        self.widget.children = rows

    def _resume_rows(self) -> list[w.Widget]:
        # On a server shared by a class the folder holds everyone's conversations: no list there.
        listed = os.environ.get(LIST_VAR, "1") != "0"
        unfinished = unfinished_transcripts(self.folder) if listed and self.folder.is_dir() else []
        if not unfinished:
            return []
        pick = w.Dropdown(options=[p.name for p in unfinished[:50]], description=ui("resume-list", self.lang),
                          layout=w.Layout(width="40em"), style={"description_width": "initial"})
        go = w.Button(description=ui("resume", self.lang))
        go.on_click(lambda _: self._resume(pick.value))
        return [w.HBox([pick, go])]

    def _filter(self) -> None:
        lang = self.lang
        rows = [r for r in self.library.catalogue()
                if (not self.channel.value or r["channel"] == self.channel.value)
                and (not self.tag.value or self.tag.value in r["tags"])]
        keep = self.scenario.value
        self.scenario.options = [(r["title"][lang], r["id"]) for r in rows]
        ids = [r["id"] for r in rows]
        self.scenario.value = keep if keep in ids else (ids[0] if ids else None)
        self._show_brief()

    def _show_brief(self) -> None:
        if not self.scenario.value:
            self.brief.value = f"<i>{escape(ui('no-scenarios', self.lang))}</i>"
            return
        s = self.library.scenario(self.scenario.value)
        self.brief.value = f"<p><b>{escape(ui('brief', self.lang))}:</b> {escape(s.brief[self.lang])}</p>"

    def _switch_language(self, change) -> None:
        keep = (self.channel.value, self.tag.value, self.scenario.value, self.mode.value, self.seed.value)
        self.lang = change["new"]
        self.show_picker()
        self.channel.value, self.tag.value = keep[0], keep[1]
        if keep[2] in [v for _, v in self.scenario.options]:
            self.scenario.value = keep[2]
        self.mode.value, self.seed.value = keep[3], keep[4]

    def _start_from_picker(self) -> None:
        if self.scenario.value:
            self.start(self.scenario.value, lang=self.lang, mode=self.mode.value, seed=self.seed.value)

    # The conversation --------------------------------------------------------------------

    def start(self, scenario_id: str, *, lang: str, mode: str, seed: int) -> None:
        """Start a new conversation and show it."""
        self.lang = lang
        self._show(Practice(scenario_id, lang=lang, mode=mode, seed=seed, folder=self.folder, library=self.library))

    def _resume(self, name: str) -> None:
        path = find_transcript(self.folder, name)
        if path is None:
            raise SimkitError(ui("not-found", self.lang, name=name))
        practice = Practice(transcript=path, library=self.library)
        self.lang = practice.model.lang
        self._show(practice)

    def _show(self, practice: Practice) -> None:
        self.practice = practice
        model, lang = practice.model, practice.model.lang
        scenario = model.session.scenario
        title = w.HTML(render.heading(model))
        self.download = w.HTML()
        again = w.Button(description=ui("again-same", lang))
        other = w.Button(description=ui("again-other", lang))
        back = w.Button(description=ui("new-scenario", lang))
        for b, cls in ((again, "simkit-again"), (other, "simkit-again-other"), (back, "simkit-back")):
            b.add_class(cls)
        seed, mode = model.session.seed, model.mode
        again.on_click(lambda _: self.start(scenario.id, lang=lang, mode=mode, seed=seed))
        other.on_click(lambda _: self.start(scenario.id, lang=lang, mode=mode,
                                            seed=random.SystemRandom().randrange(1_000_000)))
        back.on_click(lambda _: self.show_picker())
        self.actions = w.HBox([again, other, back])
        model.subscribe(self._after_turn)
        self._after_turn()
        self.widget.children = [title, practice.widget, self.download, self.actions]

    def _after_turn(self) -> None:
        model = self.practice.model
        self.actions.layout.display = None if model.status == "ended" else "none"
        data = base64.b64encode(model.session.transcript.to_json().encode("utf-8")).decode("ascii")
        self.download.value = (f'<a class="simkit-download" download="{escape(model.path.name)}" '
                               f'href="data:application/json;base64,{data}">{escape(ui("download", model.lang))}</a>')


def page(*, query: str = "", library=None):
    """The app's page: the exam page when the server holds an exam (``SIMKIT_EXAM``), else the practice app.

    In an exam the query string is ignored: no link can pick another scenario, seed or mode.
    """
    from simkit.ui.exam import EXAM_VAR

    if os.environ.get(EXAM_VAR):
        from simkit.ui.exam_app import ExamApp

        return ExamApp.from_env(library=library)
    return PracticeApp(query=query, library=library)


def warm_up(library=None) -> None:
    """Load everything a first turn needs (the understanding model, the scorer) ahead of the first page.

    Voila runs this in its preheated kernels before any page asks for one, so a trainee's first
    line and first reply do not pay for loading.
    """
    from simkit.engine import Session
    from simkit.scoring import score

    library = library or default_library()
    for scenario_id in library.scenarios:
        for lang in LANGS:
            session = Session(scenario_id, lang=lang, library=library)
            session.say(render.escape("warm up"))
            score(session.transcript, library=library)
        break
