"""The scenario studio's logic, without widgets: open, validate, preview, play, check and save one file.

A :class:`StudioModel` holds the text of one persona or scenario file as the author edits it.
Nothing in a YAML file is ever executed: the text goes through simkit's own safe reader
(:func:`simkit.content.yamlsource.parse_yaml`, plain JSON-like data only) and the schema, in
memory, together with the other files of its content folder (a scenario names a persona of
another file). A playable library is built from a temporary copy of the folder with the edited
text in place, so a conversation can be tried before the file is saved; saving replaces the file
atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simkit.content.checks import run_checks
from simkit.content.library import find_content_files, load_library
from simkit.content.problems import Problem
from simkit.content.schema import CheckedDocument, check_document
from simkit.content.yamlsource import MAX_BYTES, parse_yaml, read_yaml
from simkit.errors import ContentError, SimkitError
from simkit.labels import LANGS
from simkit.safeio import atomic_write_text

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library
    from simkit.selfcheck import LibraryReport


STUDIO_PATH_VAR = "SIMKIT_STUDIO_PATH"  # the file or folder ``simkit app studio`` serves


@dataclass(frozen=True)
class SpokenGroup:
    """The lines the customer may say at one place of the file, in each language.

    Attributes:
        path: the YAML path of the group (``needs[0].says``), as problems show paths.
        line: the 1-based line where it starts in the file.
        lines: ``{"zh": [...], "en": [...]}`` as written (placeholders unfilled).
    """

    path: str
    line: int
    lines: dict[str, list[str]]


def content_root(path: Path) -> Path:
    """The content folder a file belongs to: above its ``personas/`` or ``scenarios/`` folder
    (the repository's layout), else the file's own folder."""
    folder = path.resolve().parent
    above = folder.parent
    if folder.name in ("personas", "scenarios") and ((above / "personas").is_dir() or (above / "scenarios").is_dir()):
        return above
    return folder


def content_files(root: Path) -> list[Path]:
    """Every content file under ``root`` (what the studio can open), resolved and sorted."""
    found, _ = find_content_files([root])
    return [p.resolve() for p, _ in found]


def shown_name(path: Path, root: Path) -> str:
    """``path`` as problems name it: relative to ``root`` when inside it, else its file name."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return path.name


class StudioModel:
    """One content file being edited.

    Args:
        path: the persona or scenario file (it must exist, and be inside ``root`` if given).
        root: the content folder whose other files it is checked with (default: :func:`content_root`).

    Attributes:
        path, root: as given (resolved).
        text: the editor's text; ``saved_text`` what the file held when opened or last saved.
    """

    def __init__(self, *, path: str | os.PathLike, root: str | os.PathLike | None = None) -> None:
        self.path = Path(path).resolve()
        self.root = Path(root).resolve() if root is not None else content_root(self.path)
        if not self.path.is_file():
            raise SimkitError(f"{path}: no such file")
        raw = self.path.read_bytes()[: MAX_BYTES + 1]
        self.saved_text = raw.decode("utf-8", "replace")
        self.text = self.saved_text
        self._checked: tuple[str, list[CheckedDocument], list[Problem]] | None = None

    # Files ------------------------------------------------------------------------------

    def files(self) -> list[Path]:
        """Every content file of the folder (what the studio can open), sorted."""
        return content_files(self.root)

    @property
    def name(self) -> str:
        """The file as problems name it: relative to the content folder when inside it."""
        return shown_name(self.path, self.root)

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    def set_text(self, text: str) -> None:
        if not isinstance(text, str):
            raise SimkitError("the editor's text must be a string")
        self.text = text

    # Validation -------------------------------------------------------------------------

    def check(self) -> tuple[list[CheckedDocument], list[Problem]]:
        """Every document of the folder (the edited text in place of the file) and every problem."""
        if self._checked and self._checked[0] == self.text:
            return self._checked[1], self._checked[2]
        documents: list[CheckedDocument] = []
        problems: list[Problem] = []
        for other in self.files():
            if other == self.path:
                continue
            doc, found = read_yaml(other, file=self._shown(other))
            problems += found
            if doc is not None:
                documents.append(check_document(doc))
        doc, found = parse_yaml(self.text.encode("utf-8"), self.name)
        problems += found
        if doc is not None:
            documents.append(check_document(doc))
        for document in documents:
            problems += document.problems
        problems += run_checks(documents)
        result = (documents, sorted(set(problems)))
        self._checked = (self.text, *result)
        return result

    def problems(self) -> list[Problem]:
        """The problems of the edited file, sorted by line."""
        return [p for p in self.check()[1] if p.file == self.name]

    def other_problems(self) -> list[Problem]:
        """Problems of the folder's other files (they block playing too)."""
        return [p for p in self.check()[1] if p.file != self.name]

    def document(self) -> CheckedDocument | None:
        return next((d for d in self.check()[0] if d.doc.file == self.name), None)

    def _shown(self, path: Path) -> str:
        return shown_name(path, self.root)

    # Preview ----------------------------------------------------------------------------

    def spoken(self) -> list[SpokenGroup]:
        """Every place the customer speaks, with its lines in zh and en side by side."""
        document = self.document()
        if document is None:
            return []
        groups: dict[tuple, dict[str, list[str]]] = {}
        for path, text in document.spoken:
            # A spoken path ends in (lang, index) for a list of lines or (lang,) for one line.
            lang_at = next((i for i in range(len(path) - 1, -1, -1) if path[i] in LANGS), None)
            if lang_at is None:
                continue
            key = tuple(path[:lang_at])
            groups.setdefault(key, {lang: [] for lang in LANGS})[path[lang_at]].append(text)
        from simkit.content.problems import format_path

        return [SpokenGroup(format_path(key), document.doc.position(key)[0], lines) for key, lines in groups.items()]

    def scenario_ids(self) -> list[str]:
        """The scenarios this file plays in: itself (a scenario), or those naming it (a persona)."""
        document = self.document()
        if document is None:
            return []
        data = document.data
        if document.kind == "scenario":
            return [data["id"]] if isinstance(data.get("id"), str) else []
        return sorted(d.data["id"] for d in self.check()[0]
                      if d.kind == "scenario" and d.data.get("persona") == data.get("id")
                      and isinstance(d.data.get("id"), str))

    # Playing ----------------------------------------------------------------------------

    @contextmanager
    def staged(self) -> Iterator[Path]:
        """A temporary copy of the folder with the edited text in place (removed afterwards)."""
        with tempfile.TemporaryDirectory(prefix="simkit-studio-") as tmp:
            for path in self.files():
                if path != self.path:
                    target = Path(tmp) / self._shown(path)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(path.read_bytes())
            target = Path(tmp) / self.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.text, encoding="utf-8")
            yield Path(tmp)

    def library(self) -> Library:
        """The folder's library with the edited text in place (nothing is saved).

        Raises:
            ContentError: the folder has problems (``.problems`` lists them).
        """
        problems = self.check()[1]
        if problems:
            raise ContentError(problems)
        with self.staged() as folder:
            return load_library([folder])

    def self_checks(self) -> LibraryReport:
        """``simkit check`` (:func:`simkit.ui.studio_play.self_checks`) of this file's scenarios, on the
        edited text (nothing is saved). With problems in the folder nothing is played: the report
        holds the problems, as ``simkit check`` gives them."""
        from simkit.selfcheck import LibraryReport
        from simkit.ui.studio_play import self_checks

        problems = self.check()[1]
        if problems:
            return LibraryReport(len(self.files()), tuple(problems), ())
        ids = self.scenario_ids()
        if not ids:
            return LibraryReport(len(self.files()), (), ())
        with self.staged() as folder:
            return self_checks(folder, ids)

    # Saving -----------------------------------------------------------------------------

    def save(self) -> Path:
        """Replace the file with the editor's text, atomically (a crash leaves the old file whole).

        The text is saved even when it has problems (an author saves work in progress); the
        studio shows them. Raises :class:`SimkitError` when the file cannot be written.
        """
        if len(self.text.encode("utf-8")) > MAX_BYTES:
            raise SimkitError(f"{self.name}: over the {MAX_BYTES // 1_000_000} MB limit; not saved")
        atomic_write_text(self.path, self.text)
        self.saved_text = self.text
        return self.path
