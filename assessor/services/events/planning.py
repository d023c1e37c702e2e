"""Creating an evening, listing a programme's evenings, closing one and its scoreboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, in_typed_range, utcnow
from assessor.domain.events import Window, new_join_code, window_problem
from assessor.models import Event, User
from assessor.services import policy
from assessor.services.catalogue import Catalogue
from assessor.services.events.errors import EventError

MAX_CHALLENGES = 30


@dataclass(frozen=True)
class NewEvent:
    """What a facilitator fills in (times in UTC). ``adaptive``: no chosen set; each person
    gets the tasks suggested for them (``tasks.tasks_for``); else the chosen
    ``challenge_ids`` (at least one)."""

    name: str
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    remote: bool = False
    video_link: str = ""
    challenge_ids: tuple[str, ...] = field(default_factory=tuple)
    adaptive: bool = False


def _checked(new: NewEvent, catalogue: Catalogue) -> NewEvent:
    name = " ".join(new.name.split())
    if not name or len(name) > 200:
        raise EventError("bad_name")
    if not (in_typed_range(new.starts_at) and in_typed_range(new.ends_at)):
        raise EventError("out_of_range")
    if window_problem(new.starts_at, new.ends_at):
        raise EventError("bad_window")
    link, place = new.video_link.strip(), " ".join(new.place.split())
    if new.remote and (not link.startswith(("https://", "http://")) or len(link) > 500
                       or any(c.isspace() for c in link)):
        raise EventError("bad_link")
    if not new.remote and (not place or len(place) > 200):
        raise EventError("no_place")
    ids = () if new.adaptive else tuple(dict.fromkeys(new.challenge_ids))
    if not new.adaptive and not ids:
        raise EventError("no_tasks")
    if len(ids) > MAX_CHALLENGES or any(catalogue.challenge(c) is None for c in ids):
        raise EventError("unknown_challenge")
    return NewEvent(name, as_utc(new.starts_at), as_utc(new.ends_at),
                    "" if new.remote else place, new.remote, link if new.remote else "", ids,
                    new.adaptive)


def create_event(session: Session, new: NewEvent, *, by: User, catalogue: Catalogue) -> Event:
    """Create an evening of ``by``'s programme with a fresh join code. Flushes. EventError for
    bad input (nothing written); AccessDeniedError unless ``by`` may run evenings."""
    policy.require(session, by, policy.Action.EVENTS)
    new = _checked(new, catalogue)
    taken = set(session.scalars(sa.select(Event.join_code)))
    code = new_join_code()
    while code in taken:  # about 86 million codes: a clash is rare, and never kept
        code = new_join_code()
    event = Event(name=new.name, organisation_id=by.organisation_id, created_by_id=by.id,
                  starts_at=new.starts_at, ends_at=new.ends_at, place=new.place,
                  remote=new.remote, video_link=new.video_link,
                  challenge_ids=list(new.challenge_ids), join_code=code)
    session.add(event)
    session.flush()
    return event


def events_of(session: Session, by: User) -> list[Event]:
    """The evenings of ``by``'s programme, latest first (none for anyone else)."""
    if not policy.check(session, by, policy.Action.EVENTS).allowed:
        return []
    return list(session.scalars(sa.select(Event).where(
        Event.organisation_id == by.organisation_id).order_by(Event.starts_at.desc(),
                                                              Event.id.desc())))


def window_of(event: Event) -> Window:
    """The evening's time window (closed early or not)."""
    return Window(event.starts_at, event.ends_at, event.closed_at)


def require_manage(event: Event, by: object) -> None:
    """AccessDeniedError unless ``by`` may run this evening."""
    decision = policy.check_event(by, policy.Action.EVENT_MANAGE, event)
    if not decision.allowed:
        raise policy.AccessDeniedError(decision)


def close_event(session: Session, event: Event, *, by: User,
                now: datetime | None = None) -> None:
    """End the evening now (before its planned end); later hand-ins are ordinary results.
    Closing a closed evening changes nothing. Flushes."""
    require_manage(event, by)
    now = now or utcnow()
    if window_of(event).phase(now) != "closed":
        event.closed_at = now
    session.flush()


def set_scoreboard(session: Session, event: Event, *, by: User, on: bool, hidden: bool,
                   frozen: bool, now: datetime | None = None) -> None:
    """Turn the scoreboard on or off, hide it, or freeze its counts at this moment. Flushes."""
    require_manage(event, by)
    event.scoreboard_on, event.scoreboard_hidden = on, hidden
    if not frozen:
        event.scoreboard_frozen_at = None
    elif event.scoreboard_frozen_at is None:
        event.scoreboard_frozen_at = now or utcnow()
    session.flush()
