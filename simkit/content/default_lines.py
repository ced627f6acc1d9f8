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
    # A close before the customer is ready says why: a worry still open, the decision maker left
    # out, or what was asked for too early (simkit.engine.director, PROPOSAL_CUES); "not_ready"
    # speaks for anything else.
    "not_ready_doubt": {"zh": ("我刚才说的顾虑还没解决呢，先别急着定。", "那个问题还没说清楚，现在谈这个太早了。"),
                        "en": ("My concern still stands. Let's settle that before anything else.",
                               "We haven't sorted out what's bothering me yet. It's too early for that.")},
    "not_ready_decision_maker": {"zh": ("这事不是我一个人能定的，拍板的人得一起看过才行。", "得让能拍板的人也参与进来，我一个人定不了。"),
                                 "en": ("I can't decide this on my own; whoever signs off has to see it too.",
                                        "This needs the person who has the final say, not just me.")},
    "not_ready_deposit": {"zh": ("交定金？我还没决定要买呢。", "钱的事先放一放，我还没想好。"),
                          "en": ("A deposit? I haven't decided to buy anything yet.",
                                 "I'm not putting any money down yet.")},
    "not_ready_contact": {"zh": ("联系方式先不急，咱们先把事情聊清楚。", "先不加了，等我想清楚再说。"),
                          "en": ("Let's hold off on contact details until we've talked it through.",
                                 "I'd rather not swap details just yet.")},
    "not_ready_test_drive": {"zh": ("试驾先不急，我还没弄清楚这车适不适合我。", "先别急着试驾，我想先多了解一下。"),
                             "en": ("Not yet. I don't even know if it's the right car for me.",
                                    "A test drive can wait; I'd like to know more first.")},
    "not_ready_visit": {"zh": ("过去的事先不急，我还没想好。", "先别约了，等我考虑清楚再说。"),
                        "en": ("I'm not ready to come in yet.", "Let's not set anything up yet; I'm still thinking.")},
    **SITUATION_LINES,  # bad moves and channels (simkit.content.situations)
}
# The parameters each optional line may use (the placeholder check allows them).
LINE_PARAMETERS: dict[str, tuple[str, ...]] = {
    "time_booked": ("time",), "time_countered": ("time", "asked"), "time_needs_hour": ("time",),
    "offer_countered": ("amount",), "offer_acceptable": ("amount",), **SITUATION_LINE_PARAMETERS,
}
BEAT_PLACEHOLDERS = ("time", "asked", "amount")  # every parameter above
