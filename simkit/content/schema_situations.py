"""Schema of the seeds' situations: roles, the second decision maker and the goal fields they bring
(the models are in :mod:`simkit.content.situations`; the cross-file rules in
:mod:`simkit.content.checks_situations`).

Fails (an unknown role, a decision maker without what the customer says of them)::

    role: vendor
    decision_maker: {who: {zh: 我太太, en: my wife}}

Passes::

    role: seller
    decision_maker:
      who: {zh: 我太太, en: my wife}
      cares_about: {zh: 后排空间, en: rear space}
      says: {zh: [这事得我太太点头。], en: ["My wife has the final say."]}
      involve: {zh: [行，周末我带她来。], en: ["Sure, I'll bring her at the weekend."]}
"""

from __future__ import annotations

from simkit import labels
from simkit.content.schema_deals import CLOCK_TIME
from simkit.content.schema_text import Lines, Text
from simkit.content.model import GOAL_KINDS
from simkit.content.schema_types import Bool, Choice, Field, Int, ListOf, Record
from simkit.content.situations import DECISION_MAKER_LEVELS, DEFAULT_CLOCK, DEFAULT_DM_REVEAL, ROLES, VALUATION_LEVELS

ROLE = Choice(ROLES, "role")

PERSONA_ROLE = Field("role", ROLE, False, "buyer (buys a car), seller (brings a car to sell: amounts named are "
                     "offers for it) or both (a trade-in: sells and buys at once).", "buyer")
SCENARIO_ROLE = Field("role", ROLE, False, "The customer's role in this situation (default: the persona's).")
SCENARIO_CLOCK = Field("clock", CLOCK_TIME, False, 'The time of day the conversation happens, "HH:MM" (read by '
                       "goal.within_hours).", DEFAULT_CLOCK)

DECISION_MAKER = Record((
    Field("who", Text(), True, "Who it is, zh and en (\"my wife\", \"our finance director\")."),
    Field("cares_about", Text(), True, "What they care about, zh and en (shown once the trainee asked)."),
    Field("says", Lines(), True, "What the customer says when asked about them (tells their concern)."),
    Field("involve", Lines(), True, "What the customer says when the trainee proposes bringing them in."),
    Field("reveal", Record((
        Field("by", ListOf(Choice(labels.TECHNIQUES, "technique", "unknown-technique")), False,
              "Question techniques that get 'says' (default: " + ", ".join(DEFAULT_DM_REVEAL) + ")."),
        Field("min_trust", Int(0, 100), False, "Trust needed before the customer tells.", 0),
    )), False, "What makes the customer tell about them."),
), description="A second decision maker (a spouse, a boss, a finance director).")

PERSONA_DECISION_MAKER = Field("decision_maker", DECISION_MAKER, False,
                               "A second decision maker the trainee can ask about or propose to bring in.")

GOAL_FIELDS = (
    Field("books_time", Bool(), False, "The close must fix a concrete time inside the persona's availability "
          "(default: yes for test_drive, visit, inspection_booked, callback, quote_meeting, complaint_recovered)."),
    Field("also", ListOf(Choice(GOAL_KINDS, "goal kind")), False, "Other goal kinds that meet the goal too, "
          "with the same requirements (a callback or a visit); the outcome names the kind the close asked for."),
    Field("within_hours", Int(1, 168), False, "The booked time must start within this many hours of the "
          "scenario's weekday and clock (default: 24 for complaint_recovered)."),
)
REQUIRES_FIELDS = (
    Field("decision_maker", Choice(DECISION_MAKER_LEVELS, "decision maker level"), False,
          "asked: the trainee asked about the second decision maker; involved: proposed bringing them in."),
    Field("valuation", Choice(VALUATION_LEVELS, "valuation level"), False,
          "agreed: an offer for the customer's car at or above their floor (negotiation.limit) was made "
          "(default: agreed for valuation_agreed)."),
)
SHOW_FIELD = Field("show", Bool(), False, "The proof must be seen (the car, the damage): it counts only on "
                   "showroom and video, not on phone or online_chat.", False)
