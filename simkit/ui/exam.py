"""The exam seat: who takes which exam, with which seeds, and where the signed transcripts go.

An exam file (JSON, named by ``simkit app practice --exam EXAM.json``) says what the exam is::

    {"exam_id": "cert-2026-12", "scenarios": ["used-car-hidden-defects-v1"],
     "save_to": "/srv/exam/{trainee}", "langs": ["zh", "en"]}

``langs`` is optional (default both); ``{trainee}`` in ``save_to`` is optional and stands for the
trainee id, for one server shared by several trainees. The trainee id is ``JUPYTERHUB_USER``
(JupyterHub sets it for each trainee's server), else ``SIMKIT_TRAINEE``, else the server's user.
The key is the file named by ``SIMKIT_EXAM_KEY_FILE`` in the server's environment: it stays in
this Python object (never in a widget, so never in the browser) and is never written anywhere.

Each conversation is saved to ``<save_to>/<scenario_id>.json`` after every turn, signed with
:func:`simkit.exam.sign` (see docs/exam.md for the layout the certification reads).
"""

from __future__ import annotations

import getpass
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from simkit.errors import SimkitError, TranscriptError
from simkit.exam import exam_seed, key_from_env, sign, verify
from simkit.labels import LANGS
from simkit.transcript import Transcript

EXAM_VAR = "SIMKIT_EXAM"  # the exam file, set by ``simkit app practice --exam``
KEY_VAR = "SIMKIT_EXAM_KEY_FILE"
TRAINEE_VARS = ("JUPYTERHUB_USER", "SIMKIT_TRAINEE")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$")


class ExamError(SimkitError):
    """The exam cannot be held as configured (a bad exam file, no key, a transcript that does not verify)."""


@dataclass(frozen=True)
class ExamFile:
    """What an exam file says (see the module docstring)."""

    exam_id: str
    scenarios: tuple[str, ...]
    save_to: str
    langs: tuple[str, ...] = LANGS


def load_exam(path: str | Path) -> ExamFile:
    """Read and check an exam file.

    Raises:
        ExamError: naming the file and what is wrong with it.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExamError(f"{path}: cannot read the exam file ({exc})") from None
    if not isinstance(data, dict):
        raise ExamError(f"{path}: expected a JSON object")

    def need(key: str, ok: bool, what: str) -> None:
        if not ok:
            raise ExamError(f"{path}: {key!r} must be {what}")

    exam_id, scenarios, save_to = data.get("exam_id"), data.get("scenarios"), data.get("save_to")
    langs = data.get("langs", list(LANGS))
    need("exam_id", isinstance(exam_id, str) and bool(_ID.match(exam_id)), "a short id (letters, digits, . _ @ -)")
    need("scenarios", isinstance(scenarios, list) and bool(scenarios) and all(isinstance(s, str) for s in scenarios)
         and len(set(scenarios)) == len(scenarios), "a non-empty list of distinct scenario ids")
    need("save_to", isinstance(save_to, str) and bool(save_to.strip()), "a folder")
    need("langs", isinstance(langs, list) and bool(langs) and all(lang in LANGS for lang in langs),
         f"a list of languages from {list(LANGS)}")
    unknown = set(data) - {"exam_id", "scenarios", "save_to", "langs"}
    need(", ".join(sorted(unknown)) or "-", not unknown, "left out (unknown field)")
    folder = save_to if os.path.isabs(save_to) else str(Path(path).resolve().parent / save_to)
    return ExamFile(exam_id=exam_id, scenarios=tuple(scenarios), save_to=folder, langs=tuple(langs))


def trainee_id(env: dict[str, str] | None = None) -> str:
    """``JUPYTERHUB_USER``, else ``SIMKIT_TRAINEE``, else the server's user name."""
    env = os.environ if env is None else env
    found = next((env[v] for v in TRAINEE_VARS if env.get(v)), None) or getpass.getuser()
    if not _ID.match(found):
        raise ExamError(f"the trainee id {found!r} is not a usable id (letters, digits, . _ @ -)")
    return found


@dataclass
class ExamSeat:
    """One trainee's seat in one exam: the seeds, the files, signing and checking.

    Attributes:
        exam: the exam file.
        trainee: the trainee id the signatures bind.
        folder: where this trainee's transcripts go.
    """

    exam: ExamFile
    trainee: str
    _key: bytes = field(repr=False)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> ExamSeat:
        """The seat the server's environment describes (``SIMKIT_EXAM``, the key, the trainee)."""
        env = os.environ if env is None else env
        if not env.get(EXAM_VAR):
            raise ExamError(f"{EXAM_VAR} names no exam file")
        if not env.get(KEY_VAR):
            raise ExamError(f"{KEY_VAR} names no key file: the exam cannot sign transcripts")
        exam = load_exam(env[EXAM_VAR])
        try:
            key = key_from_env(env)
        except (OSError, ValueError) as exc:
            raise ExamError(f"the exam key cannot be read: {exc}") from None
        seat = cls(exam, trainee_id(env), key)
        check_key_apart(Path(env[KEY_VAR]), exam.save_to)
        return seat

    @property
    def folder(self) -> Path:
        return Path(self.exam.save_to.replace("{trainee}", self.trainee))

    def path(self, scenario_id: str) -> Path:
        return self.folder / f"{scenario_id}.json"

    def seed(self, scenario_id: str) -> int:
        return exam_seed(key=self._key, exam_id=self.exam.exam_id, trainee_id=self.trainee, scenario_id=scenario_id)

    def status(self, scenario_id: str) -> str:
        """``new`` (not started), ``started`` (saved, not over) or ``done`` (the customer agreed or left)."""
        path = self.path(scenario_id)
        if not path.exists():
            return "new"
        try:
            return "done" if Transcript.load(path).outcome is not None else "started"
        except TranscriptError:
            return "started"  # opening it reports the problem

    def save(self, transcript: Transcript, *, previous: str | None) -> str:
        """Sign ``transcript`` for this seat, save it atomically as ``<folder>/<scenario>.json``
        and return its signature.

        ``previous`` is the signature this page saved last (None: the file must not exist yet).
        A file that changed since means the conversation went on in another page: saving over
        it would undo that page's turns (a retry), so it is refused.

        Raises:
            ExamError: the saved file is not the one this page saved last.
        """
        self.check_unchanged(transcript.scenario_id, previous)
        self.folder.mkdir(parents=True, exist_ok=True)
        sign(transcript, key=self._key, trainee_id=self.trainee, exam_id=self.exam.exam_id)
        transcript.save(self.path(transcript.scenario_id))
        return transcript.signature

    def check_unchanged(self, scenario_id: str, previous: str | None) -> None:
        """Raise :class:`ExamError` unless the saved file still carries ``previous`` (None: no file)."""
        path = self.path(scenario_id)
        try:
            current = Transcript.load(path).signature if path.exists() else None
        except TranscriptError:
            current = ""
        if current != previous:
            raise ExamError(f"{path.name}: this conversation went on in another window")

    def load(self, scenario_id: str) -> Transcript:
        """The saved transcript of ``scenario_id``, only if its signature is this seat's.

        Raises:
            ExamError: the file is unreadable or does not verify (it was edited, or is someone else's).
        """
        path = self.path(scenario_id)
        try:
            transcript = Transcript.load(path)
        except TranscriptError as exc:
            raise ExamError(f"{path.name}: {exc}") from None
        ok = verify(transcript, key=self._key, trainee_id=self.trainee, exam_id=self.exam.exam_id)
        if not ok or transcript.scenario_id != scenario_id or transcript.seed != self.seed(scenario_id):
            raise ExamError(f"{path.name}: the saved exam conversation does not verify; ask the trainer")
        return transcript


def check_key_apart(key_file: Path, save_to: str) -> None:
    """Refuse a key file inside the transcripts' folder (trainees and graders read that folder)."""
    key_dir = key_file.resolve().parent
    root = Path(save_to.split("{trainee}")[0]).resolve()
    if key_dir == root or root in key_dir.parents:
        raise ExamError(f"the exam key {key_file} is inside the transcripts folder {root}: keep it elsewhere")
