"""Joining an evening with its code: with one's account, or as a guest with a nickname; and a
guest claiming their results into an account with their personal link."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.events import CLOSED, clean_nickname, nickname_key, normalised_code
from assessor.models import Draft, Event, Participant, Person, Role, Submission, User
from assessor.services import policy
from assessor.services.account_service import person_of
from assessor.services.accounts import create_user
from assessor.services.events.errors import EventError
from assessor.services.events.planning import window_of

#: guests' accounts have addresses that can never receive mail (RFC 2606 ``.invalid``)
GUEST_DOMAIN = "gast.kodprov.invalid"


def token_hash(token: str) -> str:
    """What is kept of a claim token: its SHA-256."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def find_by_code(session: Session, typed: str, now: datetime | None = None) -> Event:
    """The evening a typed code opens. EventError ``unknown_code`` (no such code) or
    ``closed`` (its evening has ended: the code has expired)."""
    code = normalised_code(typed)
    event = session.scalar(sa.select(Event).where(Event.join_code == code)) if code else None
    if event is None:
        raise EventError("unknown_code")
    if window_of(event).phase(now or utcnow()) == CLOSED:
        raise EventError("closed")
    return event


def participant_of(session: Session, event: Event, user: object) -> Participant | None:
    """The user's place at the evening, or None (staff and strangers have none)."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.CANDIDATE:
        return None
    return session.scalar(sa.select(Participant).join(Person).where(
        Participant.event_id == event.id, Person.user_id == user.id))


def _add(session: Session, event: Event, person: Person, nickname: str,
         guest: bool) -> Participant:
    """Seat a person, refusing a nickname someone else has (in any letter case)."""
    name = clean_nickname(nickname)
    if not name:
        raise EventError("nickname")
    taken = session.scalar(sa.select(Participant.id).where(
        Participant.event_id == event.id, Participant.nickname_key == nickname_key(name)))
    if taken is not None:
        raise EventError("nickname_taken")
    participant = Participant(event_id=event.id, person_id=person.id, nickname=name,
                              nickname_key=nickname_key(name), guest=guest)
    try:
        with session.begin_nested():  # two people may take the same nickname at once
            session.add(participant)
    except IntegrityError:
        raise EventError("nickname_taken") from None
    return participant


def join_with_account(session: Session, event: Event, user: User, nickname: str,
                      now: datetime | None = None) -> Participant:
    """Join with one's own account. EventError ``already_joined``, ``closed``, ``nickname``
    or ``nickname_taken`` (nothing written); AccessDeniedError for staff. Flushes."""
    if user.role != Role.CANDIDATE:
        raise EventError("staff_account")
    person = person_of(session, user)
    if person is None:
        raise EventError("staff_account")
    policy.require(session, user, policy.Action.EVENT_TAKE_PART, person)
    if window_of(event).phase(now or utcnow()) == CLOSED:
        raise EventError("closed")
    if participant_of(session, event, user) is not None:
        raise EventError("already_joined")
    return _add(session, event, person, nickname, guest=False)


def join_as_guest(session: Session, event: Event, nickname: str, locale: str = "sv",
                  now: datetime | None = None) -> tuple[User, Participant, str]:
    """Join with only a nickname: a guest account without a password (logged in on this
    browser by the caller), in the evening's programme. Returns the account, the place and the
    guest's personal claim token (shown once; only its hash is kept). Flushes."""
    if window_of(event).phase(now or utcnow()) == CLOSED:
        raise EventError("closed")
    name = clean_nickname(nickname)
    if not name:
        raise EventError("nickname")
    with session.begin_nested():  # a refused nickname leaves no guest account behind
        user = create_user(session, email=f"gast-{secrets.token_hex(8)}@{GUEST_DOMAIN}",
                           name=name, role=Role.CANDIDATE, password=None, locale=locale)
        person = person_of(session, user)
        person.organisation_id = event.organisation_id
        policy.require(session, user, policy.Action.EVENT_TAKE_PART, person)
        participant = _add(session, event, person, name, guest=True)
    token = secrets.token_urlsafe(24)
    participant.claim_token_hash = token_hash(token)
    session.flush()
    return user, participant, token


def guest_of_token(session: Session, token: str) -> Participant | None:
    """The guest place a claim link belongs to, or None (unknown, or already claimed)."""
    if not token or len(token) > 100:
        return None
    return session.scalar(sa.select(Participant).where(
        Participant.claim_token_hash == token_hash(token), Participant.guest.is_(True)))


def claim_guest(session: Session, token: str, *, by: User) -> Person:
    """Move a guest's hand-ins, drafts and places into ``by``'s own record, then delete the
    guest's account and record. EventError ``not_guest`` for an unknown or used link,
    ``own_results`` when ``by`` is that very guest. Flushes; returns ``by``'s person."""
    guest = guest_of_token(session, token)
    if guest is None:
        raise EventError("not_guest")
    target = person_of(session, by) if by.role == Role.CANDIDATE else None
    if target is None:
        raise EventError("staff_account")
    if target.id == guest.person_id:
        raise EventError("own_results")
    policy.require(session, by, policy.Action.EVENT_TAKE_PART, target)
    source = guest.person
    session.execute(sa.update(Submission).where(Submission.person_id == source.id)
                    .values(person_id=target.id))
    _move_drafts(session, source, target)
    _move_places(session, source, target)
    if source.user_id is not None:
        session.execute(sa.delete(User).where(User.id == source.user_id))
    session.delete(source)
    session.flush()
    return target


def _move_drafts(session: Session, source: Person, target: Person) -> None:
    """Drafts move unless the account has its own for the same task (that one is kept)."""
    own = set(session.scalars(sa.select(Draft.challenge_id).where(Draft.person_id == target.id)))
    for draft in session.scalars(sa.select(Draft).where(Draft.person_id == source.id)).all():
        if draft.challenge_id in own:
            session.delete(draft)
        else:
            draft.person_id = target.id


def _move_places(session: Session, source: Person, target: Person) -> None:
    """The guest's places become the account's (where the account has none at that evening)."""
    taken = set(session.scalars(sa.select(Participant.event_id)
                                .where(Participant.person_id == target.id)))
    for place in session.scalars(sa.select(Participant)
                                 .where(Participant.person_id == source.id)).all():
        if place.event_id in taken:
            session.delete(place)
        else:
            place.person_id, place.guest, place.claim_token_hash = target.id, False, None
            place.claim_email = None  # the address was only for the link
    session.flush()
