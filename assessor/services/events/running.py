"""During the evening: check-in, help requests, announcements, the scoreboard, and which
hand-ins count as supervised."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.domain.events import CLOSED, ScoreLine, counts_as_supervised, evidence_for, scoreboard
from assessor.models import (
    Announcement,
    Event,
    Evidence,
    HelpRequest,
    Participant,
    Person,
    Submission,
    SubmissionKind,
    User,
)
from assessor.models.event import ANNOUNCEMENT_MAX
from assessor.services import policy
from assessor.services.events.errors import EventError
from assessor.services.events.planning import require_manage, window_of


def _open(event: Event, now: datetime | None) -> None:
    if window_of(event).phase(now or utcnow()) == CLOSED:
        raise EventError("closed")


def _place(session: Session, event: Event, participant_id: int) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None or participant.event_id != event.id:
        raise EventError("unknown")
    return participant


def check_in(session: Session, event: Event, participant_id: int, *, by: User,
             now: datetime | None = None) -> Participant:
    """The facilitator has seen who this is: from now on, their hand-ins in the window count
    as supervised. Checking in twice keeps the first time. Flushes."""
    require_manage(event, by)
    _open(event, now)
    participant = _place(session, event, participant_id)
    if participant.checked_in_at is None:
        participant.checked_in_at, participant.checked_in_by_id = now or utcnow(), by.id
    session.flush()
    return participant


def open_help_request(session: Session, participant: Participant) -> HelpRequest | None:
    """The participant's help request that waits, or None."""
    return session.scalar(sa.select(HelpRequest).where(
        HelpRequest.participant_id == participant.id, HelpRequest.handled_at.is_(None)))


def ask_for_help(session: Session, event: Event, participant: Participant, *, by: User,
                 now: datetime | None = None) -> HelpRequest:
    """"Jag vill ha hjälp": into the facilitator's queue (once: asking again while one waits
    changes nothing). Flushes."""
    policy.require(session, by, policy.Action.EVENT_TAKE_PART, participant.person)
    _open(event, now)
    waiting = open_help_request(session, participant)
    if waiting is not None:
        return waiting
    request = HelpRequest(event_id=event.id, participant_id=participant.id,
                          asked_at=now or utcnow())
    session.add(request)
    session.flush()
    return request


def mark_handled(session: Session, event: Event, help_id: int, *, by: User,
                 now: datetime | None = None) -> None:
    """The facilitator has helped: the request leaves the queue. Flushes."""
    require_manage(event, by)
    request = session.get(HelpRequest, help_id)
    if request is None or request.event_id != event.id:
        raise EventError("unknown")
    if request.handled_at is None:
        request.handled_at, request.handled_by_id = now or utcnow(), by.id
    session.flush()


def announce(session: Session, event: Event, text: str, *, by: User) -> Announcement:
    """A message to every participant's page. Flushes."""
    require_manage(event, by)
    text = " ".join(str(text or "").split())
    if not text or len(text) > ANNOUNCEMENT_MAX:
        raise EventError("bad_text")
    announcement = Announcement(event_id=event.id, text=text, made_by_id=by.id)
    session.add(announcement)
    session.flush()
    return announcement


def announcements(session: Session, event: Event) -> list[Announcement]:
    """The evening's announcements, newest first."""
    return list(session.scalars(sa.select(Announcement).where(Announcement.event_id == event.id)
                                .order_by(Announcement.made_at.desc(), Announcement.id.desc())))


def opt_in(session: Session, participant: Participant, yes: bool, *, by: User) -> None:
    """Show (or stop showing) one's nickname and solved count on the scoreboard. Flushes."""
    policy.require(session, by, policy.Action.EVENT_TAKE_PART, participant.person)
    participant.scoreboard_opt_in = yes
    session.flush()


def scoreboard_lines(session: Session, event: Event) -> list[ScoreLine] | None:
    """What the scoreboard shows, or None while it is off or hidden: the opted-in nicknames
    with the tasks each solved in the window (up to the moment it was frozen)."""
    if not event.scoreboard_on or event.scoreboard_hidden:
        return None
    window = window_of(event)
    until = min(window.end, as_utc(event.scoreboard_frozen_at)) \
        if event.scoreboard_frozen_at else window.end
    solved = sa.select(sa.func.count(sa.distinct(Submission.challenge_id))).where(
        Submission.person_id == Participant.person_id, Submission.kind == SubmissionKind.ATTEMPT,
        Submission.score >= 1.0, Submission.created_at >= window.starts_at,
        Submission.created_at < until).scalar_subquery()
    rows = session.execute(sa.select(Participant.nickname, Participant.scoreboard_opt_in, solved)
                           .where(Participant.event_id == event.id))
    return scoreboard(rows)


def evidence_at(session: Session, person: Person, at: datetime) -> Evidence | None:
    """The evidence kind of a hand-in the person makes at ``at``: supervised (or supervised
    remotely) when they are checked in at an evening whose window holds ``at``; else None."""
    places = session.scalars(sa.select(Participant).join(Event).where(
        Participant.person_id == person.id, Participant.checked_in_at.is_not(None),
        Event.starts_at <= at, Event.ends_at > at)).all()
    for place in places:
        if counts_as_supervised(window_of(place.event), place.checked_in_at, at):
            return evidence_for(remote=place.event.remote)
    return None
