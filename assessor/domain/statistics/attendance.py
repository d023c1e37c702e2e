"""Attendance over a programme's Mini Hackathon evenings: per month and in all, how many
evenings were held, how many places were taken, how many different people came and how many
came back; the people split by gender are masked (``masking``), since a split of a few people
can name them.

Definitions: an *attendance* is one person's place at one evening; a person *comes back* when
they had a place at an earlier evening of the programme (in all: came to two or more).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

from assessor.domain.statistics.masking import Count, K, mask
from assessor.domain.statistics.tables import COLUMNS, TOTAL, count_rows, row_lines

ALL, RETURNING = "all", "returning"


@dataclass(frozen=True)
class Visit:
    """One person's place at one evening (who is only a key; gender "" when not to be used)."""

    person: Hashable
    gender: str
    evening: Hashable
    when: datetime  #: the evening's start
    month: str  #: the evening's month, "2026-11"


@dataclass(frozen=True)
class Period:
    """Plain counts for a month or for every evening."""

    evenings: int
    attendances: int
    people: int
    returning: int


@dataclass(frozen=True)
class Attendance:
    """The months (oldest first) with their counts, the whole programme's, and the people by
    gender: ``by_gender[(row, column)]`` for each month, ``ALL`` and ``RETURNING``, masked."""

    months: dict[str, Period]
    overall: Period
    by_gender: dict[tuple[str, str], Count]
    rows: tuple[str, ...]


def _period(visits: list[Visit], returning: set[Hashable]) -> Period:
    return Period(len({v.evening for v in visits}), len(visits), len({v.person for v in visits}),
                  len(returning))


def attendance(visits: Iterable[Visit], k: int = K) -> Attendance:
    """Count and mask the visits of a programme's evenings."""
    visits = sorted(visits, key=lambda v: (v.when, str(v.evening)))
    first_seen: dict[Hashable, datetime] = {}
    for visit in visits:
        first_seen.setdefault(visit.person, visit.when)
    months: dict[str, list[Visit]] = {}
    for visit in visits:
        months.setdefault(visit.month, []).append(visit)
    per_month = {month: _period(group, {v.person for v in group
                                        if first_seen[v.person] < v.when})
                 for month, group in months.items()}
    evenings_of: dict[Hashable, set[Hashable]] = {}
    for visit in visits:
        evenings_of.setdefault(visit.person, set()).add(visit.evening)
    came_back = {person for person, seen in evenings_of.items() if len(seen) > 1}
    gender = {v.person: v.gender for v in visits}
    rows = (*months, ALL, RETURNING)
    members = [(month, gender[person]) for month, group in months.items()
               for person in dict.fromkeys(v.person for v in group)]
    members += [(ALL, g) for g in gender.values()]
    members += [(RETURNING, gender[person]) for person in came_back]
    counts = count_rows("a", rows, members)
    masked = mask(counts, row_lines("a", rows), k)
    return Attendance(per_month, _period(visits, came_back),
                      {(row, column): masked[("a", row, column)]
                       for row in rows for column in COLUMNS}, rows)


__all__ = ["ALL", "RETURNING", "TOTAL", "Attendance", "Period", "Visit", "attendance"]
