"""Getting people in: invitations from staff, registering in an open programme, resetting and
changing a password. Who may invite or reset whom is the access policy's; the links
themselves are ``account_links``.

A person with a protected identity (skyddad identitet) is never sent e-mail: their link is
shown or printed by staff. ``may_email`` is the one place that says so.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import Gender, Organisation, Person, Role, User
from assessor.services import account_links, accounts, policy
from assessor.services.account_links import IssuedLink, LinkPurpose
from assessor.services.account_service import person_of
from assessor.services.accounts import AccountError
from assessor.services.policy import Action
from assessor.services.sessions import revoke_sessions


def may_email(session: Session, user: User) -> bool:
    """Whether Kodprov may send this account e-mail: never to a protected identity."""
    person = person_of(session, user)
    # ``protected_identity`` comes with the person register's own change (migration 0009);
    # until then no person has it and getattr finds the default.
    return person is None or not getattr(person, "protected_identity", False)


def invite_new_person(session: Session, staff: User, *, name: str, email: str,
                      locale: str = "sv", lifetime: timedelta | None = None) -> IssuedLink:
    """Add a person to the coach's programme with an account they open through an invitation
    link. Nothing but name and e-mail is stored: the person says yes to the tests themself,
    after setting a password. Flushes, never commits."""
    policy.require(session, staff, Action.PERSON_ADD)
    if staff.role != Role.FACILITATOR:
        raise AccountError("Only a coach invites people into their programme.", "coach_only")
    person = Person(name=" ".join(name.split()), gender=Gender.UNDISCLOSED.value,
                    created_by_id=staff.id, organisation_id=staff.organisation_id)
    session.add(person)
    session.flush()
    policy.service.log(session, policy.Actor.of(staff), person, "change", Action.PERSON_ADD)
    return invite(session, staff, person, email=email, locale=locale, lifetime=lifetime)


def invite(session: Session, staff: User, person: Person, *, email: str | None = None,
           locale: str = "sv", lifetime: timedelta | None = None) -> IssuedLink:
    """An invitation link for a person on the list: their account is made now when they have
    none (``email`` needed), and every earlier link stops working. A person who has set a
    password already gets a reset link instead (``reset_link``). Flushes, never commits."""
    policy.require(session, staff, Action.ACCOUNT_INVITE, person)
    user = person.user
    if user is None:
        if not email:
            raise AccountError("Write the person's e-mail address: it is their login.",
                               "need_email")
        user = accounts.create_user(session, email=email, name=person.name,
                                    role=Role.CANDIDATE, password=None, locale=locale,
                                    person=person)
        session.refresh(person)
    if accounts.has_password(user):
        raise AccountError("The person has a password already: make a reset link.", "has_password")
    if not user.active:
        raise AccountError("The account is closed. An administrator can open it.", "closed")
    return account_links.issue(session, user, LinkPurpose.INVITATION, by=staff,
                               lifetime=lifetime)


def reset_link(session: Session, staff: User, person: Person) -> IssuedLink:
    """A password reset link for a person on the list who has a login. It works once; using
    it ends the account's logins everywhere. Flushes, never commits."""
    policy.require(session, staff, Action.ACCOUNT_RESET, person)
    user = person.user
    if user is None or not accounts.has_password(user):
        raise AccountError("The person has no password yet: make an invitation instead.",
                           "no_password")
    if not user.active:
        raise AccountError("The account is closed. An administrator can open it.", "closed")
    return account_links.issue(session, user, LinkPurpose.RESET, by=staff)


def request_reset(session: Session, email: str) -> IssuedLink | None:
    """A reset link for the person who asked by e-mail address, when there is an open
    account with a password that may be e-mailed; else None (the page says the same either
    way, so it tells no one whether an address has an account). Flushes, never commits."""
    user = accounts.find_user(session, email[:254])
    if user is None or not user.active or not accounts.has_password(user) \
            or not may_email(session, user):
        return None
    return account_links.issue(session, user, LinkPurpose.RESET)


def change_password(session: Session, user: User, current: str, new: str,
                    keep_token: str | None) -> int:
    """Change one's own password: the current one must match. Every other login of the
    account ends, and any link still open stops working. Returns how many logins ended.
    AccountError when the current password is wrong or the new one too short. Flushes."""
    if not accounts.password_matches(user.password_hash, current):
        raise AccountError("The current password is wrong.", "wrong_password")
    accounts.check_password(new)
    user.password_hash = accounts.hash_password(new)
    account_links.end_links(session, user)
    return revoke_sessions(session, user, except_current=keep_token)


def open_programmes(session: Session) -> list[Organisation]:
    """The programmes people may join on their own (an admin turned it on), by name."""
    return list(session.scalars(sa.select(Organisation)
                                .where(Organisation.self_registration.is_(True))
                                .order_by(Organisation.name)))


def register(session: Session, *, organisation_id: int, name: str, email: str, password: str,
             locale: str = "sv") -> User:
    """Make one's own candidate account in a programme open for it. The person says yes to
    the tests next, on the consent page. AccountError when the programme is not open or the
    e-mail has an account. Flushes, never commits."""
    organisation = session.get(Organisation, organisation_id)
    if organisation is None or not organisation.self_registration:
        raise AccountError("That programme does not take registrations.", "not_open")
    user = accounts.create_user(session, email=email, name=name, role=Role.CANDIDATE,
                                password=password, locale=locale)
    accounts.join_organisation(session, user, organisation.name)
    return user
