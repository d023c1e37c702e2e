"""Managing accounts, organisations and the item bank in use: the admin's web pages and the
``kodprov users`` / ``kodprov irt`` commands call these same operations.

Each asks the access policy (``accounts`` or ``item_banks``) and writes what it changed to
the access log, like any change of a person's data (ids only, never names or addresses).
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import Organisation, Person, Role, StoredItemBank, User
from assessor.services import account_links, accounts, item_banks, policy
from assessor.services.accounts import AccountError
from assessor.services.catalogue import Catalogue
from assessor.services.policy import Action, Actor
from assessor.services.sessions import revoke_sessions

#: "leave as it is" for an argument where None means something (no organisation)
KEEP = object()


def person_of(session: Session, user: User) -> Person | None:
    """The person record of a candidate's account (None for staff)."""
    return session.scalar(sa.select(Person).where(Person.user_id == user.id))


def log_change(session: Session, actor: object, what: str, person: Person | None = None,
               kind: str = "change") -> None:
    """One access-log entry for an admin's read or change (``what``: e.g. "accounts #3")."""
    policy.service.log(session, Actor.of(actor), person, kind, what)


def create_account(session: Session, actor: object, *, email: str, name: str, role: str,
                   organisation: str | None = None, password: str | None = None,
                   locale: str = "sv") -> User:
    """Create an account (in ``organisation``, named; created when new). Without a password
    the person sets one through an invitation link. Flushes, never commits."""
    policy.require(session, actor, Action.ACCOUNTS)
    user = accounts.create_user(session, email=email, name=name, role=role, password=password,
                                locale=locale)
    if organisation:
        accounts.join_organisation(session, user, organisation)
    log_change(session, actor, f"accounts.create #{user.id}", person_of(session, user))
    return user


def change_account(session: Session, actor: object, user: User, *, role: str | None = None,
                   organisation_id: int | object | None = KEEP, active: bool | None = None,
                   ) -> list[str]:
    """Change an account's role, organisation (None: none) or whether it is open; returns
    what changed. Closing an account ends its logins and links. A candidate stays a
    candidate and staff stay staff (a person record belongs to one of them); nobody closes
    their own account or changes their own role. Flushes, never commits."""
    policy.require(session, actor, Action.ACCOUNTS)
    me = Actor.of(actor).id == user.id
    changed = []
    if role is not None and role != user.role:
        if me:
            raise AccountError("You cannot change your own role.", "own_role")
        if Role.CANDIDATE in (role, user.role) or role not in {r.value for r in Role}:
            raise AccountError("A candidate account stays a candidate account, and staff stay "
                               "staff.", "role_change")
        user.role = role
        changed.append("role")
    if organisation_id is not KEEP and organisation_id != _organisation_id(session, user):
        _set_organisation(session, user, organisation_id)
        changed.append("organisation")
    if active is not None and active != user.active:
        if me:
            raise AccountError("You cannot close your own account.", "own_account")
        user.active = active
        if not active:
            revoke_sessions(session, user)
            account_links.end_links(session, user)
        changed.append("active" if active else "closed")
    for what in changed:
        log_change(session, actor, f"accounts.{what} #{user.id}", person_of(session, user))
    session.flush()
    return changed


def _organisation_id(session: Session, user: User) -> int | None:
    person = person_of(session, user) if user.role == Role.CANDIDATE else None
    return person.organisation_id if person is not None else user.organisation_id


def _set_organisation(session: Session, user: User, organisation_id: int | None) -> None:
    if organisation_id is not None and session.get(Organisation, organisation_id) is None:
        raise AccountError("There is no such organisation.", "no_such_organisation")
    person = person_of(session, user) if user.role == Role.CANDIDATE else None
    if person is not None:
        person.organisation_id = organisation_id
    else:
        user.organisation_id = organisation_id


def issue_account_link(session: Session, actor: object, user: User, *,
                       lifetime_days: int = 14) -> account_links.IssuedLink:
    """A new one-time link for any account: an invitation while no password is set, else a
    password reset. Ends the account's earlier links. Flushes, never commits."""
    policy.require(session, actor, Action.ACCOUNTS)
    if not user.active:
        raise AccountError("The account is closed. Open it first.", "closed")
    link = account_links.issue(session, user, _purpose(user), by=_user_or_none(actor),
                               lifetime=_lifetime(user, lifetime_days))
    log_change(session, actor, f"accounts.link #{user.id}", person_of(session, user))
    return link


def _purpose(user: User) -> account_links.LinkPurpose:
    return (account_links.LinkPurpose.RESET if accounts.has_password(user)
            else account_links.LinkPurpose.INVITATION)


def _lifetime(user: User, invitation_days: int) -> timedelta:
    return (account_links.RESET_LIFETIME if accounts.has_password(user)
            else timedelta(days=invitation_days))


def _user_or_none(actor: object) -> User | None:
    return actor if isinstance(actor, User) else None


def create_organisation(session: Session, actor: object, name: str) -> Organisation:
    """A new organisation (a programme, an agency). Flushes, never commits."""
    policy.require(session, actor, Action.ACCOUNTS)
    name = _organisation_name(session, name)
    organisation = Organisation(name=name)
    session.add(organisation)
    session.flush()
    log_change(session, actor, f"organisations.create #{organisation.id}")
    return organisation


def change_organisation(session: Session, actor: object, organisation: Organisation, *,
                        name: str | None = None, self_registration: bool | None = None,
                        ) -> list[str]:
    """Rename an organisation or turn self-registration on or off. Flushes, never commits."""
    policy.require(session, actor, Action.ACCOUNTS)
    changed = []
    if name is not None and " ".join(name.split()) != organisation.name:
        organisation.name = _organisation_name(session, name)
        changed.append("rename")
    if self_registration is not None and self_registration != organisation.self_registration:
        organisation.self_registration = self_registration
        changed.append("registration_on" if self_registration else "registration_off")
    for what in changed:
        log_change(session, actor, f"organisations.{what} #{organisation.id}")
    session.flush()
    return changed


def _organisation_name(session: Session, name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise AccountError("The organisation needs a name of 1 to 200 characters.",
                           "organisation_name")
    if session.scalar(sa.select(Organisation.id).where(Organisation.name == name)) is not None:
        raise AccountError(f"There is already an organisation called {name}.",
                           "organisation_exists")
    return name


def choose_item_bank(session: Session, actor: object, version: str | None, *,
                     catalogue: Catalogue) -> StoredItemBank:
    """Put a stored item bank in use (None: the authors' priors of ``catalogue``), as
    ``kodprov irt use``. ItemBankError for an unknown version. Flushes, never commits."""
    policy.require(session, actor, Action.ITEM_BANKS)
    stored = (item_banks.activate_priors(session, catalogue=catalogue) if version is None
              else item_banks.activate(session, version))
    log_change(session, actor, f"item_banks.use {stored.version}"[:100])
    return stored
