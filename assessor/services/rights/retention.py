"""Applying the retention periods (``periods``): what each rule would remove now, and removing
it. "archive" data are case records that archive rules keep even when the person asks for
erasure (an authority's allmänna handlingar): an erasure then restricts the person instead of
deleting them, and the erasure completes when the last archived record reaches its time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date, utcnow
from assessor.infra.settings import DEFAULT_GUEST_DAYS
from assessor.models import (
    AccessLog,
    Draft,
    EveningInterest,
    Event,
    FollowUp,
    Lead,
    LoginSession,
    Participant,
    Person,
    Placement,
    RightsRequest,
    Submission,
    SubmissionKind,
)
from assessor.services import policy
from assessor.services.intake.lead_privacy import untouched_since
from assessor.services.rights.activity import (
    inactive_since,
    people_placed_since,
    placements_active_since,
)
from assessor.services.rights.erasure import erase
from assessor.services.rights.periods import Category, categories
from assessor.services.sessions import KEEP_ENDED

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Due:
    """What one category's rule would remove now: row ids (people: person ids)."""

    category: str
    ids: tuple[int, ...]


#: each kind of data's period, by name (``periods.categories``)
Periods = Mapping[str, Category]
Finder = Callable[[Session, datetime, Periods], sa.Select]


def _ended_sessions(session: Session, now: datetime, periods: Periods) -> sa.Select:
    cutoff = now - KEEP_ENDED
    return sa.select(LoginSession.id).where(sa.or_(LoginSession.revoked_at < cutoff,
                                                   LoginSession.expires_at < cutoff))


def _old_drafts(session: Session, now: datetime, periods: Periods) -> sa.Select:
    return sa.select(Draft.id).where(Draft.updated_at < now - periods["draft"].keep)


def _old_prechecks(session: Session, now: datetime, periods: Periods) -> sa.Select:
    return sa.select(Submission.id).where(Submission.kind == SubmissionKind.PRECHECK,
                                          Submission.created_at < now - periods["precheck"].keep)


def _old_follow_ups(session: Session, now: datetime, periods: Periods) -> sa.Select:
    held = sa.func.coalesce(FollowUp.held_at, FollowUp.booked_for)
    return sa.select(FollowUp.id).where(held < now - periods["follow_up"].keep)


def _old_log(session: Session, now: datetime, periods: Periods) -> sa.Select:
    return sa.select(AccessLog.id).where(AccessLog.at < now - periods["access_log"].keep)


def _old_requests(session: Session, now: datetime, periods: Periods) -> sa.Select:
    return sa.select(RightsRequest.id).where(
        RightsRequest.done_at < now - periods["rights_request"].keep)


def _held_back() -> sa.Select:
    """People an erasure restricted because archived records were kept."""
    return sa.select(RightsRequest.person_id).where(
        RightsRequest.kind == "erasure", RightsRequest.outcome == "restricted",
        RightsRequest.person_id.is_not(None))


def _old_leads(session: Session, now: datetime, periods: Periods) -> sa.Select:
    """Leads that never became a person, untouched for the lead period (a lead that did
    goes with the person)."""
    return sa.select(Lead.id).where(Lead.person_id.is_(None),
                                    untouched_since(now - periods["lead"].keep))


def _old_placements(session: Session, now: datetime, periods: Periods) -> sa.Select:
    """Placements (with their steps and follow-ups) in which nothing happened for the
    placement period."""
    active = placements_active_since(now - periods["placement"].keep)
    return sa.select(Placement.id).where(Placement.id.not_in(active))


def _inactive_people(session: Session, now: datetime, periods: Periods) -> sa.Select:
    cutoff = now - periods["person"].keep
    return sa.select(Person.id).where(Person.id.in_(inactive_since(cutoff)),
                                      Person.id.not_in(people_placed_since(cutoff)),
                                      Person.id.not_in(_held_back()))


def _unclaimed_guests(session: Session, now: datetime, periods: Periods) -> sa.Select:
    """Guests whose evening ended longer ago than the guest period, never claimed."""
    ended = sa.func.coalesce(Event.closed_at, Event.ends_at)
    return sa.select(Participant.person_id).join(Event).where(
        Participant.guest.is_(True), ended < now - periods["guest"].keep).distinct()


def _past_sign_ups(session: Session, now: datetime, periods: Periods) -> sa.Select:
    """Sign-ups for evenings whose day (Swedish date) is the period or more ago: with a day,
    from the night after the evening."""
    last_kept = local_date(now) - periods["evening_sign_up"].keep
    return sa.select(EveningInterest.id).where(EveningInterest.day <= last_kept)


def _erased_with_nothing_archived(session: Session, now: datetime, periods: Periods) -> sa.Select:
    archive = sa.union(sa.select(FollowUp.person_id), sa.select(Placement.person_id))
    return sa.select(Person.id).where(Person.restricted_at.is_not(None),
                                      Person.id.in_(_held_back()), Person.id.not_in(archive))


#: category -> (finder, model whose rows are removed; None: people, erased as on request)
RULES: dict[str, tuple[Finder, type | None]] = {
    "login_session": (_ended_sessions, LoginSession),
    "draft": (_old_drafts, Draft),
    "precheck": (_old_prechecks, Submission),
    "follow_up": (_old_follow_ups, FollowUp),
    "lead": (_old_leads, Lead),
    "placement": (_old_placements, Placement),
    "person": (_inactive_people, None),
    "guest": (_unclaimed_guests, None),
    "evening_sign_up": (_past_sign_ups, EveningInterest),
    "erased_person": (_erased_with_nothing_archived, None),
    "access_log": (_old_log, AccessLog),
    "rights_request": (_old_requests, RightsRequest),
}


def due(session: Session, now: datetime | None = None, *,
        guest_days: int = DEFAULT_GUEST_DAYS) -> list[Due]:
    """What every rule would remove at ``now``, in the order ``apply`` removes it (archived
    follow-ups and placements go before the people they held back); guests after
    ``guest_days``."""
    now = now or utcnow()
    periods = {category.name: category for category in categories(guest_days)}
    found = []
    for category, (finder, _model) in RULES.items():
        ids = tuple(sorted(session.scalars(finder(session, now, periods)).all()))
        found.append(Due(category, ids))
    return found


def apply(session: Session, now: datetime | None = None, *,
          guest_days: int = DEFAULT_GUEST_DAYS) -> list[Due]:
    """Remove what the rules say is due, rule by rule, and log it (an access-log entry per
    person erased and one per category). Flushes; the unit of work commits."""
    now = now or utcnow()
    periods = {category.name: category for category in categories(guest_days)}
    removed = []
    for category, (finder, model) in RULES.items():
        ids = tuple(sorted(session.scalars(finder(session, now, periods)).all()))
        if model is None:
            for person_id in ids:
                erase(session, session.get(Person, person_id), policy.SYSTEM,
                      reason=f"retention: {category}")
        elif ids:
            session.execute(sa.delete(model).where(model.id.in_(ids)))
        if ids:
            policy.service.log(session, policy.SYSTEM, None, "change", "retention",
                               f"{category}: {len(ids)}")
            log.info("retention removed %s %s", len(ids), category)
        removed.append(Due(category, ids))
    session.flush()
    return removed
