"""Reaction lines a persona may give in its own words, with the defaults that speak for one that gives none.

Appointments and offers (:mod:`simkit.engine.appointments`, :mod:`simkit.engine.offers`) and the
seeds' situations (:mod:`simkit.content.situations`: bad moves, channels) say these lines.
"""

from __future__ import annotations

from simkit.content.situations import SITUATION_LINE_PARAMETERS, SITUATION_LINES

# Reaction lines of appointments and offers a persona may give; these defaults speak for a persona
# that gives none. They fill beat parameters: {time} (an appointment in words), {asked} (the time
# the trainee named), {amount} (an amount in words).
DEFAULT_LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "time_booked": {"zh": ("好，那就{time}，说定了。", "行，{time}我过来。"),
                    "en": ("Okay, {time} it is.", "Alright, {time} works for me.")},
    "time_countered": {"zh": ("{asked}我不太方便。{time}可以吗？", "{asked}我抽不出空，{time}行不行？"),
                       "en": ("{asked} doesn't work for me. Could we do {time}?",
                              "I can't make {asked}. How about {time}?")},
    "time_needed": {"zh": ("可以啊，具体哪天几点？", "行，那你说个具体时间吧。"),
                    "en": ("Sure, which day and what time?", "Okay, give me a day and a time.")},
    "time_needs_hour": {"zh": ("{time}可以，几点呢？", "{time}行，具体几点？"),
                        "en": ("{time} could work. What time?", "{time} is possible. At what time?")},
    "figure_contradicted": {"zh": ("你这个数字恰恰说明我担心的没错。", "这个数和我算的不一样啊。"),
                            "en": ("That figure proves my point, doesn't it?", "That number doesn't match what I worked out.")},
    "offer_countered": {"zh": ("{amount}的话我可以考虑。", "能做到{amount}吗？"),
                        "en": ("If you can do {amount}, we can talk.", "Could you get to {amount}?")},
    "offer_acceptable": {"zh": ("这个数我能接受。", "嗯，这个价可以谈。"),
                         "en": ("That number I can work with.", "Okay, that price is in the right range.")},
    **SITUATION_LINES,  # bad moves and channels (simkit.content.situations)
}
# The parameters each optional line may use (the placeholder check allows them).
LINE_PARAMETERS: dict[str, tuple[str, ...]] = {
    "time_booked": ("time",), "time_countered": ("time", "asked"), "time_needs_hour": ("time",),
    "offer_countered": ("amount",), "offer_acceptable": ("amount",), **SITUATION_LINE_PARAMETERS,
}
BEAT_PLACEHOLDERS = ("time", "asked", "amount")  # every parameter above
