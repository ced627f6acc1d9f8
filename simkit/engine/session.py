"""A practice conversation with one simulated customer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from simkit import i18n
from simkit.content import variants
from simkit.engine.actor import Actor
from simkit.engine.beats import Beat
from simkit.engine.director import Director
from simkit.engine.version import ENGINE_VERSION
from simkit.engine.view import CustomerView, customer_view
from simkit.errors import SessionError
from simkit.labels import LANGS
from simkit.transcript import TIMES_LIVE, TIMES_UNTRUSTED, Transcript, Turn
from simkit.understand import ANALYZER_VERSION, Analysis, analyze
from simkit.understand.context import Context

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content import Library
    from simkit.content.model import Scenario

MAX_SEED = 2**63 - 1


@dataclass(frozen=True)
class Outcome:
    """How a conversation ended: ``status`` is ``"success"`` (``goal`` met) or ``"defeat"`` (``reason``).

    A goal that books a time (a test drive, a visit) carries the booked ``appointment``:
    ``weekday`` (Monday = 0), ``start`` (minutes after midnight, or None), ``part`` (of the day, when
    only that was said), ``time`` (in words, as the customer repeated it) and ``by`` (``trainee``
    when the proposal suited the customer, ``customer`` when the trainee accepted their counter).
    """

    status: str
    turn: int
    goal: str | None = None
    reason: str | None = None
    appointment: dict[str, Any] | None = None  # a booked time: weekday, start, part, time (words), by

    def describe(self, lang: str) -> str:
        if self.status == "success":
            agreed = i18n.text("outcome.success", lang, goal=i18n.text(f"goal.{self.goal}", lang))
            if self.appointment:
                return i18n.text("outcome.booked", lang, outcome=agreed, time=self.appointment["time"])
            return agreed
        return i18n.text("outcome.defeat", lang, reason=i18n.text(f"defeat.{self.reason}", lang))

    def to_dict(self) -> dict[str, Any]:
        data = {"status": self.status, "turn": self.turn, "goal": self.goal, "reason": self.reason}
        if self.appointment:
            data["appointment"] = dict(self.appointment)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outcome:
        return cls(status=data["status"], turn=data["turn"], goal=data.get("goal"), reason=data.get("reason"),
                   appointment=data.get("appointment"))


@dataclass(frozen=True)
class Reply:
    """What ``Session.say`` returns: the customer's words, the visible state and why.

    Attributes:
        text: the customer's reply, in the session's language.
        state: the state as plain data, exactly as the transcript records it (turn, stage,
            trust, interest, patience, needs_revealed, objections_open, objections_resolved,
            appointment: where fixing a time stands or None, offers: the amounts on the table).
            Kept for compatibility and for tools that read transcripts; UIs read ``view``.
        beats: what the director decided this turn, each naming the rule that fired.
        analysis: how the trainee's line was understood (techniques, topics).
        done: True once the customer agreed or left.
        outcome: how the conversation ended, or None while it goes on.
        view: the typed :class:`~simkit.engine.view.CustomerView` after this turn: meters with
            their ranges, stage, every need (found or not) and the raised objections, with
            zh/en display names.
    """

    text: str
    state: dict[str, Any]
    beats: tuple[Beat, ...]
    analysis: Analysis
    done: bool
    outcome: Outcome | None
    view: CustomerView


def _seconds_between(start: str, end: str) -> float | None:
    """Seconds from one ISO 8601 time to a later one; None when unreadable or running backwards."""
    try:
        seconds = (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
    except (TypeError, ValueError):
        return None
    return seconds if seconds >= 0 else None


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def check_seed(seed: object) -> int:
    """The one place a seed is validated: a whole number from 0 to 2**63 - 1."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise SessionError(f"seed must be a whole number from 0 to {MAX_SEED}, got {seed!r}")
    return seed


class Session:
    """A conversation between a trainee and one simulated customer.

    The whole contract:

    - ``Session(scenario, seed=0, lang="zh", library=None, save_to=None, interactive=False)``
      starts the conversation. ``scenario`` is an id or a loaded ``Scenario``; ``library`` picks
      the content (default: the repo's scenarios/); ``save_to`` saves the transcript atomically
      after every turn; ``clock`` (default: UTC now) gives each line's ISO 8601 timestamp.
      ``interactive=True`` says a person types the lines as they happen (a terminal or a
      widget): the transcript then records its times as ``"live"``, the only times
      responsiveness is judged on, until a timestamp comes from elsewhere (``at=`` or a
      ``clock`` of the caller's). On ``online_chat`` the customer notices a slow reply only on
      such live times, or on ``at=`` times with ``trust_given_times=True`` (the replay of a live
      transcript). ``opening`` holds the customer's first words.
    - ``say(text, at=None) -> Reply`` takes one trainee line and returns a :class:`Reply`:
      ``text`` (the customer's words), ``view`` (a :class:`CustomerView`), ``state`` (the same
      state as recorded plain data), ``beats`` (with the rules that fired), ``analysis`` (of the
      trainee's line), ``done`` and ``outcome``. ``at`` overrides the timestamp (ISO 8601), as
      replays do; the times are then untrusted. ``record(text, at=None) -> Turn`` does the same and returns the recorded turn.
      Each line is analysed with the conversation so far (a
      :class:`~simkit.understand.context.Context`: the customer's last line, the topics and facts the
      customer has mentioned, the objection being worked on, whether the trainee's previous line
      presented or proposed), built from the transcript itself, so a replay reads every line the same.
      An empty or blank line is not a turn: ``say("")`` raises :class:`SessionError` and
      changes nothing, as ``simkit play`` skips it.
    - ``view`` is the current :class:`CustomerView`, what a UI shows (after the opening, before
      any line, its ``turn`` is 0):

      - ``trust``, ``interest``: :class:`Meter` ``(value, low=0, high=100)``;
      - ``patience``: :class:`Meter` ``(value, low=0, high=the persona's starting patience)``;
        it only counts down, and at 0 the customer leaves;
      - ``stage``: one of ``reception``, ``needs``, ``presentation``, ``objection``,
        ``closing``, ``ended`` (``i18n.text("stage." + stage, lang)`` names it);
      - ``needs``: every need of the persona as :class:`NeedView` ``(id, name, found)``, with
        ``needs_found`` of ``needs_total``; ``name`` is ``{"zh": ..., "en": ...}``;
      - ``objections``: those raised so far as :class:`ObjectionView`
        ``(id, name, status, next_step)``: ``status`` is ``"open"`` or ``"handled"``,
        ``next_step`` the next of ``acknowledged``, ``probed``, ``evidence``, ``confirmed``
        still missing (None when handled).
    - ``state`` is the current recorded form (a plain dict, as in transcripts); ``transcript``
      the record so far; ``turns`` its turns.
    - ``done`` is True once the customer agreed or left; ``outcome`` then says how, and a
      further ``say()`` raises :class:`~simkit.errors.SessionError`.
    - Errors: a bad ``lang``, ``seed`` or line raises ``SessionError``; an unknown scenario id
      ``UnknownIdError``; broken content ``ContentError``; all are ``SimkitError``.

    The same scenario, seed, language and trainee lines always give the same customer lines:
    the session's only randomness is one ``random.Random(seed)``. A scenario with ``variants``
    plays the one its seed draws (``variant``, None without variants; see
    :mod:`simkit.content.variants`): ``scenario`` and ``persona`` are then the varied ones.

    Example:
        >>> s = Session("showroom-family-suv-v1", seed=1, lang="en")
        >>> s.say("Hi, welcome! I'm Alex. What brings you in today?").done
        False
    """

    def __init__(
        self,
        scenario: str | Scenario,
        *,
        seed: int = 0,
        lang: str = "zh",
        library: Library | None = None,
        save_to: str | Path | None = None,
        clock: Callable[[], str] = utc_now,
        interactive: bool = False,
        trust_given_times: bool = False,
    ) -> None:
        if lang not in LANGS:
            raise SessionError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
        if library is None:
            from simkit.content import default_library

            library = default_library()
        if isinstance(scenario, str):
            scenario = library.scenario(scenario)
        self.seed = check_seed(seed)
        # The seed alone picks the scenario's variant (simkit.content.variants); the session,
        # its transcript and its score then see the scenario and persona as the variant has them.
        self.variant = variants.draw(scenario, seed=self.seed)
        self.scenario, self.persona = variants.apply(scenario, library.persona(scenario.persona_id), self.variant)
        scenario = self.scenario
        self.lang = lang
        self.save_to = Path(save_to) if save_to is not None else None
        self._clock = clock
        self._trust_given_times = trust_given_times
        self._rng = random.Random(self.seed)
        self._director = Director(scenario, self.persona)
        self._actor = Actor(scenario, self.persona, lang, self._rng)
        self._state = self._director.new_state()
        self.outcome: Outcome | None = None
        opening_beats = self._director.opening_beats(self._state)
        if self.variant is not None:  # the transcript says which variant was played
            first = opening_beats[0]
            opening_beats[0] = Beat(kind=first.kind, rule=first.rule, params={**first.params, "variant": self.variant.id},
                                    line=first.line, effects=first.effects)
        self.opening = self._actor.speak(opening_beats)
        self.transcript = Transcript(
            scenario_id=scenario.id,
            scenario_hash=library.content_hash(scenario.id),
            seed=self.seed,
            lang=lang,
            analyzer=ANALYZER_VERSION,
            engine=ENGINE_VERSION,
            started_at=clock(),
            opening=self.opening,
            opening_beats=[b.to_dict() for b in opening_beats],
            times=TIMES_LIVE if interactive and clock is utc_now else TIMES_UNTRUSTED,
        )
        self._last_at = self.transcript.started_at  # when the customer last spoke (for reply delays)
        # What the analyzer knows of the conversation before the next line: built from the opening and
        # then from each turn (the trainee's techniques, the customer's reply), so a replay builds it again.
        self._context = Context().then(self.opening)
        self._save()

    @property
    def done(self) -> bool:
        return self.outcome is not None

    @property
    def state(self) -> dict[str, Any]:
        return self._state.snapshot()

    @property
    def view(self) -> CustomerView:
        """The customer as a UI shows them now (see the class docstring)."""
        return customer_view(self._state, self.persona)

    @property
    def turns(self) -> list[Turn]:
        return self.transcript.turns

    def say(self, text: str, *, at: str | None = None) -> Reply:
        """Say one line to the customer and get their reply."""
        turn, beats, analysis = self._play(text, at)
        return Reply(turn.customer, turn.state, tuple(beats), analysis, self.done, self.outcome, self.view)

    def record(self, text: str, *, at: str | None = None) -> Turn:
        """What say() does, returning the recorded :class:`Turn` (a replay needs no :class:`Reply`)."""
        return self._play(text, at)[0]

    def _play(self, text: str, at: str | None) -> tuple[Turn, list[Beat], Analysis]:
        if self.done:
            raise SessionError(
                f"the conversation is over ({self.outcome.describe('en')}); start a new Session to practise again"
            )
        if not isinstance(text, str):
            raise SessionError(f"say() takes the trainee's line as text, got {type(text).__name__}")
        if not text.strip():
            raise SessionError("say() needs what the trainee said; an empty or blank line is not a turn "
                               "(simkit play skips it the same way)")
        given = at is not None
        if given:
            self.transcript.times = TIMES_UNTRUSTED  # a time from outside: not what the session saw
        at = at or self._clock()
        # The customer notices how long a reply took only when the time is trusted: stamped live by
        # this session, or a live record being replayed (trust_given_times).
        trusted = self._trust_given_times if given else self.transcript.times == TIMES_LIVE
        delay = _seconds_between(self._last_at, at) if trusted else None
        self._last_at = at
        analysis = analyze(text, lang=self.lang, context=self._context)
        beats, defeat = self._director.step(self._state, analysis, text, delay)
        reply_text = self._actor.speak(beats)
        working_on = next(iter(self._state.open_objections), None)
        self._context = self._context.then(reply_text, techniques=analysis.techniques,
                                           open_objection=working_on.id if working_on else None,
                                           objection_step=working_on.next_step if working_on else None)
        if defeat is not None:
            self.outcome = Outcome(status="defeat", turn=self._state.turn, reason=defeat)
        elif any(b.kind == "accept" for b in beats):
            booked = self._state.appointment if (self._state.appointment or {}).get("status") == "booked" else None
            accept = next(b for b in beats if b.kind == "accept")  # names the goal kind met (goal.also)
            self.outcome = Outcome(status="success", turn=self._state.turn,
                                   goal=accept.params.get("goal", self.scenario.goal.kind),
                                   appointment=booked)
        turn = Turn(n=self._state.turn, trainee=text, trainee_at=at, customer=reply_text,
                    analysis=analysis.to_dict(), beats=[b.to_dict() for b in beats], state=self._state.snapshot())
        self.transcript.turns.append(turn)
        self.transcript.outcome = self.outcome.to_dict() if self.outcome else None
        self._save()
        return turn, beats, analysis

    def _save(self) -> None:
        if self.save_to is not None:
            self.transcript.save(self.save_to)
