"""simkit: practise car-sales conversations against simulated customers.

Example:
    >>> from simkit import Session
    >>> session = Session("showroom-family-suv-v1", seed=7, lang="en")
    >>> reply = session.say("Hi, welcome! I'm Alex. What brings you in today?")
"""

from __future__ import annotations

__version__ = "0.1.0"
