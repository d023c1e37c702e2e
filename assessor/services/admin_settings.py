"""Numbers the admin sets in the browser, each bounded, stored in ``admin_setting`` and
falling back to the environment's value while none is set. Today: how many days an unclaimed
guest of a Mini Hackathon evening is kept (``KODPROV_GUEST_DAYS`` is the default)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.models import AdminSetting
from assessor.services import policy
from assessor.services.account_service import log_change
from assessor.services.policy import Action

GUEST_DAYS = "guest_days"


@dataclass(frozen=True)
class Bounds:
    """The whole numbers a setting may take."""

    lowest: int
    highest: int

    def allows(self, value: object) -> bool:
        """Whether ``value`` is a whole number within the bounds."""
        return (isinstance(value, int) and not isinstance(value, bool)
                and self.lowest <= value <= self.highest)


#: every setting an admin may change, with its bounds
SETTINGS = {GUEST_DAYS: Bounds(1, 365)}


class SettingError(ValueError):
    """A value the setting cannot take; nothing was changed."""


def setting(session: Session, name: str, default: int) -> int:
    """The setting's stored value, or ``default`` (the environment's) while none is set."""
    stored = session.get(AdminSetting, name)
    return stored.value if stored is not None else default


def guest_days(session: Session, default: int) -> int:
    """How many days after their evening an unclaimed guest is kept."""
    return setting(session, GUEST_DAYS, default)


def change_setting(session: Session, actor: object, name: str, value: int) -> None:
    """Store a new value (admins only; AccessDeniedError otherwise), logged as a change like
    the admin's other changes. SettingError for an unknown setting or a value out of its
    bounds (nothing written). Flushes."""
    policy.require(session, actor, Action.ACCOUNTS)
    bounds = SETTINGS.get(name)
    if bounds is None or not bounds.allows(value):
        raise SettingError(name)
    stored = session.get(AdminSetting, name) or AdminSetting(name=name)
    stored.value, stored.changed_at = value, utcnow()
    stored.changed_by_id = policy.Actor.of(actor).id
    session.add(stored)
    log_change(session, actor, f"settings.{name} = {value}")
    session.flush()
