"""Reading the access log: a person's own "who read my data" (role and organisation, never
staff names or e-mails), and the admins' whole log, filtered and paged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from assessor.domain.clock import from_local
from assessor.models import AccessLog, Organisation, Person, User

PER_PAGE = 50


@dataclass(frozen=True)
class AccessEvent:
    """One entry as the person sees it."""

    at: datetime
    by: str  #: "self", "system", or the actor's role at the time
    organisation: str | None  #: the actor's organisation (None: none, or the account is gone)
    kind: str  #: read, change, export or denied
    what: str  #: the policy action or event ("report", "follow_up", "consent", "erasure" …)


@dataclass(frozen=True)
class Page:
    """One page of entries, newest first, and whether older ones follow."""

    entries: list
    number: int
    more: bool


def _what(text: str) -> str:
    """"follow_up #12" -> "follow_up": the person is told what, not which row."""
    return text.split(" #", 1)[0]


def history(session: Session, person: Person, number: int = 1) -> Page:
    """Who read or changed the person's data, newest first, ``PER_PAGE`` a page."""
    query = (sa.select(AccessLog, User.role, Organisation.name)
             .outerjoin(User, User.id == AccessLog.actor_id)
             .outerjoin(Organisation, Organisation.id == User.organisation_id)
             .where(AccessLog.person_id == person.id))
    rows, more = _page(session, query, number)
    events = [AccessEvent(entry.at, _by(entry, person), organisation, entry.action,
                          _what(entry.what)) for entry, _role, organisation in rows]
    return Page(events, number, more)


def _by(entry: AccessLog, person: Person) -> str:
    if entry.actor_id is not None and entry.actor_id == person.user_id:
        return "self"
    return entry.actor_role or ("system" if entry.actor_id is None else "")


def _page(session: Session, query: sa.Select, number: int) -> tuple[list, bool]:
    """Rows of page ``number`` (from 1) of ``query``, newest first, and whether more follow."""
    rows = session.execute(query.order_by(AccessLog.at.desc(), AccessLog.id.desc())
                           .offset((number - 1) * PER_PAGE).limit(PER_PAGE + 1)).all()
    return rows[:PER_PAGE], len(rows) > PER_PAGE


@dataclass(frozen=True)
class LogFilter:
    """What the admin narrows the log to; None (or "") means any."""

    code: str = ""  #: a person's code name
    email: str = ""  #: the e-mail of the account that acted
    since: date | None = None  #: from this Swedish day
    until: date | None = None  #: to this Swedish day, inclusive


@dataclass(frozen=True)
class LogRow:
    """One entry as the admin sees it."""

    entry: AccessLog
    email: str | None  #: of the account that acted (None: the system, or the account is gone)
    code: str | None  #: the person's code name (None: no person, or the person is gone)


def search(session: Session, wanted: LogFilter, number: int = 1) -> Page:
    """The whole log narrowed by ``wanted``, newest first, ``PER_PAGE`` a page."""
    actor, person = aliased(User), aliased(Person)
    query = (sa.select(AccessLog, actor.email, person.public_id)
             .outerjoin(actor, actor.id == AccessLog.actor_id)
             .outerjoin(person, person.id == AccessLog.person_id))
    if wanted.code:
        query = query.where(person.public_id == wanted.code.strip().upper())
    if wanted.email:
        query = query.where(actor.email == wanted.email.strip().lower())
    if wanted.since:
        query = query.where(AccessLog.at >= from_local(datetime.combine(wanted.since, time())))
    if wanted.until:
        end = datetime.combine(wanted.until + timedelta(days=1), time())
        query = query.where(AccessLog.at < from_local(end))
    rows, more = _page(session, query, number)
    return Page([LogRow(entry, email, code) for entry, email, code in rows], number, more)


def person_by_code(session: Session, code: str) -> Person | None:
    """The person with this code name (any case), or None."""
    if not code:
        return None
    return session.scalar(sa.select(Person).where(Person.public_id == code.strip().upper()))
