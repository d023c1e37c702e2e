"""Login sessions: start one at login, find it on each request, end it at logout.

The token lives only in the person's cookies; the database keeps its SHA-256. A request is
logged in only while its session row is unrevoked and unexpired, so logging out (here or
everywhere) ends every copy of the cookies at once.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.models import LoginSession, User

#: how long a login lasts at most, "stay logged in" or not (the cookies last as long)
SESSION_LIFETIME = timedelta(days=14)
#: "last seen" is written at most this often, so reading pages does not mean writing rows
TOUCH_INTERVAL = timedelta(minutes=5)
#: ended sessions are kept this long for the person's own list, then deleted
KEEP_ENDED = timedelta(days=30)

_BROWSERS = (("Edg", "Edge"), ("OPR", "Opera"), ("Firefox", "Firefox"),
             ("Chromium", "Chromium"), ("Chrome", "Chrome"), ("Safari", "Safari"))
_SYSTEMS = (("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iOS"), ("Windows", "Windows"),
            ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


def token_hash(token: str) -> str:
    """The stored form of a session token."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def start_session(session: Session, user: User, *, user_agent: str = "",
                  address: str | None = None, now: datetime | None = None) -> str:
    """Record a new login for ``user`` and return its token (for the cookies only).
    Also deletes the user's sessions that ended long ago. Flushes, never commits."""
    now = now or utcnow()
    _forget_old_sessions(session, user, now)
    token = secrets.token_urlsafe(32)
    browser, system = describe_user_agent(user_agent)
    session.add(LoginSession(
        user_id=user.id, token_hash=token_hash(token), created_at=now, last_seen_at=now,
        expires_at=now + SESSION_LIFETIME, browser=browser, system=system,
        network=network_of(address)))
    session.flush()
    user.login_token = token
    return token


def active_session(session: Session, token: str,
                   now: datetime | None = None) -> LoginSession | None:
    """The unrevoked, unexpired session with this token, or None."""
    found = _active(session, token, now or utcnow())
    return found[0] if found is not None else None


def _active(session: Session, token: str, now: datetime) -> tuple[LoginSession, User] | None:
    """The active session with this token and its user, in one query (every page asks)."""
    if not token or len(token) > 100:
        return None
    found = session.execute(sa.select(LoginSession, User).join(
        User, User.id == LoginSession.user_id).where(
        LoginSession.token_hash == token_hash(token))).first()
    if found is None or found[0].revoked_at is not None or as_utc(found[0].expires_at) <= now:
        return None
    return found[0], found[1]


def resume_session(session: Session, token: str, now: datetime | None = None) -> User | None:
    """The active user logged in by ``token``, or None (revoked, expired, unknown, inactive).
    Notes "last seen" at most once per ``TOUCH_INTERVAL``. Never flushes or commits."""
    now = now or utcnow()
    found = _active(session, token, now)
    if found is None or not found[1].active:
        return None
    row, user = found
    if as_utc(row.last_seen_at) < now - TOUCH_INTERVAL:
        row.last_seen_at = now
    user.login_token = token
    return user


def revoke_session(session: Session, token: str) -> None:
    """End the session with this token (logging out on one browser). Flushes."""
    session.execute(sa.update(LoginSession)
                    .where(LoginSession.token_hash == token_hash(token),
                           LoginSession.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))
    session.flush()


def revoke_sessions(session: Session, user: User, except_current: str | None = None) -> int:
    """End every session of ``user`` but the one with token ``except_current`` (keep it when a
    person changes their own password; pass None to log out everywhere). Returns how many
    ended. Flushes, never commits."""
    query = sa.update(LoginSession).where(LoginSession.user_id == user.id,
                                          LoginSession.revoked_at.is_(None))
    if except_current is not None:
        query = query.where(LoginSession.token_hash != token_hash(except_current))
    ended = session.execute(query.values(revoked_at=utcnow())).rowcount
    session.flush()
    return ended


def active_sessions(session: Session, user: User,
                    now: datetime | None = None) -> list[LoginSession]:
    """The user's sessions that still let someone in, most recently used first."""
    return list(session.scalars(
        sa.select(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.revoked_at.is_(None),
               LoginSession.expires_at > (now or utcnow()))
        .order_by(LoginSession.last_seen_at.desc(), LoginSession.id.desc())))


def _forget_old_sessions(session: Session, user: User, now: datetime) -> None:
    ended_long_ago = sa.or_(LoginSession.revoked_at < now - KEEP_ENDED,
                            LoginSession.expires_at < now - KEEP_ENDED)
    session.execute(sa.delete(LoginSession).where(LoginSession.user_id == user.id,
                                                  ended_long_ago))


def describe_user_agent(user_agent: str) -> tuple[str, str]:
    """A short browser and system name from a User-Agent header ("" when unknown)."""
    user_agent = user_agent[:500]
    browser = next((name for key, name in _BROWSERS if key in user_agent), "")
    system = next((name for key, name in _SYSTEMS if key in user_agent), "")
    return browser, system


def network_of(address: str | None) -> str:
    """The network an address belongs to (IPv4 /24, IPv6 /48), never the address itself."""
    try:
        ip = ipaddress.ip_address(re.sub(r"%.*$", "", address or ""))
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
