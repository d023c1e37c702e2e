"""What a report says about consent, read from the consent records at the moment it is made.

Nothing is assumed: a report says "yes to sharing with X since D" only when that yes is on
record and active, and says plainly when there is none. A reader sees every share only when
the policy lets them see all of the person's consents (``consent.view``: the person, the
programme's coaches); a caseworker sees only the yes that lets their own organisation read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessor.domain.clock import local_date
from assessor.models import Consent, ConsentPurpose, Person
from assessor.services import policy
from assessor.services.privacy import consents_of


@dataclass(frozen=True)
class ConsentStatement:
    """One active yes: what for, since when, to which organisation, and who recorded it."""

    purpose: str
    since: date
    organisation: str | None = None
    #: "person" (they said yes themself), "staff" (``recorded_by`` wrote it in for them) or
    #: "unknown" (no one is on record)
    given_by: str = "person"
    recorded_by: str | None = None


@dataclass(frozen=True)
class ConsentSection:
    """The consents a report states: the yes to the tests, and the shares of the report."""

    tests: ConsentStatement | None
    shares: tuple[ConsentStatement, ...]
    every_share: bool  #: ``shares`` is every share, not only the reader's organisation's


def statement(consent: Consent, person: Person) -> ConsentStatement:
    """The words' facts for one consent record."""
    if consent.recorded_by_id is None:
        given_by, recorded_by = "unknown", None
    elif consent.recorded_by_id == person.user_id:
        given_by, recorded_by = "person", None
    else:
        given_by = "staff"
        recorded_by = consent.recorded_by.name if consent.recorded_by else None
    return ConsentStatement(consent.purpose, local_date(consent.given_at),
                            consent.organisation.name if consent.organisation else None,
                            given_by, recorded_by)


def consent_section(session: Session, person: Person, reader: object) -> ConsentSection:
    """The active consents a report made for ``reader`` (a User or policy Actor) states."""
    active = [c for c in consents_of(session, person) if c.active]
    tests = next((c for c in active if c.purpose == ConsentPurpose.ASSESSMENT), None)
    shares = [c for c in active if c.purpose == ConsentPurpose.SHARE_REPORT]
    every = policy.check(session, reader, policy.Action.CONSENT_VIEW, person).allowed
    if not every:
        own = policy.Actor.of(reader).organisation_id
        shares = [c for c in shares if own is not None and c.organisation_id == own]
    return ConsentSection(statement(tests, person) if tests else None,
                          tuple(statement(c, person) for c in shares), every)
