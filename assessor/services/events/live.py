"""What the facilitator watches without reloading, and the summary per person afterwards.

Every open coach page asks for the live view every few seconds while forty people hand in, so
it is cheap: the database counts, and the statements are built once per process with the
evening as parameters. It reads columns only (no person records, never code or results)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

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

EVENT, STARTS, ENDS = sa.bindparam("event"), sa.bindparam("starts"), sa.bindparam("ends")


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


def _at_evening(query: sa.Select, person_id) -> sa.Select:
    """``query`` narrowed to the rows whose ``person_id`` is a participant's of the evening
    (the ``EVENT`` parameter)."""
    return query.join(Participant, Participant.person_id == person_id).where(
        Participant.event_id == EVENT)


def _newest_per_person(table, when, where) -> sa.Subquery:
    """Each person's newest row of ``table`` (by ``when``, then id) among ``where``: their
    ``person_id`` and ``challenge_id``."""
    ranked = _at_evening(sa.select(
        table.person_id, table.challenge_id, sa.func.row_number().over(
            partition_by=table.person_id, order_by=(when.desc(), table.id.desc()))
        .label("newest")), table.person_id).where(*where).subquery()
    return sa.select(ranked.c.person_id, ranked.c.challenge_id).where(
        ranked.c.newest == 1).subquery()


@cache
def _summary_statement() -> sa.Select:
    """Per participant, by nickname: who they are, their attempts inside the window counted
    (all, tasks solved, supervised), the task of their newest attempt and of the draft they
    saved last since the evening began. One statement, built once."""
    in_window = (Submission.kind == SubmissionKind.ATTEMPT, Submission.created_at >= STARTS,
                 Submission.created_at < ENDS)
    tallies = _at_evening(sa.select(
        Submission.person_id, sa.func.count(Submission.id).label("attempts"),
        sa.func.count(sa.distinct(sa.case((Submission.score >= 1.0, Submission.challenge_id))))
        .label("solved"),
        sa.func.sum(sa.case((Submission.evidence.in_(SUPERVISED), 1), else_=0))
        .label("supervised")), Submission.person_id).where(*in_window).group_by(
        Submission.person_id).subquery()
    attempted = _newest_per_person(Submission, Submission.created_at, in_window)
    touched = _newest_per_person(Draft, Draft.updated_at, (Draft.updated_at >= STARTS,))
    return sa.select(
        Participant.id, Participant.nickname, Participant.guest, Participant.checked_in_at,
        tallies.c.attempts, tallies.c.solved, tallies.c.supervised,
        sa.func.coalesce(touched.c.challenge_id, attempted.c.challenge_id).label("latest"),
    ).outerjoin(tallies, tallies.c.person_id == Participant.person_id).outerjoin(
        attempted, attempted.c.person_id == Participant.person_id).outerjoin(
        touched, touched.c.person_id == Participant.person_id).where(
        Participant.event_id == EVENT).order_by(Participant.nickname_key, Participant.id)


def person_summaries(session: Session, event: Event, locale: str = "sv", *,
                     catalogue: Catalogue) -> list[PersonSummary]:
    """A summary per participant, by nickname (one query for any number of people)."""
    window = window_of(event)
    rows = session.execute(_summary_statement(), {
        "event": event.id, "starts": window.starts_at, "ends": window.end})
    return [PersonSummary(
        participant_id=row.id, nickname=row.nickname, guest=row.guest,
        checked_in=row.checked_in_at is not None, attempts=row.attempts or 0,
        solved=row.solved or 0, supervised=row.supervised or 0,
        working_on=catalogue.title(row.latest, locale) if row.latest else "") for row in rows]


@cache
def _help_statement() -> sa.Select:
    """The evening's help requests not yet handled, oldest first, with the asker's nickname."""
    return sa.select(HelpRequest.id, HelpRequest.asked_at, Participant.nickname).join(
        Participant, Participant.id == HelpRequest.participant_id).where(
        HelpRequest.event_id == EVENT, HelpRequest.handled_at.is_(None)).order_by(
        HelpRequest.asked_at, HelpRequest.id)


@cache
def _grading_statement() -> sa.Select:
    """How many of the participants' hand-ins wait for or are in grading."""
    return _at_evening(sa.select(sa.func.count(Submission.id)), Submission.person_id).where(
        Submission.status.in_([SubmissionStatus.QUEUED, SubmissionStatus.RUNNING]))


def live_view(session: Session, event: Event, locale: str = "sv",
              now: datetime | None = None, *, catalogue: Catalogue) -> dict:
    """The live view as plain data (the page's script renders it): the phase, each person,
    the help queue (oldest first) and what is still being graded."""
    summaries = person_summaries(session, event, locale, catalogue=catalogue)
    waiting = session.execute(_help_statement(), {"event": event.id})
    grading = session.scalar(_grading_statement(), {"event": event.id})
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
