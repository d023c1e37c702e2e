"""Signing up for one evening (optional: a name or nickname and an e-mail, kept only to tell
the person if the evening is cancelled), withdrawing through the link in the mail, and a
coach cancelling an evening. The sign-ups of an evening are deleted after it (``kodprov
retention``) or when it is cancelled, once the people are told."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain import calendar
from assessor.domain.calendar import CalendarError, Evening
from assessor.domain.clock import utcnow
from assessor.models import CancelledEvening, EveningInterest, Organisation, User
from assessor.models.calendar import EMAIL_MAX, NAME_MAX
from assessor.services import policy
from assessor.services.calendar.schedule import cancelled_days, schedule_of
from assessor.services.policy import Action

LOCALES = ("sv", "en")


@dataclass(frozen=True)
class SignUp:
    """A sign-up as the mail about it needs it: the withdrawal code exists only here."""

    name: str
    email: str
    locale: str
    programme: str
    evening: Evening
    code: str = ""  #: the withdrawal link's code ("" in a cancellation: nothing to withdraw)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def coming_evening(session: Session, programme_id: int, day: date, now: datetime) -> Evening:
    """The programme's evening of ``day`` if it is still to come and not cancelled;
    CalendarError ("not_an_evening", "past", "cancelled") otherwise."""
    schedule = schedule_of(session, programme_id)
    if schedule is None:
        raise CalendarError("not_an_evening")
    evening = calendar.evening_at(schedule, day, now)
    if day in cancelled_days(session, programme_id, day):
        raise CalendarError("cancelled")
    return evening


def _clean_email(typed: str) -> str:
    email = str(typed or "").strip()
    local, _, domain = email.partition("@")
    if (not local or "." not in domain.strip(".") or len(email) > EMAIL_MAX
            or any(c.isspace() or c in "<>,;\"" for c in email) or "@" in domain):
        raise CalendarError("email")
    return email


def sign_up(session: Session, programme_id: int, day: date, name: str, email: str, *,
            locale: str = "sv", now: datetime | None = None) -> SignUp:
    """Sign up for the programme's evening of ``day``. The same address twice for one
    evening keeps one sign-up (the newest name, and a new withdrawal link: the old one stops
    working). CalendarError for a day that is no coming evening, or a bad name or address.
    Flushes."""
    evening = coming_evening(session, programme_id, day, now or utcnow())
    name = calendar.clean_text(name, NAME_MAX)
    if not any(c.isalnum() for c in name):
        raise CalendarError("name")
    email = _clean_email(email)
    key = calendar.email_key(email)
    row = session.scalar(sa.select(EveningInterest).where(
        EveningInterest.programme_id == programme_id, EveningInterest.day == day,
        EveningInterest.email_key == key))
    if row is None:
        row = EveningInterest(programme_id=programme_id, day=day, email_key=key)
        session.add(row)
    code = secrets.token_urlsafe(24)
    row.name, row.email, row.token_hash = name, email, _hash(code)
    row.locale = locale if locale in LOCALES else "sv"
    session.flush()
    programme = session.get(Organisation, programme_id)
    return SignUp(name, email, row.locale, programme.name, evening, code)


def withdrawal_of(session: Session, code: str) -> EveningInterest | None:
    """The sign-up a withdrawal link is for (None: unknown, used or the evening is over)."""
    if not code or len(code) > 100:
        return None
    return session.scalar(sa.select(EveningInterest).where(
        EveningInterest.token_hash == _hash(code)))


def withdraw(session: Session, code: str) -> bool:
    """Delete the sign-up the link is for; False when there is none. Flushes."""
    row = withdrawal_of(session, code)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def _signed_up(session: Session, programme_id: int, day: date) -> list[EveningInterest]:
    return list(session.scalars(sa.select(EveningInterest).where(
        EveningInterest.programme_id == programme_id, EveningInterest.day == day)
        .order_by(EveningInterest.created_at, EveningInterest.id)))


def sign_up_counts(session: Session, by: User, days: list[date]) -> dict[date, int]:
    """How many signed up for each of these evenings of ``by``'s programme (no names)."""
    policy.require(session, by, Action.CALENDAR)
    rows = session.execute(sa.select(EveningInterest.day, sa.func.count()).where(
        EveningInterest.programme_id == by.organisation_id, EveningInterest.day.in_(days))
        .group_by(EveningInterest.day))
    return dict(rows.all())


def sign_ups_for(session: Session, by: User, day: date) -> list[EveningInterest]:
    """Who signed up for ``by``'s programme's evening of ``day`` (names only are shown); one
    access-log entry for the list."""
    policy.require(session, by, Action.CALENDAR)
    found = _signed_up(session, by.organisation_id, day)
    policy.service.log(session, policy.Actor.of(by), None, "read",
                       f"{Action.CALENDAR} {day.isoformat()} ({len(found)})")
    return found


def cancel_evening(session: Session, by: User, day: date, reason: str, *,
                   now: datetime | None = None) -> list[SignUp]:
    """Cancel ``by``'s programme's evening of ``day`` with a reason shown on the calendar.
    Returns the people who signed up (to be told by e-mail); their sign-ups are deleted.
    CalendarError for a day that is no coming evening, one cancelled already, or no reason.
    Flushes."""
    policy.require(session, by, Action.CALENDAR)
    evening = coming_evening(session, by.organisation_id, day, now or utcnow())
    reason = calendar.clean_text(reason, calendar.REASON_MAX)
    if not reason:
        raise CalendarError("reason")
    session.add(CancelledEvening(programme_id=by.organisation_id, day=day, reason=reason,
                                 cancelled_by_id=by.id))
    programme = session.get(Organisation, by.organisation_id).name
    told = [SignUp(row.name, row.email, row.locale, programme,
                   Evening(day, evening.starts_at, evening.ends_at, reason))
            for row in _signed_up(session, by.organisation_id, day)]
    session.execute(sa.delete(EveningInterest).where(
        EveningInterest.programme_id == by.organisation_id, EveningInterest.day == day))
    policy.service.log(session, policy.Actor.of(by), None, "change",
                       f"{Action.CALENDAR} {day.isoformat()} cancelled ({len(told)})")
    return told
