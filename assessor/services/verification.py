"""Verification per area: how results from home are confirmed under supervision.

Evidence ranks self-report < unsupervised online < supervised session < work sample. An area is
*verified* when supervised evidence (a supervised session's level, or a confirmed follow-up)
agrees with the at-home level within one step; a *discrepancy* when it does not, or when a
follow-up could not confirm the work; *not verified* while only at-home evidence exists; *not
done* before any attempt.

The levels compared are the capped ones (``assessor.domain.ability``: never above the highest step
shown). An "at least" level is a lower bound, so when the lower of the two is an "at least" the
gap is no contradiction: a supervised "at least" below home has not reached the home level yet
(the area is not verified by it), and a supervised level above a home "at least" confirms it.
Supervised work with no task solved verifies no level from home.

Follow-ups in an area can be held more than once; only the **latest held outcome** counts, so
a later "confirmed" clears an earlier "not confirmed" (and the other way round). Its outcome:

* ``confirmed`` — supervised evidence that backs the level: the area is verified, unless a
  supervised session's level disagrees with the results from home (a discrepancy);
* ``partly`` — supervised evidence that does *not* confirm the level: the person was seen at
  work, so the evidence behind the level counts as supervised, but the status is what the
  sessions alone make it — *not verified* after work from home only, *verified* or a
  *discrepancy* when a supervised session's level agrees or disagrees;
* ``not_confirmed`` — a discrepancy, and the level rests on the results from home alone.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, in_typed_range, utcnow
from assessor.domain.vocabulary import AREAS
from assessor.models import (
    CHECKLIST_ITEMS,
    Evidence,
    FollowUp,
    FollowUpOutcome,
    Person,
    Submission,
    User,
)
from assessor.services import policy

EVIDENCE_ORDER = tuple(Evidence)  #: weakest first
AGREEMENT_STEPS = 1  #: supervised and at-home levels may differ by this many steps


class FollowUpError(ValueError):
    """A follow-up that cannot be booked or recorded (``code`` picks the message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def latest_outcome(follow_ups: list[str]) -> str | None:
    """The outcome that counts: the latest held one (``follow_ups`` is oldest first)."""
    return follow_ups[-1] if follow_ups else None


def verification_status(*, attempted: bool, home_rank: int | None,
                        supervised_rank: int | None, follow_ups: list[str],
                        home_at_least: bool = False, supervised_at_least: bool = False) -> str:
    """``verified``, ``discrepancy``, ``not_verified`` or ``not_done`` for one area.

    ``follow_ups`` are the held follow-ups' outcomes, oldest first; the latest one counts.
    ``*_at_least``: that level is an "at least" (a lower bound; see the module doc).
    """
    if not attempted:
        return "not_done"
    latest = latest_outcome(follow_ups)
    if latest == FollowUpOutcome.NOT_CONFIRMED:
        return "discrepancy"
    if supervised_rank is not None and home_rank is not None:
        gap = home_rank - supervised_rank
        if abs(gap) <= AGREEMENT_STEPS and (supervised_rank or not home_rank):
            return "verified"
        lower, open_ended = (supervised_rank, supervised_at_least) if gap > 0 else (
            home_rank, home_at_least)
        if not (open_ended and lower):  # "at least nothing" says nothing was solved
            return "discrepancy"
        if gap < 0:
            return "verified"
        supervised_rank = None  # a supervised "at least" below home: not there yet
    if supervised_rank is not None or latest == FollowUpOutcome.CONFIRMED:
        return "verified"
    return "not_verified"


def strongest_evidence(kinds: list[str], follow_ups: list[str]) -> str | None:
    """The strongest evidence behind an area. A latest follow-up that confirmed the work, fully
    or partly, counts as supervised; one that did not confirm it adds nothing."""
    ranked = [EVIDENCE_ORDER.index(Evidence(k)) for k in kinds]
    if latest_outcome(follow_ups) in (FollowUpOutcome.CONFIRMED, FollowUpOutcome.PARTLY):
        ranked.append(EVIDENCE_ORDER.index(Evidence.SUPERVISED))
    return EVIDENCE_ORDER[max(ranked)].value if ranked else None


def outcome_from_checklist(checklist: dict[str, bool]) -> str:
    """All four observations: confirmed; at least two: partly; fewer: not confirmed."""
    seen = sum(bool(checklist.get(item)) for item in CHECKLIST_ITEMS)
    if seen == len(CHECKLIST_ITEMS):
        return FollowUpOutcome.CONFIRMED.value
    return FollowUpOutcome.PARTLY.value if seen >= 2 else FollowUpOutcome.NOT_CONFIRMED.value


def book_follow_up(session: Session, person: Person, area: str, facilitator: User,
                   booked_for: datetime, submission_id: int | None = None) -> FollowUp:
    """Book a follow-up session. Flushes. AccessDeniedError unless the facilitator may record the
    person's follow-ups. Refused (``out_of_range``) outside the years ``db.EARLIEST_YEAR`` to
    ``db.LATEST_YEAR``: such a time could not be shown in Swedish time. A chosen
    ``submission_id`` must be one of the person's own (``unknown_submission``)."""
    policy.require(session, facilitator, policy.Action.FOLLOW_UP_RECORD, person)
    if area not in AREAS:
        raise FollowUpError("unknown_area")
    if not in_typed_range(as_utc(booked_for)):
        raise FollowUpError("out_of_range")
    if submission_id is not None:  # a forged id must not tie in someone else's work
        chosen = session.get(Submission, submission_id)
        if chosen is None or chosen.person_id != person.id:
            raise FollowUpError("unknown_submission")
    follow_up = FollowUp(person_id=person.id, area=area, facilitator_id=facilitator.id,
                         booked_for=booked_for, submission_id=submission_id, checklist={})
    session.add(follow_up)
    session.flush()
    return follow_up


def record_follow_up(session: Session, follow_up: FollowUp, checklist: dict[str, bool],
                     notes: str = "", *, by: User) -> FollowUp:
    """Record what the session showed; the outcome follows from the checklist. Flushes.
    Refused (``not_yet``) before the booked time: a session cannot have shown anything yet.
    AccessDeniedError unless ``by`` may record the person's follow-ups."""
    policy.require(session, by, policy.Action.FOLLOW_UP_RECORD, follow_up.person)
    if utcnow() < as_utc(follow_up.booked_for):
        raise FollowUpError("not_yet")
    unknown = set(checklist) - set(CHECKLIST_ITEMS)
    if unknown:
        raise FollowUpError("unknown_checklist_item")
    follow_up.checklist = {item: bool(checklist.get(item)) for item in CHECKLIST_ITEMS}
    follow_up.outcome = outcome_from_checklist(follow_up.checklist)
    follow_up.notes = notes.strip()[:2000]
    follow_up.held_at = utcnow()
    session.flush()
    return follow_up


def follow_up_outcomes(session: Session, person: Person, area: str) -> list[str]:
    """Outcomes of the person's held follow-ups in an area, oldest first."""
    query = sa.select(FollowUp.outcome).where(
        FollowUp.person_id == person.id, FollowUp.area == area, FollowUp.outcome.is_not(None)
    ).order_by(FollowUp.held_at, FollowUp.id)
    return list(session.scalars(query))


def held_follow_ups(session: Session, person: Person) -> int:
    """How many supervised follow-ups the person has had."""
    return session.scalar(sa.select(sa.func.count()).select_from(FollowUp).where(
        FollowUp.person_id == person.id, FollowUp.outcome.is_not(None))) or 0
