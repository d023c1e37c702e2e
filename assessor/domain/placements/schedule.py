"""Follow-ups of a placement: weekly the first month, then monthly, for at least six months
from the start; and when one is overdue.

The follow-up period may be longer than six months (the coach chooses), never shorter.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

WEEKLY = 4  #: weekly follow-ups in the first month (days 7, 14, 21 and 28)
MIN_MONTHS = 6  #: the shortest follow-up period, from the start


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shortest_period(start: date) -> date:
    """The earliest last day of follow-up: six months after the start."""
    return add_months(start, MIN_MONTHS)


def schedule(start: date, until: date | None = None) -> list[date]:
    """The days follow-ups are due: weekly in the first month, then on the start's day of
    each month from the second month on, up to ``until`` (at least six months after the
    start; ValueError when ``until`` is earlier)."""
    until = until or shortest_period(start)
    if until < shortest_period(start):
        raise ValueError("a follow-up period is at least six months")
    due = [start + timedelta(weeks=week) for week in range(1, WEEKLY + 1)]
    month = 2
    while (day := add_months(start, month)) <= until:
        due.append(day)
        month += 1
    return due


def is_overdue(due_on: date, held: bool, today: date) -> bool:
    """A follow-up not held by the end of the day it was due."""
    return not held and today > due_on


def days_late(due_on: date, today: date) -> int:
    """How many days past its due day a follow-up is (0 when it is not late)."""
    return max(0, (today - due_on).days)
