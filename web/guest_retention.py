"""How long an unclaimed guest of an evening is kept, as this app says it: the admin's
setting (``/admin/installningar``), else ``KODPROV_GUEST_DAYS``. One home for the pages,
the privacy page's table and a person's export."""

from __future__ import annotations

from flask import current_app

from assessor.services import admin_settings
from assessor.services.rights.periods import Category, categories
from web import database


def env_guest_days() -> int:
    """The environment's value: the default while the admin has set none."""
    return current_app.config["KODPROV_SETTINGS"].guest_days


def guest_days() -> int:
    """The days an unclaimed guest is kept after their evening."""
    return admin_settings.guest_days(database.session(), env_guest_days())


def retention_categories() -> tuple[Category, ...]:
    """The retention periods, with the guests' as set now."""
    return categories(guest_days())
