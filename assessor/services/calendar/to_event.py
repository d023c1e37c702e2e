"""Making an evening (an ``Event``, run from /kvallar) of a calendar evening with one button:
name, day, time and place come from the schedule, through the events' own operation."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.calendar import CalendarError
from assessor.domain.clock import from_local, utcnow
from assessor.models import Event, User
from assessor.services import events, policy
from assessor.services.calendar.schedule import schedule_of
from assessor.services.calendar.sign_ups import coming_evening
from assessor.services.catalogue import Catalogue
from assessor.services.policy import Action


def event_on(session: Session, by: User, day: date) -> Event | None:
    """The evening ``by``'s programme already made for ``day`` (Swedish date), if any."""
    policy.require(session, by, Action.CALENDAR)
    first = from_local(datetime.combine(day, time(0)))
    last = from_local(datetime.combine(day + timedelta(days=1), time(0)))
    return session.scalar(sa.select(Event).where(
        Event.organisation_id == by.organisation_id, Event.starts_at >= first,
        Event.starts_at < last).order_by(Event.id).limit(1))


def make_event(session: Session, by: User, day: date, name: str, *, catalogue: Catalogue,
               now: datetime | None = None) -> Event:
    """Create the evening of ``day`` from the schedule (no tasks chosen: suggestions per
    person; the coach may change nothing else later than on /kvallar). CalendarError when
    the day is no coming evening, is cancelled or has an evening already; EventError as
    ``events.create_event``. Flushes."""
    policy.require(session, by, Action.CALENDAR)
    evening = coming_evening(session, by.organisation_id, day, now or utcnow())
    if event_on(session, by, day) is not None:
        raise CalendarError("event_exists")
    schedule = schedule_of(session, by.organisation_id)
    return events.create_event(session, events.NewEvent(
        name=name, starts_at=evening.starts_at, ends_at=evening.ends_at, place=schedule.place,
        remote=schedule.remote, video_link=schedule.video_link, adaptive=True), by=by,
        catalogue=catalogue)
