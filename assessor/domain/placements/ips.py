"""The waiting figures IPS practice looks at: days from enrolment to the first employer
contact, and the waiting time between the programme's steps. The programmes' goal is at most
two weeks between steps; IPS's rapid job search expects a first employer contact within
about a month of enrolment."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

GOAL_DAYS = 14  #: the programmes' goal: at most two weeks between steps
FIRST_CONTACT_DAYS = 30  #: IPS: the first employer contact within about a month

#: the programme's steps, in order, as the figures name them
STEPS = ("enrolled", "screened", "profile", "employer_contact", "started")


@dataclass(frozen=True)
class Wait:
    """The days between two steps; ``open`` when the later one has not happened yet (then
    counted up to today). ``over_goal`` flags a wait longer than GOAL_DAYS."""

    after: str
    before: str
    days: int
    open: bool

    @property
    def over_goal(self) -> bool:
        """Longer than the programmes' goal."""
        return self.days > GOAL_DAYS


@dataclass(frozen=True)
class Figures:
    """One person's figures."""

    waits: tuple[Wait, ...]
    to_first_contact: int | None  #: days, or None before the first contact
    first_contact_late: bool  #: no contact within FIRST_CONTACT_DAYS (reached or still open)

    @property
    def flagged(self) -> tuple[Wait, ...]:
        """The waits over the goal."""
        return tuple(wait for wait in self.waits if wait.over_goal)


def figures(days: Sequence[tuple[str, date | None]], today: date) -> Figures:
    """The waits between the reached steps in their order (a skipped step is passed over),
    and the open wait for the next step after the last one reached. ``days`` are (step, day
    or None) in the programme's order; the first is the enrolment. A step dated before the
    one before it counts as no wait."""
    reached = [(step, day) for step, day in days if day is not None]
    waits = [Wait(a, b, max(0, (day_b - day_a).days), False)
             for (a, day_a), (b, day_b) in itertools.pairwise(reached)]
    names = [step for step, _ in days]
    if reached and reached[-1][0] != names[-1]:
        last, last_day = reached[-1]
        waits.append(Wait(last, names[names.index(last) + 1],
                          max(0, (today - last_day).days), True))
    enrolled = dict(days).get("enrolled")
    contact = dict(days).get("employer_contact")
    to_contact = (contact - enrolled).days if enrolled and contact else None
    late = (to_contact is not None and to_contact > FIRST_CONTACT_DAYS) or (
        enrolled is not None and contact is None
        and (today - enrolled).days > FIRST_CONTACT_DAYS)
    return Figures(tuple(waits), to_contact, late)
