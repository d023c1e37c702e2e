"""A guest's personal claim link sent to an address of their choosing (optional). The address
is kept on the guest's place only until the results are claimed (``joining.claim_guest``
empties it) or the guest is deleted with it; staff never see it."""

from __future__ import annotations

import secrets

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import Session

from assessor.models import Participant, User
from assessor.services import policy
from assessor.services.events.errors import EventError
from assessor.services.events.joining import token_hash

MAX_EMAIL = 254


def checked_address(typed: str) -> str:
    """The address as it will be used, or EventError ``bad_email``."""
    text = str(typed or "").strip()
    if not text or len(text) > MAX_EMAIL:
        raise EventError("bad_email")
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise EventError("bad_email") from None


def new_claim_link(session: Session, place: Participant, email: str, *, by: User) -> str:
    """Keep the guest's address and give the place a fresh claim token (returned; only its
    hash is kept). The earlier link stops working: the page shows the new one, and the mail
    carries the same. EventError ``bad_email`` (nothing changed) or ``not_guest``. Flushes."""
    policy.require(session, by, policy.Action.EVENT_TAKE_PART, place.person)
    if not place.guest or place.claim_token_hash is None:
        raise EventError("not_guest")
    place.claim_email = checked_address(email)
    token = secrets.token_urlsafe(24)
    place.claim_token_hash = token_hash(token)
    session.flush()
    return token
