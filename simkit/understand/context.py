"""``Context``: what the analyzer may know of the conversation before the line it reads.

Some labels depend on what came before: a probe digs into something the customer already said;
a confirm checks that what was just offered settled the concern. The session builds a Context
for every line; test and corpus items give at least the customer's previous line, from which
the analyzer derives what it can. ``analyze(text)`` without a context keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Context:
    """The conversation so far, as the analyzer sees it (small and explicit on purpose).

    Attributes:
        customer_last: the customer's last line ("" before the customer has spoken).
        customer_topics: topic labels of that line.
        mentioned_topics: topics the customer has talked about so far.
        mentioned_facts: short fact texts the customer has said so far (amounts, people, times).
        open_objection: id of the objection being worked on, or None.
        objection_step: its next step (``acknowledge``, ``probe``, ``evidence``, ``confirm``), or None.
        just_presented: the trainee's previous line presented or gave evidence.
        just_proposed: the trainee's previous line proposed a next step (a close or an offer).
    """

    customer_last: str = ""
    customer_topics: tuple[str, ...] = ()
    mentioned_topics: tuple[str, ...] = ()
    mentioned_facts: tuple[str, ...] = ()
    open_objection: str | None = None
    objection_step: str | None = None
    just_presented: bool = False
    just_proposed: bool = False

    @classmethod
    def after(cls, customer_line: str) -> Context:
        """The least context every test set can give: the customer's previous line."""
        return cls(customer_last=customer_line)
