"""A "this computer has logged in to this account before" cookie, for the per-account limit.

Counting wrong passwords per account stops guessing, but lets anyone lock a person out by
typing wrong passwords for their email. So a browser that has logged in to an account before
carries a signed cookie naming (a keyed hash of) that account, and its attempts are counted
on its own: flooding the account slows down new computers only, never the person's own.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import Response, current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "kodprov_device"
MAX_AGE = 180 * 24 * 3600  #: half a year: a person who comes back within it stays trusted
_SALT = "kodprov-trusted-device"


def account_tag(email: str) -> str:
    """A keyed hash of an email as typed at login: counts per account without storing it."""
    key = current_app.secret_key.encode() if isinstance(current_app.secret_key, str) \
        else current_app.secret_key
    normalised = (email or "").strip().lower()[:254]
    return hmac.new(key, b"login-account:" + normalised.encode(), hashlib.sha256).hexdigest()[:32]


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt=_SALT)


def remember_device(response: Response, email: str) -> None:
    """Mark this browser as one that logged in to ``email``'s account (after a right password)."""
    value = _serializer().dumps({"a": account_tag(email), "d": secrets.token_urlsafe(12)})
    response.set_cookie(COOKIE, value, max_age=MAX_AGE, httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))


def device_for(email: str) -> str | None:
    """This browser's own id when it has logged in to ``email``'s account before, else None."""
    raw = request.cookies.get(COOKIE, "")
    if not raw or len(raw) > 300:
        return None
    try:
        payload = _serializer().loads(raw)
    except BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("a") != account_tag(email):
        return None
    device = payload.get("d")
    return device if isinstance(device, str) else None
