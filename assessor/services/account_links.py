"""One-time links that set an account's password: invitations and password resets.

The code in a link is 25 letters and digits from an alphabet without look-alikes (125 bits),
written in groups of five so that it can be typed from a printed letter. The database keeps
only its SHA-256. A link works once, until it expires, and only while it is the account's
newest: making a new link, setting the password or closing the account ends the old ones.
Who may make a link for whom is the access policy's (``account_service``).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.models import AccountLink, LinkPurpose, User
from assessor.services import accounts
from assessor.services.sessions import revoke_sessions

#: where a link opens (the web app's route; the command line prints links too)
LINK_PATH = "/konto/lank/"
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH, GROUP = 25, 5
#: a reset link is for now, not for a letter that lies in a drawer
RESET_LIFETIME = timedelta(days=2)
DEFAULT_INVITATION_LIFETIME = timedelta(days=14)


class LinkState(enum.StrEnum):
    """What a link is good for when someone opens it."""

    OK = "ok"
    UNKNOWN = "unknown"  #: no such link (mistyped, or never made)
    EXPIRED = "expired"
    USED = "used"
    REPLACED = "replaced"  #: a newer link was made, or the password changed since
    CLOSED = "closed"  #: the account is closed


@dataclass(frozen=True)
class IssuedLink:
    """A link just made: its code exists only here (show, print or send it, then forget it)."""

    code: str
    purpose: LinkPurpose
    expires_at: datetime
    user: User


def new_code() -> str:
    """A fresh code in groups: ``ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2``."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(chars[i:i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalised(code: str) -> str | None:
    """The code as stored (capitals, no dashes or spaces), or None when it cannot be one."""
    plain = "".join(ch for ch in code[:100].upper() if ch not in "- ")
    if len(plain) != CODE_LENGTH or any(ch not in ALPHABET for ch in plain):
        return None
    return plain


def code_hash(plain: str) -> str:
    """The stored form of a (normalised) code."""
    return hashlib.sha256(plain.encode("ascii")).hexdigest()


def issue(session: Session, user: User, purpose: LinkPurpose, *, by: User | None = None,
          lifetime: timedelta | None = None, now: datetime | None = None) -> IssuedLink:
    """Make a new link for ``user`` and end every earlier one. The caller has asked the
    policy. Flushes, never commits."""
    now = now or utcnow()
    lifetime = lifetime or (RESET_LIFETIME if purpose == LinkPurpose.RESET
                            else DEFAULT_INVITATION_LIFETIME)
    end_links(session, user, now)
    code = new_code()
    link = AccountLink(user_id=user.id, purpose=purpose.value,
                       token_hash=code_hash(normalised(code)), created_at=now,
                       expires_at=now + lifetime, created_by_id=by.id if by else None)
    session.add(link)
    session.flush()
    return IssuedLink(code, purpose, link.expires_at, user)


def end_links(session: Session, user: User, now: datetime | None = None) -> int:
    """End every link of ``user`` that could still be used. Flushes; returns how many."""
    ended = session.execute(
        sa.update(AccountLink)
        .where(AccountLink.user_id == user.id, AccountLink.used_at.is_(None),
               AccountLink.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())).rowcount
    session.flush()
    return ended


def find(session: Session, code: str) -> AccountLink | None:
    """The link with this code, whatever its state, or None."""
    plain = normalised(code)
    if plain is None:
        return None
    wanted = code_hash(plain)
    link = session.scalar(sa.select(AccountLink).where(AccountLink.token_hash == wanted))
    # the lookup is by an index; comparing the hashes in constant time as well costs nothing
    if link is None or not hmac.compare_digest(link.token_hash, wanted):
        return None
    return link


def state_of(link: AccountLink | None, now: datetime | None = None) -> LinkState:
    """What the link is good for now."""
    if link is None:
        return LinkState.UNKNOWN
    if link.used_at is not None:
        return LinkState.USED
    if link.revoked_at is not None:
        return LinkState.REPLACED
    if not link.user.active:
        return LinkState.CLOSED
    if as_utc(link.expires_at) <= (now or utcnow()):
        return LinkState.EXPIRED
    return LinkState.OK


class LinkError(ValueError):
    """The link cannot set a password; ``state`` says why."""

    def __init__(self, state: LinkState) -> None:
        super().__init__(state.value)
        self.state = state


def use(session: Session, code: str, password: str, now: datetime | None = None) -> User:
    """Set the account's password through the link, once: the link and every other one of
    the account stop working, and every login of the account ends. Flushes, never commits.
    LinkError when the link cannot be used; AccountError when the password is too short."""
    now = now or utcnow()
    link = find(session, code)
    state = state_of(link, now)
    if state != LinkState.OK:
        raise LinkError(state)
    accounts.check_password(password)
    # One statement decides who used it first: two requests at once cannot both get through.
    claimed = session.execute(
        sa.update(AccountLink)
        .where(AccountLink.id == link.id, AccountLink.used_at.is_(None),
               AccountLink.revoked_at.is_(None))
        .values(used_at=now)).rowcount
    if claimed != 1:
        raise LinkError(LinkState.USED)
    user = link.user
    user.password_hash = accounts.hash_password(password)
    end_links(session, user, now)
    revoke_sessions(session, user, except_current=None)
    return user


def open_link(session: Session, user: User, now: datetime | None = None) -> AccountLink | None:
    """The account's link that still works, if any (for staff pages: "invited until …")."""
    link = session.scalar(
        sa.select(AccountLink)
        .where(AccountLink.user_id == user.id, AccountLink.used_at.is_(None),
               AccountLink.revoked_at.is_(None))
        .order_by(AccountLink.id.desc()).limit(1))
    return link if link is not None and state_of(link, now) == LinkState.OK else None
