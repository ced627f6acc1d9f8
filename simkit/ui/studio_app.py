"""The Voila scenario studio: edit a persona or scenario file, see its problems, hear the customer, play, check, save.

The page is a thin layer over :class:`~simkit.ui.studio_model.StudioModel`. What a browser can
change is the editor's text and the picks (file, scenario, language, seed, trainee lines); files
are only ever chosen from the folder's own list, never by a path the browser sends, and the
text is only parsed by simkit's safe YAML reader. ``?file=personas/li.yaml&lang=en`` opens a
file of the folder in a language. The folder or file comes from ``$SIMKIT_STUDIO_PATH``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as w

from simkit.content.yamlsource import MAX_BYTES
from simkit.engine.session import MAX_SEED
from simkit.errors import SimkitError
from simkit.labels import LANGS
from simkit.ui import studio_render as render
from simkit.ui.studio_model import STUDIO_PATH_VAR, StudioModel, content_files, content_root, shown_name
from simkit.ui.studio_play import default_lines, placeholder_values, play
from simkit.ui.labels import LANG_NAMES
from simkit.ui.trainer_labels import tr



def studio_path() -> Path:
    """``$SIMKIT_STUDIO_PATH``, else the content folder simkit uses."""
    from simkit.content import default_scenarios_path

    return Path(os.environ.get(STUDIO_PATH_VAR) or default_scenarios_path())


def open_model(path: Path, *, wanted: str | None = None) -> StudioModel:
    """A model on ``path`` (a file, or a folder: its file ``wanted`` or its first file)."""
    root = path.resolve() if path.is_dir() else content_root(path)
    files = content_files(root)
    if not files:
        raise SimkitError(f"{path}: no *.yaml or *.yml file in this folder")
    chosen = next((f for f in files if wanted and shown_name(f, root) == wanted), None)
    if chosen is None:
        chosen = files[0] if path.is_dir() else path
    return StudioModel(path=chosen, root=root)


class StudioApp:
    """The studio page; display ``app.widget``.

    Args:
        path: the file or folder to open (default :func:`studio_path`).
        query: the page's query string (``file=...&lang=en``).
    """

    def __init__(self, *, path: str | Path | None = None, query: str | None = "", lang: str = "zh") -> None:
        params = {k: v[-1] for k, v in parse_qs(query or "").items()}
        self.lang = params.get("lang") if params.get("lang") in LANGS else lang
        self.model = open_model(Path(path) if path is not None else studio_path(), wanted=params.get("file"))
        self.widget = w.VBox([])
        self.widget.add_class("simkit-trainer")
        self.widget.add_class("simkit-studio")
        self._build()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    # Layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        lang, model = self.lang, self.model
        self.language = w.ToggleButtons(options=[(LANG_NAMES[c], c) for c in LANGS], value=lang,
                                        description=tr("language", lang))
        self.language.observe(self._switch_language, names="value")
        names = [(shown_name(f, model.root), f) for f in model.files()]
        self.file = w.Dropdown(options=names, value=model.path if model.path in dict(names).values() else None,
                               description=tr("file", lang), layout=w.Layout(width="32em"))
        self.file.add_class("simkit-file")
        open_button = self._button("open", "simkit-open", self._open)
        self.editor = w.Textarea(value=model.text, continuous_update=False, layout=w.Layout(width="100%", height="36em"))
        self.editor.add_class("simkit-editor")
        self.editor.observe(self._edited, names="value")
        check_button = self._button("validate", "simkit-validate", lambda: self.refresh())
        save_button = self._button("save", "simkit-save", self._save, style="primary")
        self.status = w.HTML()
        self.status.add_class("simkit-status")
        self.problems = w.HTML()
        self.problems.add_class("simkit-problems-box")
        self.preview = w.HTML()
        self.preview.add_class("simkit-preview")
        tabs = w.Tab(children=[self.problems, self.preview, self._play_panel(), self._checks_panel()])
        tabs.titles = tuple(tr(k, lang) for k in ("tab-problems", "tab-preview", "tab-play", "tab-checks"))
        tabs.add_class("simkit-tabs")
        left = w.VBox([w.HBox([self.file, open_button]), self.editor, w.HBox([check_button, save_button]), self.status],
                      layout=w.Layout(width="50%"))
        right = w.VBox([tabs], layout=w.Layout(width="50%"))
        self.widget.children = [w.HTML(render.STYLE + f"<h2>{tr('studio-title', lang)}</h2>"), self.language,
                                w.HBox([left, right])]
        self.refresh()

    def _button(self, label: str, cls: str, action, *, style: str = "") -> w.Button:
        button = w.Button(description=tr(label, self.lang), button_style=style)
        button.add_class(cls)
        button.on_click(lambda _: action())
        return button

    def _play_panel(self) -> w.VBox:
        lang = self.lang
        self.scenario = w.Dropdown(description=tr("scenario", lang), layout=w.Layout(width="30em"))
        self.play_lang = w.ToggleButtons(options=[(LANG_NAMES[c], c) for c in LANGS], value=lang,
                                         description=tr("play-lang", lang), style={"description_width": "initial"})
        self.seed = w.BoundedIntText(value=0, min=0, max=MAX_SEED, description=tr("seed", lang))
        self.lines = w.Textarea(value="\n".join(default_lines(lang)), description="", layout=w.Layout(width="100%", height="12em"))
        self.lines.add_class("simkit-play-lines")
        self.play_lang.observe(lambda ch: setattr(self.lines, "value", "\n".join(default_lines(ch["new"]))), names="value")
        self.played = w.HTML()
        self.played.add_class("simkit-played")
        return w.VBox([self.scenario, self.play_lang, self.seed, w.HTML(f"<b>{tr('lines', lang)}</b>"), self.lines,
                       self._button("play", "simkit-play", self._play, style="primary"), self.played])

    def _checks_panel(self) -> w.VBox:
        self.checks = w.HTML()
        self.checks.add_class("simkit-checks-box")
        return w.VBox([self._button("run-checks", "simkit-run-checks", self._run_checks, style="primary"), self.checks])

    # Actions ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the problems, the customer's lines and the playable scenarios of the current text."""
        model, lang = self.model, self.lang
        if len(model.text.encode("utf-8")) > MAX_BYTES:
            self.problems.value = render.notice(tr("too-large", lang), bad=True)
            return
        self.problems.value = render.problems(model.problems(), model.other_problems(), model.text, lang)
        self.preview.value = render.preview(model.spoken(), self._placeholders(), lang)
        ids = model.scenario_ids()
        keep = self.scenario.value
        self.scenario.options = ids
        self.scenario.value = keep if keep in ids else (ids[0] if ids else None)
        self._show_status()

    def _placeholders(self) -> dict[str, dict[str, str]]:
        documents, _ = self.model.check()
        mine = self.model.document()
        if mine is None:
            return {}
        persona = mine.data if mine.kind == "persona" else next(
            (d.data for d in documents if d.kind == "persona" and d.data.get("id") == mine.data.get("persona")), {})
        return {lang: placeholder_values(persona, lang) for lang in LANGS}

    def _show_status(self, message: str = "", *, bad: bool = False) -> None:
        if not message and self.model.dirty:
            message, bad = tr("unsaved", self.lang), True
        self.status.value = render.notice(message, bad=bad)

    def _edited(self, change) -> None:
        text = change["new"]
        if not isinstance(text, str):
            return
        self.model.set_text(text)
        self.refresh()

    def _save(self) -> None:
        self.model.set_text(self.editor.value)
        try:
            self.model.save()
        except SimkitError as exc:
            self._show_status(tr("save-failed", self.lang, error=str(exc)), bad=True)
            return
        self.refresh()
        self._show_status(tr("saved", self.lang, name=self.model.name, time=time.strftime("%H:%M:%S")))

    def _open(self) -> None:
        chosen = self.file.value
        if chosen is None or chosen not in self.model.files():
            return
        self.model = StudioModel(path=chosen, root=self.model.root)
        self.editor.value = self.model.text
        self.played.value = self.checks.value = ""
        self.refresh()

    def _play(self) -> None:
        lang = self.lang
        self.model.set_text(self.editor.value)
        if self.model.check()[1]:
            self.played.value = render.notice(tr("play-blocked", lang), bad=True)
            return
        if not self.scenario.value:
            self.played.value = render.notice(tr("no-scenario", lang), bad=True)
            return
        try:
            result = play(self.model.library(), self.scenario.value, self.lines.value.splitlines(),
                          lang=self.play_lang.value, seed=int(self.seed.value), ui_lang=lang)
        except SimkitError as exc:
            self.played.value = render.notice(str(exc), bad=True)
            return
        self.played.value = render.played(result, lang)

    def _run_checks(self) -> None:
        self.model.set_text(self.editor.value)
        self.checks.value = render.checks(self.model.self_checks(), self.lang)

    def _switch_language(self, change) -> None:
        self.lang = change["new"]
        text = self.editor.value
        self._build()
        self.editor.value = text
