"""What the facilitator watches without reloading, and the summary per person afterwards.

The live view is asked for every few seconds by every open coach page, while forty people
hand in: it reads columns and counts only (no person records, never code or results), in a
fixed number of queries however many people and hand-ins there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

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

    participant_id: int
    nickname: str
    guest: bool
    checked_in: bool
    attempts: int
    solved: int  #: tasks with a full score
    supervised: int  #: hand-ins that count as supervised evidence
    working_on: str  #: the task they touched last ("" before the first)


def person_ids_at(event: Event) -> sa.Select:
    """A query for the ids of the people at the evening."""
    return sa.select(Participant.person_id).where(Participant.event_id == event.id)


def _attempts_in_window(event: Event, *columns) -> sa.Select:
    """``columns`` of the participants' attempts inside the evening's window."""
    window = window_of(event)
    return sa.select(*columns).join(
        Participant, Participant.person_id == Submission.person_id).where(
        Participant.event_id == event.id, Submission.kind == SubmissionKind.ATTEMPT,
        Submission.created_at >= window.starts_at, Submission.created_at < window.end)


def _tallies(session: Session, event: Event) -> dict[int, sa.Row]:
    """Per participant's person: attempts, tasks solved and supervised hand-ins, counted by
    the database."""
    solved = sa.case((Submission.score >= 1.0, Submission.challenge_id))
    supervised = sa.case((Submission.evidence.in_(SUPERVISED), 1), else_=0)
    rows = session.execute(_attempts_in_window(
        event, Submission.person_id, sa.func.count(Submission.id).label("attempts"),
        sa.func.count(sa.distinct(solved)).label("solved"),
        sa.func.sum(supervised).label("supervised")).group_by(Submission.person_id))
    return {row.person_id: row for row in rows}


def _last_attempted(session: Session, event: Event) -> dict[int, str]:
    """Per participant's person: the task of their latest attempt in the window."""
    ranked = _attempts_in_window(
        event, Submission.person_id, Submission.challenge_id,
        sa.func.row_number().over(partition_by=Submission.person_id, order_by=(
            Submission.created_at.desc(), Submission.id.desc())).label("newest")).subquery()
    return dict(session.execute(sa.select(ranked.c.person_id, ranked.c.challenge_id)
                                .where(ranked.c.newest == 1)).all())


def _last_touched(session: Session, event: Event) -> dict[int, str]:
    """Each participant's most recently saved draft since the evening began."""
    rows = session.execute(sa.select(Draft.person_id, Draft.challenge_id).join(
        Participant, Participant.person_id == Draft.person_id).where(
        Participant.event_id == event.id, Draft.updated_at >= event.starts_at)
        .order_by(Draft.updated_at))
    return {person_id: challenge for person_id, challenge in rows}


def person_summaries(session: Session, event: Event, locale: str = "sv", *,
                     catalogue: Catalogue) -> list[PersonSummary]:
    """A summary per participant, by nickname (five queries for any number of people)."""
    tallies, touched = _tallies(session, event), _last_touched(session, event)
    attempted = _last_attempted(session, event)
    people = session.execute(sa.select(
        Participant.id, Participant.person_id, Participant.nickname, Participant.guest,
        Participant.checked_in_at).where(Participant.event_id == event.id)
        .order_by(Participant.nickname_key))
    summaries = []
    for person in people:
        tally = tallies.get(person.person_id)
        latest = touched.get(person.person_id) or attempted.get(person.person_id, "")
        summaries.append(PersonSummary(
            participant_id=person.id, nickname=person.nickname, guest=person.guest,
            checked_in=person.checked_in_at is not None,
            attempts=tally.attempts if tally else 0, solved=tally.solved if tally else 0,
            supervised=int(tally.supervised or 0) if tally else 0,
            working_on=catalogue.title(latest, locale) if latest else ""))
    return summaries


def live_view(session: Session, event: Event, locale: str = "sv",
              now: datetime | None = None, *, catalogue: Catalogue) -> dict:
    """The live view as plain data (the page's script renders it): the phase, each person,
    the help queue (oldest first) and what is still being graded."""
    summaries = person_summaries(session, event, locale, catalogue=catalogue)
    waiting = session.execute(sa.select(
        HelpRequest.id, HelpRequest.asked_at, Participant.nickname).join(
        Participant, Participant.id == HelpRequest.participant_id).where(
        HelpRequest.event_id == event.id, HelpRequest.handled_at.is_(None))
        .order_by(HelpRequest.asked_at, HelpRequest.id))
    grading = session.scalar(sa.select(sa.func.count(Submission.id)).where(
        Submission.person_id.in_(person_ids_at(event)),
        Submission.status.in_([SubmissionStatus.QUEUED, SubmissionStatus.RUNNING])))
    return {
        "phase": window_of(event).phase(now or utcnow()),
        "people": [{"id": s.participant_id, "nickname": s.nickname, "guest": s.guest,
                    "checked_in": s.checked_in, "working_on": s.working_on,
                    "attempts": s.attempts, "solved": s.solved, "supervised": s.supervised}
                   for s in summaries],
        "help": [{"id": h.id, "nickname": h.nickname, "asked_at": as_utc(h.asked_at).isoformat()}
                 for h in waiting],
        "grading": grading or 0,
    }


def people_at(session: Session, event: Event) -> list[Person]:
    """The people at the evening (for the access log of a look at it, or of an export)."""
    return list(session.scalars(sa.select(Person).where(Person.id.in_(person_ids_at(event)))
                                .order_by(Person.id)))
