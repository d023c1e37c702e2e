"""The individual development plan, through the session; each operation asks the policy.

``editing`` adds and changes goals, steps and review dates and records who did it;
``evidence`` gathers, per area, links to the records that show the person's work (never a
copy) and the current levels; ``export`` gives the plan as plain data. Services flush; the
caller commits once.
"""

from assessor.domain.clock import local_date, utcnow


class PlanError(ValueError):
    """Something that cannot be saved (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def today_here():
    """Today in Sweden: the day steps and reviews are dated on."""
    return local_date(utcnow())
