"""A programme's schedule and breaks (set by its coaches), and the calendar read from them:
the next evenings, the cancelled ones with their reason, "closed until …"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain import calendar
from assessor.domain.calendar import Break, CalendarError, Closure, Evening, Schedule
from assessor.domain.clock import local_date, utcnow
from assessor.models import CancelledEvening, EveningSchedule, ScheduleBreak, User
from assessor.services import policy
from assessor.services.policy import Action


@dataclass(frozen=True)
class ScheduleInput:
    """What a coach fills in once: weekday (0 Monday), start and end on the Swedish clock, the
    place or a video link."""

    weekday: int = calendar.DEFAULT_WEEKDAY
    starts: time = calendar.DEFAULT_STARTS
    ends: time = calendar.DEFAULT_ENDS
    place: str = ""
    remote: bool = False
    video_link: str = ""


@dataclass(frozen=True)
class ProgrammeCalendar:
    """One programme's calendar as the pages show it."""

    programme_id: int
    programme: str
    schedule: Schedule
    evenings: list[Evening]
    closure: Closure | None


def _stored(session: Session, programme_id: int | None) -> EveningSchedule | None:
    if programme_id is None:
        return None
    return session.scalar(sa.select(EveningSchedule).where(
        EveningSchedule.programme_id == programme_id))


def _as_schedule(row: EveningSchedule) -> Schedule:
    return Schedule(row.weekday, row.starts, row.ends, row.place, row.remote, row.video_link,
                    tuple(Break(b.first_day, b.last_day, b.reason) for b in row.breaks))


def schedule_of(session: Session, programme_id: int | None) -> Schedule | None:
    """The programme's schedule with its breaks (None: it has not set one)."""
    row = _stored(session, programme_id)
    return _as_schedule(row) if row is not None else None


def save_schedule(session: Session, by: User, data: ScheduleInput) -> EveningSchedule:
    """Set the schedule of ``by``'s programme (its breaks stay). CalendarError for bad input
    (nothing written); AccessDeniedError unless ``by`` may. Flushes."""
    policy.require(session, by, Action.CALENDAR)
    new = calendar.checked(Schedule(data.weekday, data.starts, data.ends, data.place,
                                    data.remote, data.video_link))
    row = _stored(session, by.organisation_id)
    if row is None:
        row = EveningSchedule(programme_id=by.organisation_id)
        session.add(row)
    row.weekday, row.starts, row.ends = new.weekday, new.starts, new.ends
    row.place, row.remote, row.video_link = new.place, new.remote, new.video_link
    row.updated_at, row.updated_by_id = utcnow(), by.id
    session.flush()
    return row


def _own_schedule(session: Session, by: User) -> EveningSchedule:
    policy.require(session, by, Action.CALENDAR)
    row = _stored(session, by.organisation_id)
    if row is None:
        raise CalendarError("no_schedule")
    return row


def add_break(session: Session, by: User, first: date, last: date,
              reason: str) -> ScheduleBreak:
    """A break in ``by``'s programme's schedule, first and last day included. Flushes."""
    row = _own_schedule(session, by)
    item = calendar.checked_break(Break(first, last, reason))
    added = ScheduleBreak(first_day=item.first, last_day=item.last, reason=item.reason)
    row.breaks.append(added)
    session.flush()
    return added


def remove_break(session: Session, by: User, break_id: int) -> None:
    """Take a break out of ``by``'s programme's schedule (one of another programme, or none:
    nothing changes). Flushes."""
    row = _own_schedule(session, by)
    row.breaks[:] = [b for b in row.breaks if b.id != break_id]
    session.flush()


def cancelled_days(session: Session, programme_id: int, since: date) -> dict[date, str]:
    """The programme's cancelled evenings from ``since`` on, with their reasons."""
    return dict(session.execute(sa.select(CancelledEvening.day, CancelledEvening.reason).where(
        CancelledEvening.programme_id == programme_id, CancelledEvening.day >= since)).all())


def _calendar(session: Session, row: EveningSchedule, now: datetime,
              count: int) -> ProgrammeCalendar:
    schedule = _as_schedule(row)
    cancelled = cancelled_days(session, row.programme_id, local_date(now))
    return ProgrammeCalendar(row.programme_id, row.programme.name, schedule,
                             calendar.next_evenings(schedule, now, count, cancelled),
                             calendar.closed_until(schedule, now))


def public_calendars(session: Session, now: datetime | None = None,
                     count: int = 4) -> list[ProgrammeCalendar]:
    """Every programme's calendar with its next ``count`` evenings, by programme name (for
    anyone: no person's data)."""
    now = now or utcnow()
    rows = session.scalars(sa.select(EveningSchedule)).all()
    found = [_calendar(session, row, now, count) for row in rows]
    return sorted(found, key=lambda c: (c.programme.casefold(), c.programme_id))


def calendar_of(session: Session, by: User, now: datetime | None = None,
                count: int = 8) -> ProgrammeCalendar | None:
    """The calendar of ``by``'s programme (None before a schedule is set)."""
    policy.require(session, by, Action.CALENDAR)
    row = _stored(session, by.organisation_id)
    return _calendar(session, row, now or utcnow(), count) if row is not None else None


def stored_schedule(session: Session, by: User) -> EveningSchedule | None:
    """The row of ``by``'s programme's schedule, for the coach's form (None: not set)."""
    policy.require(session, by, Action.CALENDAR)
    return _stored(session, by.organisation_id)
