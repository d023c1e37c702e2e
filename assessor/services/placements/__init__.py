"""Placements and their follow-up, through the session; each operation asks the policy.

``placing`` makes a placement (from an agreed proposal or directly) and moves it through its
states; ``follow_ups`` records follow-ups and lists the overdue ones for a coach's people;
``participation`` keeps the participation's dates; ``waits`` gives the IPS waiting figures.
Services flush; the caller commits once.
"""

from datetime import date

from assessor.domain.clock import local_date, utcnow


class PlacementError(ValueError):
    """Something that cannot be done (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def today_here() -> date:
    """Today in Sweden: the day placements and follow-ups are dated on."""
    return local_date(utcnow())
