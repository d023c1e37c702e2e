"""The public calendar of Mini Hackathon evenings as pure rules: a programme's recurring
evening (a weekday and a time on the Swedish clock), its breaks, which days are evenings, and
"we are closed until …".

A schedule is set once by a coach; the calendar is derived from it, never stored day by day.
Times are typed on the Swedish clock and turned into UTC per day, so an evening at 17:00 stays
at 17:00 when summer time begins or ends.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from assessor.domain.clock import EARLIEST_YEAR, LATEST_YEAR, from_local, local_date

#: the programmes' own evening: Tuesdays 17–19
DEFAULT_WEEKDAY, DEFAULT_STARTS, DEFAULT_ENDS = 1, time(17, 0), time(19, 0)
PLACE_MAX, REASON_MAX, LINK_MAX = 200, 200, 500
#: a break longer than this is a typing mistake, not a holiday
LONGEST_BREAK = timedelta(days=366)
#: how far ahead the calendar looks for the next evening (beyond: "no evenings planned")
HORIZON = timedelta(days=2 * 366)


class CalendarError(ValueError):
    """Input the calendar cannot take; nothing was changed. ``code`` says which."""

    CODES = ("weekday", "ends_first", "no_place", "bad_link", "break_order", "break_long",
             "reason", "out_of_range", "not_an_evening", "past", "cancelled", "name", "email",
             "no_schedule", "event_exists")

    def __init__(self, code: str) -> None:
        if code not in self.CODES:
            raise ValueError(f"unknown calendar error {code!r}")
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Break:
    """Days without evenings, first and last included, with a plain reason ("Jul och nyår")."""

    first: date
    last: date
    reason: str

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies in the break."""
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Schedule:
    """A programme's recurring evening: ``weekday`` (0 Monday … 6 Sunday), start and end on
    the Swedish clock, the place (or remote, by video) and the breaks."""

    weekday: int = DEFAULT_WEEKDAY
    starts: time = DEFAULT_STARTS
    ends: time = DEFAULT_ENDS
    place: str = ""
    remote: bool = False
    video_link: str = ""
    breaks: tuple[Break, ...] = field(default_factory=tuple)

    def break_on(self, day: date) -> Break | None:
        """The break that covers ``day`` (the one that ends last, when several do)."""
        covering = [b for b in self.breaks if b.covers(day)]
        return max(covering, key=lambda b: b.last) if covering else None


@dataclass(frozen=True)
class Evening:
    """One evening of the calendar: its day, its window in UTC, and the reason it was
    cancelled ("" when it takes place)."""

    day: date
    starts_at: datetime
    ends_at: datetime
    cancelled: str = ""


@dataclass(frozen=True)
class Closure:
    """"We are closed until …": the break that holds now and the day of the first evening
    after it (None when no evening follows within the horizon)."""

    reason: str
    until: date | None


def clean_text(typed: str, limit: int) -> str:
    """Spaces collapsed; "" when nothing is left or it is longer than ``limit``."""
    text = " ".join(str(typed or "").split())
    return text if len(text) <= limit else ""


def checked(schedule: Schedule) -> Schedule:
    """The schedule as stored (spaces collapsed, no place when remote); CalendarError for the
    first thing that cannot be taken."""
    if schedule.weekday not in range(7):
        raise CalendarError("weekday")
    if schedule.ends <= schedule.starts:
        raise CalendarError("ends_first")
    place, link = clean_text(schedule.place, PLACE_MAX), schedule.video_link.strip()
    if schedule.remote and (not link.startswith(("https://", "http://")) or len(link) > LINK_MAX
                            or any(c.isspace() for c in link)):
        raise CalendarError("bad_link")
    if not schedule.remote and not place:
        raise CalendarError("no_place")
    for item in schedule.breaks:
        checked_break(item)
    return Schedule(schedule.weekday, schedule.starts, schedule.ends,
                    "" if schedule.remote else place, schedule.remote,
                    link if schedule.remote else "", schedule.breaks)


def checked_break(item: Break) -> Break:
    """A break as stored; CalendarError when its days are out of order or out of range, it is
    longer than a year, or it has no reason."""
    if not (EARLIEST_YEAR <= item.first.year <= LATEST_YEAR
            and EARLIEST_YEAR <= item.last.year <= LATEST_YEAR):
        raise CalendarError("out_of_range")
    if item.last < item.first:
        raise CalendarError("break_order")
    if item.last - item.first > LONGEST_BREAK:
        raise CalendarError("break_long")
    reason = clean_text(item.reason, REASON_MAX)
    if not reason:
        raise CalendarError("reason")
    return Break(item.first, item.last, reason)


def window(schedule: Schedule, day: date) -> tuple[datetime, datetime]:
    """The evening of ``day`` in UTC: the Swedish clock's start and end on that day."""
    return (from_local(datetime.combine(day, schedule.starts)),
            from_local(datetime.combine(day, schedule.ends)))


def is_evening(schedule: Schedule, day: date) -> bool:
    """Whether ``day`` is an evening of the schedule (its weekday, in no break)."""
    return day.weekday() == schedule.weekday and schedule.break_on(day) is None


def _weekdays_from(schedule: Schedule, first: date, last: date) -> Iterator[date]:
    day = first + timedelta(days=(schedule.weekday - first.weekday()) % 7)
    while day <= last:
        yield day
        day += timedelta(weeks=1)


def next_evenings(schedule: Schedule, now: datetime, count: int,
                  cancelled: Mapping[date, str] | None = None) -> list[Evening]:
    """The next ``count`` evenings that have not ended at ``now`` (one going on counts),
    breaks left out, cancelled ones kept with their reason; fewer when the horizon ends."""
    cancelled = cancelled or {}
    today = local_date(now)
    found = []
    for day in _weekdays_from(schedule, today, local_date(now + HORIZON)):
        if len(found) == count:
            break
        starts_at, ends_at = window(schedule, day)
        if ends_at <= now or schedule.break_on(day) is not None:
            continue
        found.append(Evening(day, starts_at, ends_at, cancelled.get(day, "")))
    return found


def closed_until(schedule: Schedule, now: datetime) -> Closure | None:
    """"We are closed until …" at ``now``: when the next weekday evening falls in a break,
    the break's reason and the first evening after it (breaks that follow one another are
    passed together); None when the next evening takes place."""
    today = local_date(now)
    upcoming = [day for day in _weekdays_from(schedule, today, today + timedelta(days=7))
                if window(schedule, day)[1] > now]
    if not upcoming:
        return None
    held = schedule.break_on(upcoming[0])
    if held is None:
        return None
    following = next_evenings(schedule, now, 1)
    return Closure(held.reason, following[0].day if following else None)


def evening_at(schedule: Schedule, day: date, now: datetime) -> Evening:
    """The evening of ``day`` if people may still sign up for it or a coach cancel it;
    CalendarError ("not_an_evening", "past") otherwise."""
    if not (EARLIEST_YEAR <= day.year <= LATEST_YEAR) or not is_evening(schedule, day):
        raise CalendarError("not_an_evening")
    starts_at, ends_at = window(schedule, day)
    if ends_at <= now:
        raise CalendarError("past")
    if day > local_date(now + HORIZON):
        raise CalendarError("not_an_evening")
    return Evening(day, starts_at, ends_at)


def email_key(email: str) -> str:
    """What two registrations for one evening must not share: the address, case folded."""
    return " ".join(str(email or "").split()).casefold()
