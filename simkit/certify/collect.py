"""Collect a cohort's submissions into nbgrader's ``submitted/<trainee>/<assignment>/`` layout.

A cohort is nbgrader's own ``submitted/`` folder, or a folder (or a ``.zip``) of per-trainee
folders, each holding the notebook and the exam transcripts either directly or in a folder named
after the assignment. Only regular files are copied (links are not followed), a file is written
only when its content changed, and nothing already in the course folder is deleted. A notebook that
is missing, empty, not JSON or not a notebook is never given to nbgrader: the trainee scores 0 on
the notebook and is listed for a manual look; the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from simkit.safeio import write_if_changed
from simkit.scoring.batch import find_transcripts

TRAINEE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024
SKIPPED_FOLDERS = (".ipynb_checkpoints", "__pycache__", "__MACOSX")


@dataclass
class Submission:
    """One trainee's hand-in, in the course folder.

    Attributes:
        trainee: the trainee id (nbgrader's student id).
        folder: ``<course>/submitted/<trainee>/<assignment>``.
        notebook: the notebook file (it may be missing).
        problem: why the notebook cannot be graded (a review code), or None.
        transcripts: every ``*.json`` handed in, sorted.
        digest: SHA-256 over every file's name and content (the same hand-in, the same digest).
    """

    trainee: str
    folder: Path
    notebook: Path
    problem: str | None = None
    transcripts: list[Path] = field(default_factory=list)
    digest: str = ""


def collect(course: Path, aid: str, *, cohort: Path | None = None) -> tuple[list[Submission], list[str]]:
    """Copy ``cohort`` into ``course/submitted`` (None: use what is there) and check each hand-in.

    Returns:
        The submissions sorted by trainee id, and warnings (entries that are not a trainee folder).
    """
    course = Path(course).resolve()
    submitted = course / "submitted"
    warnings: list[str] = []
    if cohort is not None:
        cohort = Path(cohort).resolve()
        if cohort.is_file() and zipfile.is_zipfile(cohort):
            cohort = _unzip(cohort, course / ".simkit" / "incoming" / _file_digest(cohort)[:16])
        elif not cohort.is_dir():
            raise FileNotFoundError(f"{cohort}: not a folder nor a .zip of trainee folders")
        if cohort != submitted:
            for folder in sorted(p for p in cohort.iterdir() if not p.name.startswith(".")):
                if not _usable_trainee(folder, warnings):
                    continue
                source = folder / aid if (folder / aid).is_dir() else folder
                _copy_tree(source, submitted / folder.name / aid)
    found = []
    for folder in sorted(submitted.iterdir()) if submitted.is_dir() else ():
        if (folder / aid).is_dir() and _usable_trainee(folder, warnings):
            found.append(_inspect(folder.name, folder / aid, aid))
    return found, warnings


def _usable_trainee(folder: Path, warnings: list[str]) -> bool:
    if folder.is_symlink() or not folder.is_dir():
        warnings.append(f"{folder.name}: not a trainee folder (skipped)")
        return False
    if not TRAINEE_ID.fullmatch(folder.name):
        warnings.append(f"{folder.name!r}: not a usable trainee id (letters, digits, . _ @ -; skipped)")
        return False
    return True


def _copy_tree(source: Path, target: Path) -> None:
    """Regular files of ``source`` into ``target``, each written only when its content differs."""
    for here, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not os.path.islink(os.path.join(here, d)))
        for name in sorted(files):
            path = Path(here) / name
            if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                continue
            write_if_changed(target / path.relative_to(source), path.read_bytes())


def _unzip(archive: Path, into: Path) -> Path:
    """Extract ``archive`` safely (no absolute paths, no ``..``, no links, bounded sizes) into ``into``."""
    if not into.is_dir():
        partial = into.with_name(into.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        total = 0
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                parts = Path(info.filename).parts
                is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
                if info.is_dir() or is_link or not parts or info.filename.startswith("/") or ".." in parts \
                        or any(p in SKIPPED_FOLDERS for p in parts) or info.file_size > MAX_FILE_BYTES:
                    continue
                total += info.file_size
                if total > MAX_ZIP_BYTES:
                    raise ValueError(f"{archive}: more than {MAX_ZIP_BYTES} bytes unpacked")
                dest = partial.joinpath(*parts)
                dest.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(dest, "wb") as out:
                    shutil.copyfileobj(src, out)
        partial.mkdir(parents=True, exist_ok=True)
        os.replace(partial, into)
    entries = [p for p in into.iterdir() if not p.name.startswith(".")]
    if len(entries) == 1 and entries[0].is_dir() and not any(entries[0].glob("*.ipynb")):
        return entries[0]  # the zip holds one folder of trainee folders
    return into


def _inspect(trainee: str, folder: Path, aid: str) -> Submission:
    notebook = folder / f"{aid}.ipynb"
    transcripts = [p for p in find_transcripts([folder]) if not set(p.relative_to(folder).parts) & set(SKIPPED_FOLDERS)]
    return Submission(trainee=trainee, folder=folder, notebook=notebook, problem=notebook_problem(notebook),
                      transcripts=transcripts, digest=_folder_digest(folder))


def notebook_problem(path: Path) -> str | None:
    """Why nbgrader must not be given ``path`` (a review code), or None when it is a notebook."""
    import nbformat

    if path.is_symlink() or not path.is_file():
        return "notebook-missing"
    if path.stat().st_size > MAX_FILE_BYTES:
        return "notebook-too-big"
    raw = path.read_bytes()
    if not raw.strip():
        return "notebook-empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return "notebook-not-json"
    try:
        nb = nbformat.from_dict(data)
        nbformat.validate(nb)
        if not isinstance(nb.get("cells"), list):
            raise ValueError("no cells")
    except Exception:  # nbformat raises several kinds: any of them means nbgrader would fail
        return "notebook-invalid"
    return None


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
                       and not set(p.relative_to(folder).parts) & set(SKIPPED_FOLDERS)):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(_file_digest(path).encode("ascii") + b"\n")
    return digest.hexdigest()
