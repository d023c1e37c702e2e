"""Names and filters that every template can use."""

from __future__ import annotations

from flask import Flask
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from web.navigation import home_for

ROLE_NAMES = {
    "candidate": _l("Candidate"),
    "facilitator": _l("Coach"),
    "caseworker": _l("Caseworker"),
    "admin": _l("Administrator"),
}


OUTCOME_NAMES = {
    "programmer": _l("Likely programmer"),
    "superuser": _l("Likely superuser"),
    "unclear": _l("Unclear"),
}


def outcome_name(outcome: str) -> str:
    """The translated name of a screening outcome."""
    return str(OUTCOME_NAMES.get(outcome, outcome))


def role_name(role: str) -> str:
    """The translated name of a role."""
    return str(ROLE_NAMES.get(role, role))


def init_app(app: Flask) -> None:
    """Register template globals and filters."""
    app.add_template_global(home_for, "home_url")
    app.add_template_global(role_name)
    app.add_template_global(outcome_name)
    app.add_template_filter(format_date)
