"""Accounts: argon2id password hashes, creating users, checking a login."""

from __future__ import annotations

import functools
import logging
import os
import secrets
import threading

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from assessor.models import Organisation, Person, Role, User

log = logging.getLogger(__name__)
#: argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 70 ms of
#: one core per check. The library's default (64 MiB, 3 passes, 4 lanes) took four cores for
#: about half a second, so four parallel logins stalled every other page (bench/login.py).
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Password checks running at once in this process: argon2 releases the GIL, so without a
#: bound a burst of logins would take every core from the pages other people are reading.
_hash_slots = threading.BoundedSemaphore(max(1, (os.cpu_count() or 2) // 2))

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1000
#: the password hash of an account whose person has not set a password yet (an invitation):
#: no password matches it, since it is no argon2 hash
NO_PASSWORD = "!no-password-yet"


class AccountError(ValueError):
    """A user-facing problem with account data. The message (English) is for the command
    line; ``code`` names the problem for the web pages, which say it in the user's language."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    with _hash_slots:
        return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches the stored hash."""
    try:
        with _hash_slots:
            return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _unknown_user_hash() -> str:
    """A hash no password matches, checked for unknown emails so timing reveals nothing."""
    return hash_password(secrets.token_urlsafe(32))


def check_password(password: str) -> None:
    """AccountError unless ``password`` is long enough (and not absurdly long)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters.",
                           "password_short")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"The password may be at most {MAX_PASSWORD_LENGTH} characters.",
                           "password_long")


def has_password(user: User) -> bool:
    """Whether the account's person has set a password (an invited one has not yet)."""
    return user.password_hash != NO_PASSWORD


def find_user(session: Session, email: str) -> User | None:
    """The user with this email (case-insensitive), or None."""
    return session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def create_user(
    session: Session, *, email: str, name: str, role: str, password: str | None,
    locale: str = "sv", person: Person | None = None,
) -> User:
    """Create an account; a candidate also gets their Person record (``person``, when staff
    already added them). ``password=None``: the person sets one through an invitation link.
    Flushes, never commits."""
    email = email.strip().lower()
    if role not in {r.value for r in Role}:
        raise AccountError(f"Unknown role {role!r}; choose one of: {', '.join(Role)}.",
                           "role_unknown")
    if "@" not in email or len(email) > 254:
        raise AccountError(f"{email!r} is not an email address.", "bad_email")
    if not name.strip() or len(name.strip()) > 200:
        raise AccountError("The name must be 1 to 200 characters.", "bad_name")
    if password is not None:
        check_password(password)
    if find_user(session, email) is not None:
        raise AccountError(f"There is already an account for {email}.", "email_taken")
    user = User(email=email, name=name.strip(), role=role, locale=locale,
                password_hash=NO_PASSWORD if password is None else hash_password(password))
    session.add(user)
    session.flush()
    if role == Role.CANDIDATE and person is not None:
        person.user_id = user.id
    elif role == Role.CANDIDATE:
        session.add(Person(name=user.name, user_id=user.id, created_by_id=user.id))
    session.flush()
    log.info("created %s account %s", role, email)
    return user


def join_organisation(session: Session, user: User, name: str) -> Organisation:
    """Put an account in the named organisation, creating it when it is new: staff work for
    it; a candidate takes part in its programme (its coaches reach them, see
    ``assessor.services.policy``). Flushes, never commits."""
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise AccountError("The organisation needs a name of 1 to 200 characters.",
                           "organisation_name")
    organisation = session.scalar(sa.select(Organisation).where(Organisation.name == name))
    if organisation is None:
        organisation = Organisation(name=name)
        session.add(organisation)
        session.flush()
        log.info("created organisation %s", name)
    if user.role == Role.CANDIDATE:
        person = session.scalar(sa.select(Person).where(Person.user_id == user.id))
        person.organisation_id = organisation.id
    else:
        user.organisation_id = organisation.id
    session.flush()
    return organisation


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None. Rehashes outdated hashes."""
    user = find_user(session, email)
    if user is None:
        password_matches(_unknown_user_hash(), password)  # as slow as a wrong password
        return None
    if not user.active or not password_matches(user.password_hash, password):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user
