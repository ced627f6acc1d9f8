"""The practice view-model: one conversation as plain Python that widgets only display.

Everything that is scored or decides the conversation lives here, in ordinary attributes: the
:class:`~simkit.engine.Session`, the transcript file, the scorecard. Widgets call :meth:`send`,
:meth:`choose`, :meth:`finish` and :meth:`highlight` and redraw when told; a value the browser
sets on a widget is at most a line offered to :meth:`send`, which refuses it unless the
conversation is ready for the trainee's next line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from simkit.engine import Session
from simkit.engine.replay import replay
from simkit.errors import SimkitError
from simkit.transcript import Transcript
from simkit.ui.choices import Choice, candidates
from simkit.ui.files import new_transcript_path
from simkit.ui.labels import beat_params, ui

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library
    from simkit.engine.view import CustomerView
    from simkit.scoring import Scorecard
    from simkit.ui.exam import ExamSeat

MODES = ("free", "choice", "exam")
MAX_LINE = 2000  # characters; far above any spoken line


@dataclass(frozen=True)
class Message:
    """One chat bubble: ``role`` is ``customer`` or ``trainee``; ``turn`` 0 is the opening."""

    role: str
    text: str
    turn: int


class PracticeModel:
    """One practice conversation, its saved transcript and, at the end, its scorecard.

    Args:
        scenario: the scenario id (not needed when resuming from ``transcript``).
        lang: ``zh`` or ``en``.
        mode: ``free`` (type lines), ``choice`` (pick one of the candidates) or ``exam``
            (type lines; the customer's state is hidden).
        seed: the session's seed.
        folder: where the transcript is saved (default: the current folder, which in a
            notebook or Voila is the notebook's).
        transcript: an existing transcript file to resume: its lines are replayed and the
            conversation goes on, saved to the same file.
        library: the content (default: the repository's scenarios).
        seat: an :class:`~simkit.ui.exam.ExamSeat`: the exam draws the seed, the mode is
            ``exam``, each turn is saved signed as ``<seat folder>/<scenario>.json``, a saved
            conversation is resumed only if its signature verifies, and nothing is scored here
            (the certification scores the signed transcript).

    Attributes:
        session: the engine's session (the app is the engine, not a copy).
        path: the transcript file, saved atomically after every turn.
        messages: the chat so far.
        busy: a turn is being played.
        finished: the trainee ended the conversation early (it is scored as it stands).
        scorecard: the :class:`~simkit.scoring.Scorecard` once the conversation is over.
        highlighted: the turn highlighted in the chat (chosen from the scorecard's evidence).
        notice: a message for the trainee (an empty line, a resumed conversation), or None.
    """

    def __init__(self, scenario: str | None = None, *, lang: str = "zh", mode: str = "free", seed: int = 0,
                 folder: str | Path | None = None, transcript: str | Path | None = None,
                 library: Library | None = None, seat: ExamSeat | None = None) -> None:
        if seat is not None:
            mode = "exam"
        if mode not in MODES:
            raise SimkitError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        self.mode = mode
        self.busy = False
        self.finished = False
        self.scorecard: Scorecard | None = None
        self.highlighted: int | None = None
        self.notice: str | None = None
        self._library = library
        self._listeners: list[Callable[[], None]] = []
        self.seat = seat
        if seat is not None:
            self._sit(seat, scenario, lang)
        elif transcript is not None:
            self._resume(Transcript.load(transcript), Path(transcript))
        else:
            if scenario is None:
                raise SimkitError("name a scenario id, or a transcript to resume")
            folder = Path(folder) if folder is not None else Path.cwd()
            self.path = new_transcript_path(folder, scenario_id=scenario, seed=seed, lang=lang)
            try:
                # A person types (or clicks) as the conversation happens: the session's own clock stamps
                # each line, so the transcript's times count as live.
                self.session = Session(scenario, seed=seed, lang=lang, library=library, save_to=self.path,
                                       interactive=True)
            except BaseException:
                self.path.unlink(missing_ok=True)  # the reserved name held nothing yet
                raise
            self.messages = [Message("customer", self.session.opening, 0)]
        if self.session.done:
            self._score()

    # What widgets read -------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.session.lang

    @property
    def status(self) -> str:
        """``ready`` for the trainee's next line, ``busy`` while a turn plays, ``ended`` after."""
        if self.session.done or self.finished:
            return "ended"
        return "busy" if self.busy else "ready"

    @property
    def exam(self) -> bool:
        return self.mode == "exam"

    @property
    def input_enabled(self) -> bool:
        return self.status == "ready" and self.mode != "choice"

    @property
    def view(self) -> CustomerView | None:
        """The customer's meters, or None in an exam (where they are hidden)."""
        return None if self.exam else self.session.view

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The candidate lines (choice mode, while ready), else nothing."""
        if self.mode != "choice" or self.status != "ready":
            return ()
        return candidates(self.session)

    @property
    def happened(self) -> str:
        """One line saying what the last turn's beats did (hidden in an exam)."""
        if self.exam:
            return ""
        lang = self.lang
        turns = self.session.transcript.turns
        if not turns:
            return ui("happened-start", lang)
        from simkit.engine.beats import Beat

        session = self.session
        beats = [Beat(kind=b["kind"], rule=b["rule"], params=beat_params(b.get("params", {}), persona=session.persona,
                                                                          scenario=session.scenario, lang=lang))
                 for b in turns[-1].beats]
        sep = "；" if lang == "zh" else "; "
        return ui("happened", lang, what=sep.join(dict.fromkeys(b.explain(lang) for b in beats)))

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every change (the widgets redraw)."""
        self._listeners.append(listener)

    # What the trainee does --------------------------------------------------------------

    def send(self, text: object) -> bool:
        """Play one typed trainee line; False (and nothing changes) unless the input is enabled.

        A blank or overlong line is refused with a :attr:`notice`.
        """
        if not self.input_enabled:
            return False
        return self._play(text)

    def choose(self, index: int) -> bool:
        """Play the candidate at ``index`` of :attr:`choices` (choice mode only)."""
        choices = self.choices
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(choices):
            return False
        return self._play(choices[index].text, chosen=True)

    def _play(self, text: object, *, chosen: bool = False) -> bool:
        if self.status != "ready" or not isinstance(text, str):
            return False
        line = text.strip()
        if not line or len(line) > MAX_LINE:
            self.notice = ui("empty-line", self.lang) if not line else ui("too-long", self.lang, max=MAX_LINE)
            self._changed()
            return False
        self.notice = None
        if self.seat is not None:
            try:
                self.seat.check_unchanged(self.session.scenario.id, self._signed)
            except SimkitError:  # another page of this trainee went on with it: this one stops
                self.finished = True
                self.notice = ui("exam-elsewhere", self.lang)
                self._changed()
                return False
        self.busy = True
        self._changed()
        try:
            turn = self.session.record(line)
            if chosen:  # clicked, not typed: judged by the time to choose (docs/integrity.md)
                turn.chosen = True
                self.session.transcript.save(self.path)
            if self.seat is not None:
                self._signed = self.seat.save(self.session.transcript, previous=self._signed)  # after every turn
        finally:
            self.busy = False
        self.messages += [Message("trainee", line, turn.n), Message("customer", turn.customer, turn.n)]
        if self.session.done:
            self._score()
        self._changed()
        return True

    def finish(self) -> None:
        """End the conversation now and score it as it stands."""
        if self.status != "ready":
            return
        self.finished = True
        self._score()
        self._changed()

    def highlight(self, turn: int | None) -> None:
        """Highlight ``turn`` in the chat (None clears it)."""
        if turn is None or (isinstance(turn, int) and 0 <= turn <= len(self.session.transcript.turns)):
            self.highlighted = turn
            self._changed()

    # Inside -----------------------------------------------------------------------------

    def _score(self) -> None:
        if self.seat is not None:
            return  # an exam is scored by the certification, from the signed file
        from simkit.scoring import score

        self.scorecard = score(self.session.transcript, library=self._library)

    def _sit(self, seat: ExamSeat, scenario: str | None, lang: str) -> None:
        if scenario is None or scenario not in seat.exam.scenarios:
            raise SimkitError(f"{scenario!r} is not a scenario of the exam {seat.exam.exam_id}")
        self.path = seat.path(scenario)
        self._signed: str | None = None
        if seat.status(scenario) != "new":
            recorded = seat.load(scenario)  # raises unless the signature is this seat's
            self._signed = recorded.signature
            self._resume(recorded, None)
            # The earlier times were stamped by this server and are covered by its signature.
            self.session.transcript.times = recorded.times
        else:
            self.session = Session(scenario, seed=seat.seed(scenario), lang=lang, library=self._library,
                                   interactive=True)
            self.messages = [Message("customer", self.session.opening, 0)]
        self._signed = seat.save(self.session.transcript, previous=self._signed)

    def _resume(self, recorded: Transcript, path: Path | None) -> None:
        report = replay(recorded, library=self._library)
        session = report.session
        transcript = session.transcript
        messages = [Message("customer", session.opening, 0)]
        for turn in transcript.turns:
            messages += [Message("trainee", turn.trainee, turn.n), Message("customer", turn.customer, turn.n)]
        if path is not None:
            session.save_to = path
            transcript.save(path)
        self.session, self.messages = session, messages
        if path is not None:
            self.path = path
        self.notice = ui("resumed", recorded.lang, turns=len(transcript.turns))
        if report.differences:
            self.notice += " " + ui("resume-changed", recorded.lang, count=len(report.differences))

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()
