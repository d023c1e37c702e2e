"""What the facilitator watches without reloading, and the summary per person afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from assessor.domain.clock import as_utc, utcnow
from assessor.models import (
    Draft,
    Event,
    HelpRequest,
    Participant,
    Person,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from assessor.services.catalogue import Catalogue
from assessor.services.events.planning import window_of
from assessor.services.skills import SUPERVISED


@dataclass(frozen=True)
class PersonSummary:
    """One participant's evening: who, checked in or not, and what they handed in."""

    participant: Participant
    person_code: str
    attempts: int
    solved: int  #: tasks with a full score
    supervised: int  #: hand-ins that count as supervised evidence
    working_on: str  #: the task they touched last ("" before the first)


def participants(session: Session, event: Event) -> list[Participant]:
    """Everyone at the evening, by nickname (their person records loaded in the same query)."""
    return list(session.scalars(sa.select(Participant).options(joinedload(Participant.person))
                                .where(Participant.event_id == event.id)
                                .order_by(Participant.nickname_key)))


def _attempts(session: Session, event: Event) -> dict[int, list[sa.Row]]:
    """Each participant's attempts in the window: only the columns the summary reads (never
    the code or the results, which a page polled every few seconds must not carry)."""
    window = window_of(event)
    found: dict[int, list[sa.Row]] = {}
    for row in session.execute(sa.select(
            Submission.person_id, Submission.challenge_id, Submission.score,
            Submission.evidence).join(
            Participant, Participant.person_id == Submission.person_id).where(
            Participant.event_id == event.id, Submission.kind == SubmissionKind.ATTEMPT,
            Submission.created_at >= window.starts_at, Submission.created_at < window.end)
            .order_by(Submission.created_at, Submission.id)):
        found.setdefault(row.person_id, []).append(row)
    return found


def _last_touched(session: Session, event: Event) -> dict[int, str]:
    """Each participant's most recently saved draft since the evening began."""
    rows = session.execute(sa.select(Draft.person_id, Draft.challenge_id).join(
        Participant, Participant.person_id == Draft.person_id).where(
        Participant.event_id == event.id, Draft.updated_at >= event.starts_at)
        .order_by(Draft.updated_at))
    return {person_id: challenge for person_id, challenge in rows}


def person_summaries(session: Session, event: Event, locale: str = "sv", *,
                     catalogue: Catalogue) -> list[PersonSummary]:
    """A summary per participant (three queries for any number of people)."""
    attempts, touched = _attempts(session, event), _last_touched(session, event)
    summaries = []
    for participant in participants(session, event):
        mine = attempts.get(participant.person_id, [])
        latest = touched.get(participant.person_id) or (mine[-1].challenge_id if mine else "")
        summaries.append(PersonSummary(
            participant=participant, person_code=participant.person.public_id,
            attempts=len(mine),
            solved=len({s.challenge_id for s in mine if (s.score or 0) >= 1.0}),
            supervised=sum(s.evidence in SUPERVISED for s in mine),
            working_on=catalogue.title(latest, locale) if latest else ""))
    return summaries


def live_view(session: Session, event: Event, locale: str = "sv",
              now: datetime | None = None, *, catalogue: Catalogue) -> dict:
    """The live view as plain data (the page's script renders it): the phase, each person,
    the help queue (oldest first) and what is still being graded."""
    summaries = person_summaries(session, event, locale, catalogue=catalogue)
    waiting = session.scalars(sa.select(HelpRequest).where(
        HelpRequest.event_id == event.id, HelpRequest.handled_at.is_(None))
        .order_by(HelpRequest.asked_at, HelpRequest.id)).all()
    grading = session.scalar(sa.select(sa.func.count(Submission.id)).join(
        Participant, Participant.person_id == Submission.person_id).where(
        Participant.event_id == event.id,
        Submission.status.in_([SubmissionStatus.QUEUED, SubmissionStatus.RUNNING])))
    return {
        "phase": window_of(event).phase(now or utcnow()),
        "people": [{"id": s.participant.id, "nickname": s.participant.nickname,
                    "guest": s.participant.guest,
                    "checked_in": s.participant.checked_in_at is not None,
                    "working_on": s.working_on, "attempts": s.attempts, "solved": s.solved,
                    "supervised": s.supervised} for s in summaries],
        "help": [{"id": h.id, "nickname": h.participant.nickname,
                  "asked_at": as_utc(h.asked_at).isoformat()} for h in waiting],
        "grading": grading or 0,
    }


def people_at(session: Session, event: Event) -> list[Person]:
    """The people at the evening (for the access log of a look at it)."""
    return [p.person for p in participants(session, event)]
