"""The director: deterministic rules that move the customer's state and choose the beats.

One call to :meth:`Director.step` handles one trainee line. A line the analyzer could not read
(``Analysis.unclear``) only makes the customer ask what was meant. A rude, prying or empty line
(:mod:`simkit.engine.manners`) gets its own reaction and does no work: rules 2 to 8 are skipped.
The rules, in the order they run:

1. an unanswered customer question costs patience (``ask-ignored``);
2. pressure and false promises cost trust and patience (``pressure``);
3. a discount before the value was shown costs trust (``discount-premature``);
4. a first greeting builds trust (``greeting``);
5. the open objection advances through acknowledge → probe → evidence → confirm, in order;
   evidence counts only when it names the right kind of proof (``objection-*``,
   :mod:`.objection_steps`); steps taken on its subject just before it was raised count, and
   targeted proof right after the acknowledgement skips the probe (:mod:`.objection_flow`);
6. questions reveal needs: the right technique on the topic the question asks (:mod:`.asked`,
   not any topic the line names) with enough trust; deep needs
   only under a probe once a surface need is known; closed runs feel like an interrogation; a
   question that reveals no need still gets an answer on its topic (:mod:`simkit.engine.answers`);
7. presentations (and proof offered unasked) raise interest when they answer a need; they prompt objections;
8. a close attempt succeeds only when the goal's conditions hold, and a time the customer can
   make when it books one (:mod:`.appointments`); one that comes too early gets a "not yet" that
   says why (a worry still open, the decision maker left out, or what was asked for: a deposit,
   contact details, a test drive); amounts offered are recorded and may be
   countered (:mod:`.offers`); numbers in evidence are read against facts (:mod:`.figures`);
9. patience or trust at zero, or the last turn, ends the conversation with a defeat reason;
   low patience shows in the customer's words first.

What a turn credits is what the customer says: one need at most, told alone of anything new (no
objection is raised on top of it; a probed cause waits for its next step), and :func:`.beats.compose`
makes the reply one reaction at most plus the substance (and the customer's side of a deal).

Every number and table these rules use is in :mod:`simkit.engine.rulebook`.
"""

from __future__ import annotations

from simkit.content.model import Need, Persona, Scenario
from simkit.engine.answers import answer_beat, topic_fit
from simkit.engine.asked import Asked, asked_topics
from simkit.engine.appointments import Booking
from simkit.engine.beats import Beat, compose
from simkit.engine.cues import mentions
from simkit.engine.manners import line_kind, react_to_manners
from simkit.engine.objection_flow import Subjects, after_turn, credit_before_raise, remember
from simkit.engine.objection_steps import advance_objection, step_beat
from simkit.engine.offers import Offers
from simkit.engine.situations import Situations, pressure_reaction
from simkit.engine.rulebook import (
    CLOSED_ONLY, DEFEAT_REASONS, EMPATHY_TRUST, FAILED_CLOSE_PATIENCE, FAILED_CLOSE_TRUST, GREETING_LATEST_TURN,
    GREETING_TRUST, IGNORED_ASK_PATIENCE, INTERROGATION_PATIENCE, INTERROGATION_RUN, LATE_CONCESSION_INTEREST,
    NEED_INTEREST, NEED_TRUST, NO_CONTENT, PATIENCE_LOW, PITCH_BEFORE_NEEDS_PATIENCE, PITCH_TECHNIQUES,
    PREMATURE_DISCOUNT_PATIENCE, PREMATURE_DISCOUNT_TRUST, PRESENT_INTEREST, PRESSURE_PATIENCE, PRESSURE_TRUST,
    PROPOSAL_CUES,
    REACTION_PRIORITY, RECOMMEND_INTEREST, STEP_TECHNIQUES,
)
from simkit.engine.state import CustomerState, ObjectionProgress
from simkit.labels import QUESTION_TECHNIQUES
from simkit.understand import Analysis


class Director:
    """Applies the rules of one scenario to one customer state."""

    def __init__(self, scenario: Scenario, persona: Persona) -> None:
        self.scenario = scenario
        self.persona = persona
        # The persona's needs and objections as sets, built once rather than on every line.
        self._reveals = [(n, frozenset(n.reveal_by), frozenset(n.reveal_topics)) for n in persona.needs]
        self._need_order = {n.id: i for i, n in enumerate(persona.needs)}
        self._raised_by = [(o, frozenset(o.raise_on)) for o in persona.objections]
        self._need_told = False  # this turn told a need (reset by every step): nothing new may drown it
        self._answers_booking = False  # this turn's line answers the customer's "when?" (set by every step)
        self._answered_ask = False  # this turn's line answers the question the customer asked (set by every step)
        self._booking = Booking(scenario, persona) if scenario.books_time else None
        self._offers = Offers(persona)
        self._situations = Situations(scenario, persona)  # roles, decision maker, channel (engine.situations)
        self._subjects = Subjects(persona, scenario)  # which objection a line is on (its memory is in the state)

    def new_state(self) -> CustomerState:
        traits = self.persona.traits
        return CustomerState(trust=traits.trust, interest=traits.interest, patience=traits.patience)

    def opening_beats(self, state: CustomerState) -> list[Beat]:
        beats = [Beat(kind="opening", rule="opening", line=("opening",))]
        beats += self._asks_due(state)
        return beats

    def step(self, state: CustomerState, analysis: Analysis, text: str,
             delay: float | None = None) -> tuple[list[Beat], str | None]:
        """Apply one trainee line. Returns the beats and, when the customer leaves, the reason.

        ``delay``: seconds since the customer's last line, only when the reply times are trusted.
        """
        state.turn += 1
        self._need_told = False
        if analysis.unclear:  # the analyzer could not tell what the line does: ask, change nothing
            return self._finish(state, [Beat(kind="react", rule="unclear", line=("reaction", "unclear"))], set())
        tech = set(analysis.techniques)
        if "pressure" in tech:  # "我理解，但个人买家都是骗子": the customer hears the pressure, not the understanding
            tech.discard("empathy")
        patience_before = state.patience
        beats: list[Beat] = self._situations.channel_beats(state, text, analysis, delay)
        self._answered_ask = False  # this turn's line answers the customer's own question
        if state.pending_ask is not None:
            beats += self._answer_pending_ask(state, analysis)
            self._answered_ask = any(b.rule == "ask-answered" for b in beats)
        self._answers_booking = self._booking is not None and self._booking.is_answer(state, analysis)
        kind = None if self._answers_booking else line_kind(text, lang=analysis.lang, is_question=analysis.is_question)
        if kind is None and tech == NO_CONTENT and not analysis.topics and not self._answers_booking:
            kind = "no_content"  # says nothing the analyzer can place: talk that does no work
        if kind is not None:  # rude, prying or empty talk does no work, whatever its techniques
            beats += react_to_manners(state, kind, free_run=self._situations.junk_free_run())
            tech = set()
        else:
            state.junk_run = 0
            beats += self._work(state, tech, text, analysis)
            if state.stage == "ended":  # the customer agreed
                return compose(beats, REACTION_PRIORITY), None
        if 0 < state.patience < patience_before and state.patience <= PATIENCE_LOW:
            beats.append(Beat(kind="react", rule="patience-low", params={"patience": state.patience},
                              line=("reaction", "impatient")))
        return self._finish(state, beats, tech)

    def _work(self, state: CustomerState, tech: set[str], text: str, analysis: Analysis) -> list[Beat]:
        """Rules 2 to 8 for a line that may do sales work; a close that succeeds ends the talk."""
        beats: list[Beat] = []
        remember(self._subjects, state, tech, analysis)  # a step on a worry not raised yet may count later
        # Each rule is called only when its trigger is there (most lines trigger few of them).
        about_car = self._situations.about_car(analysis)
        if "pressure" in tech:
            beats += self._pressure(state, text)
        if "concession" in tech and not about_car:  # a better price for the customer's car is no discount
            beats += self._concession(state)
        if analysis.facts:
            beats += self._offers.step(state, analysis, about_car=about_car, by_clause=self._situations.role == "both")
        if "greeting" in tech and not state.greeted:
            beats += self._greeting(state)
        step_beats = advance_objection(self.persona, state, tech, text, analysis, channel=self.scenario.channel) \
            if state.objections else []
        beats += step_beats
        if not step_beats:
            if "empathy" in tech:
                beats += self._empathy(state)
            beats += self._with_decision_maker(self._questions(state, tech, analysis), state, tech, analysis)
            tech_left = tech
        elif any(b.rule == "objection-evidence" for b in step_beats):
            tech_left = tech - set(STEP_TECHNIQUES["evidence"])  # the proof went to the objection
        else:  # proof offered while an objection is open was aimed at the objection
            tech_left = tech - {"evidence"}
        if about_car and any(o["turn"] == state.turn for o in state.offers):
            tech_left = tech_left - PITCH_TECHNIQUES  # an offer for the customer's car is no pitch
        beats += self._presentation(state, tech_left, analysis)
        # A line that works on an open objection is an answer to it, even when it mentions the
        # next step ("the deposit is fully refundable"): it is not yet a close attempt.
        advanced = bool(step_beats) and any(b.kind == "objection_step" for b in step_beats)
        if ("close" in tech or self._answers_booking) and not advanced:
            close_beats, success = self._close(state, analysis)
            beats += close_beats
            if success:
                state.stage = "ended"
                # The agreement says the amount itself: "that number I can work with" would repeat it.
                beats = [b.silenced() if b.rule == "offer-acceptable" else b for b in beats]
        return beats

    def _finish(self, state: CustomerState, beats: list[Beat], tech: set[str]) -> tuple[list[Beat], str | None]:
        """Rule 9 and the reply's shape: one coherent reply (:func:`compose`), or the customer leaves."""
        after_turn(self._subjects, state, beats)
        if not any(b.line for b in beats):
            beats.append(Beat(kind="react", rule="filler", line=("reaction", "filler")))
        self._advance_stage(state, tech)
        if state.patience <= 0 or state.trust <= 0:
            reason = DEFEAT_REASONS.get(state.last_offence or "", "lost_interest")
            return compose(beats + [self._leave(state, reason)], REACTION_PRIORITY), reason
        if state.turn >= self.scenario.max_turns:
            return compose(beats + [self._leave(state, "out_of_time")], REACTION_PRIORITY), "out_of_time"
        return compose(beats + self._asks_due(state), REACTION_PRIORITY), None

    # -- rules, in the order step() applies them ------------------------------------------

    def _answer_pending_ask(self, state: CustomerState, analysis: Analysis) -> list[Beat]:
        """The customer asked something last turn (``state.pending_ask``)."""
        ask = self.scenario.ask(state.pending_ask)
        state.pending_ask = None
        if ask.topic in analysis.topics:
            return [Beat(kind="react", rule="ask-answered", params={"topic": ask.topic})]
        state.adjust(patience=IGNORED_ASK_PATIENCE)
        state.offend("ignored")
        return [Beat(kind="react", rule="ask-ignored", params={"topic": ask.topic}, line=("reaction", "ignored"),
                     effects={"patience": IGNORED_ASK_PATIENCE})]

    def _pressure(self, state: CustomerState, text: str) -> list[Beat]:
        """The line is pressure: answered by its kind (belittling, a false promise, hard selling)."""
        state.adjust(trust=PRESSURE_TRUST, patience=PRESSURE_PATIENCE)
        state.offend("pressure")
        effects = {"trust": PRESSURE_TRUST, "patience": PRESSURE_PATIENCE}
        kind, line = pressure_reaction(text)
        params = {**effects, "kind": kind} if line != "pressured" else dict(effects)
        return [Beat(kind="react", rule="pressure", params=params, line=("reaction", line), effects=effects)]

    def _with_decision_maker(self, asked: list[Beat], state: CustomerState, tech: set[str],
                             analysis: Analysis) -> list[Beat]:
        """The question's beats, and the second decision maker's (which then answer the question)."""
        told = self._situations.decision_maker_beats(state, tech, analysis, self._need_told)
        if told and told[0].line:
            asked = [b if b.kind == "reveal_need" or b.rule == "interrogation" else b.silenced() for b in asked]
        return asked + told

    def _concession(self, state: CustomerState) -> list[Beat]:
        """The line offers a discount."""
        price_objections = [o for o in self.persona.objections if o.kind == "price"]
        value_shown = any(
            (p := state.objection(o.id)) and "evidence" in p.steps for o in price_objections
        )
        if value_shown:
            state.adjust(interest=LATE_CONCESSION_INTEREST)
            return [Beat(kind="react", rule="discount-after-value", params={"interest": LATE_CONCESSION_INTEREST},
                         effects={"interest": LATE_CONCESSION_INTEREST})]
        state.adjust(trust=PREMATURE_DISCOUNT_TRUST, patience=PREMATURE_DISCOUNT_PATIENCE)
        state.offend("discount")
        effects = {"trust": PREMATURE_DISCOUNT_TRUST, "patience": PREMATURE_DISCOUNT_PATIENCE}
        return [Beat(kind="react", rule="discount-premature", params=dict(effects),
                     line=("reaction", "discount_suspicious"), effects=effects)]

    def _greeting(self, state: CustomerState) -> list[Beat]:
        """The line is the trainee's first greeting."""
        state.greeted = True
        if state.turn > GREETING_LATEST_TURN:  # a greeting halfway through the talk earns nothing
            return []
        state.adjust(trust=GREETING_TRUST)
        return [Beat(kind="react", rule="greeting", params={"trust": GREETING_TRUST}, line=("reaction", "greet"),
                     effects={"trust": GREETING_TRUST})]

    def _empathy(self, state: CustomerState) -> list[Beat]:
        """The line shows empathy (and works on no objection)."""
        state.adjust(trust=EMPATHY_TRUST)
        return [Beat(kind="react", rule="empathy", params={"trust": EMPATHY_TRUST}, effects={"trust": EMPATHY_TRUST})]

    def _questions(self, state: CustomerState, tech: set[str], analysis: Analysis) -> list[Beat]:
        asked = tech & QUESTION_TECHNIQUES
        if not asked:
            state.closed_run = 0
            return []
        state.closed_run = state.closed_run + 1 if asked == CLOSED_ONLY else 0
        beats: list[Beat] = []
        question = asked_topics(analysis)  # the topics the question asks, not every topic the line names
        need, blocked = self._need_to_reveal(state, asked, question)
        if need is not None:
            self._need_told = True
            state.needs_revealed.append(need.id)
            state.adjust(trust=NEED_TRUST, interest=NEED_INTEREST)
            technique = min(asked.intersection(need.reveal_by))  # the first in alphabetical order
            topic = next((t for t in question.topics if t in need.reveal_topics), need.topic)
            beats.append(Beat(kind="reveal_need", rule="need-revealed",
                              params={"need": need.id, "technique": technique, "topic": topic},
                              line=("need", need.id), effects={"trust": NEED_TRUST, "interest": NEED_INTEREST}))
        else:
            beats.append(answer_beat(self.persona, state, asked, question.topics, blocked))
        if state.closed_run >= INTERROGATION_RUN:
            state.adjust(patience=INTERROGATION_PATIENCE)
            state.offend("interrogation")
            beats.append(Beat(kind="react", rule="interrogation", params={"count": state.closed_run},
                              line=("reaction", "interrogated"), effects={"patience": INTERROGATION_PATIENCE}))
        return beats

    def _need_to_reveal(
        self, state: CustomerState, asked: set[str], question: Asked
    ) -> tuple[Need | None, tuple[str, dict] | None]:
        """The need this question (techniques ``asked`` on ``question``'s topics) reveals, or why a
        matching need stayed hidden."""
        revealed = state.needs_revealed
        topics = question.topics
        if topics:
            on_topics = set(topics)
            matching = [n for n, by, reveal_topics in self._reveals if n.id not in revealed
                        and not asked.isdisjoint(by) and not on_topics.isdisjoint(reveal_topics)]
        else:  # a broad open question: the customer volunteers their next surface need
            # ... but not on what it set aside ("apart from the price, what matters?")
            matching = [n for n in self.persona.needs if n.id not in revealed and "open_question" in asked
                        and n.depth == "surface" and "open_question" in n.reveal_by
                        and n.topic not in question.excluded][:1]
        blocked = None
        ready: list[Need] = []
        for need in matching:
            if need.depth == "deep" and ("probe" not in asked or not state.needs_revealed):
                blocked = blocked or ("need-needs-probe", {"need": need.id})
            elif state.trust < need.min_trust:
                blocked = ("need-needs-trust", {"need": need.id, "min_trust": need.min_trust, "trust": state.trust})
            else:
                ready.append(need)
        if ready:
            order = self._need_order
            return min(ready, key=lambda n: (n.depth != "deep", topic_fit(n, topics), -n.importance, order[n.id])), None
        return None, blocked

    def _presentation(self, state: CustomerState, tech: set[str], analysis: Analysis) -> list[Beat]:
        pitched = tech & PITCH_TECHNIQUES
        beats: list[Beat] = []
        if pitched:
            known_topics = {t for n in self.persona.needs if n.id in state.needs_revealed for t in n.reveal_topics}
            if self._answered_ask:
                pass  # the customer asked for it ("what would you pay?"): an answer, not a pitch unasked
            elif not state.needs_revealed:
                state.adjust(patience=PITCH_BEFORE_NEEDS_PATIENCE)
                state.offend("pitching")
                beats.append(Beat(kind="react", rule="present-before-needs", line=("reaction", "lukewarm"),
                                  effects={"patience": PITCH_BEFORE_NEEDS_PATIENCE}))
            elif "recommend" in pitched or known_topics & set(analysis.topics):
                gain = RECOMMEND_INTEREST if "recommend" in pitched else PRESENT_INTEREST
                state.adjust(interest=gain)
                beats.append(Beat(kind="react", rule="present-relevant", params={"interest": gain},
                                  line=("reaction", "interested"), effects={"interest": gain}))
            else:
                beats.append(Beat(kind="react", rule="present-irrelevant", line=("reaction", "lukewarm")))
        raised = self._raise_objection(state, tech - {"close"} if "close" in tech else tech)
        return beats + raised

    def _raise_objection(self, state: CustomerState, tech: set[str]) -> list[Beat]:
        # One objection at a time, and not on top of a need told this turn: it would go unheard.
        if state.open_objections or self._need_told:
            return []
        for objection, raised_by in self._raised_by:
            if not tech.isdisjoint(raised_by) and state.turn >= objection.min_turn \
                    and state.objection(objection.id) is None:
                progress = ObjectionProgress(objection.id, state.turn)
                state.objections.append(progress)
                return [Beat(kind="raise_objection", rule="objection-raised", params={"objection": objection.id},
                             line=("objection", objection.id, "raise"))] \
                    + credit_before_raise(state, objection, progress, step_beat)
        return []

    def _close(self, state: CustomerState, analysis: Analysis) -> tuple[list[Beat], bool]:
        """The line attempts a close (and advances no objection). True when the customer agrees."""
        missing = self._goal_missing(state)
        goal = self._situations.name_goal(analysis)  # the goal kind this close asks for
        if not missing and self._booking is not None:
            return self._booking.settle(state, analysis, goal=goal)  # agreed in principle: now the time
        if not missing:
            params = {"goal": goal, **self._situations.accept_params(state, analysis.lang)}
            return [Beat(kind="accept", rule="close-success", params=params, line=("accept",))], True
        state.failed_closes += 1
        state.adjust(trust=FAILED_CLOSE_TRUST, patience=FAILED_CLOSE_PATIENCE)
        state.offend("premature_close")
        raised = self._raise_objection(state, {"close"})
        line = None if raised else ("reaction", self._not_ready(state, analysis, missing))  # a raised objection speaks instead
        if not raised and any(m.startswith("valuation") for m in missing):  # no price for the car yet
            countered = any(o["by"] == "customer" and o["turn"] == state.turn for o in state.offers)
            line = None if countered else ("reaction", "offer_needed")  # a counter-offer speaks instead
        not_ready = Beat(kind="react", rule="close-not-ready", params={"missing": ", ".join(missing)}, line=line,
                         effects={"trust": FAILED_CLOSE_TRUST, "patience": FAILED_CLOSE_PATIENCE})
        return [not_ready] + raised, False

    def _not_ready(self, state: CustomerState, analysis: Analysis, missing: list[str]) -> str:
        """Which "not yet" a close before the customer is ready gets: a worry still open comes
        first, then the decision maker when they are all the goal still needs; else what the
        line asked for (``PROPOSAL_CUES``); else the persona's ``not_ready``."""
        if state.open_objections:
            return "not_ready_doubt"
        if missing and all(m.startswith("decision_maker:") for m in missing):
            return "not_ready_decision_maker"
        for kind, cues in PROPOSAL_CUES.items():
            if mentions(analysis.text, cues.get(analysis.lang, ())):
                return "not_ready" if kind == "callback" else f"not_ready_{kind}"
        return "not_ready"

    def _goal_missing(self, state: CustomerState) -> list[str]:
        goal = self.scenario.goal
        missing = [f"need:{n}" for n in goal.needs if n not in state.needs_revealed]
        missing += [f"objection:{o}" for o in goal.objections
                    if not ((p := state.objection(o)) and p.resolved)]
        missing += [f"objection:{p.id}" for p in state.open_objections if f"objection:{p.id}" not in missing]
        if state.trust < goal.min_trust:
            missing.append(f"trust>={goal.min_trust}")
        if state.interest < goal.min_interest:
            missing.append(f"interest>={goal.min_interest}")
        return missing + self._situations.missing(state)

    def _asks_due(self, state: CustomerState) -> list[Beat]:
        for ask in self.scenario.asks:
            if ask.turn == state.turn and ask.id not in state.asks_done:
                state.asks_done.append(ask.id)
                state.pending_ask = ask.id
                return [Beat(kind="ask", rule="ask", params={"ask": ask.id}, line=("ask", ask.id))]
        return []

    def _advance_stage(self, state: CustomerState, tech: set[str]) -> None:
        if state.open_objections:
            state.stage = "objection"
        elif "close" in tech:
            state.stage = "closing"
        elif not tech.isdisjoint(PITCH_TECHNIQUES):
            state.stage = "presentation"
        elif not tech.isdisjoint(QUESTION_TECHNIQUES) and state.stage == "reception":
            state.stage = "needs"

    def _leave(self, state: CustomerState, reason: str) -> Beat:
        state.stage = "ended"
        return Beat(kind="leave", rule="leave", params={"reason": reason}, line=("reaction", "leave"))

