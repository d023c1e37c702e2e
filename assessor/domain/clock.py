"""Time as Kodprov keeps it: stored in UTC, shown and typed on a Swedish clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

#: Times are stored in UTC and shown in the programs' own time zone.
LOCAL_TIMEZONE = "Europe/Stockholm"

#: Dates that people type (bookings, filters) lie in these years: far enough from year 1 and
#: year 9999 that turning them into Swedish or UTC time never overflows.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC time (SQLite gives naive UTC times back)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def local_date(moment: datetime) -> date:
    """The calendar day of a stored moment in Sweden (the UTC day at the very ends of time,
    where Swedish time would overflow: a stored value must never break a page)."""
    try:
        return as_utc(moment).astimezone(ZoneInfo(LOCAL_TIMEZONE)).date()
    except OverflowError:
        return as_utc(moment).date()


def in_typed_range(moment: datetime | date) -> bool:
    """Whether a typed date or time lies between ``EARLIEST_YEAR`` and ``LATEST_YEAR``."""
    return EARLIEST_YEAR <= moment.year <= LATEST_YEAR


def from_local(wall_clock: datetime) -> datetime:
    """A time on a Swedish clock (as typed in a form, no zone) as an aware UTC moment: "18:00"
    on a winter day is 17:00 UTC. OverflowError for a time that has no UTC moment (year 1)."""
    return wall_clock.replace(tzinfo=ZoneInfo(LOCAL_TIMEZONE)).astimezone(UTC)
