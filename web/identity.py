"""Names on staff pages: the person's name where the policy lets the viewer see it, else a
neutral marker (protected identity; see ``assessor.services.identity``)."""

from __future__ import annotations

from collections.abc import Container

from flask import Flask
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import Person
from assessor.services.identity import shown_name
from assessor.services.policy import Action
from web import database


def person_name(person: Person, may: Container[Action] | None = None) -> str:
    """The name, or "Protected identity". ``may``: what the viewer may do about the person,
    when a list already knows it (saves a query per row)."""
    if may is not None:
        return person.name if Action.CONTACT_VIEW in may else protected_marker()
    name = shown_name(database.session(), current_user, person)
    return name if name is not None else protected_marker()


def protected_marker() -> str:
    """What staff see instead of a protected person's name."""
    return _("Protected identity")


def init_app(app: Flask) -> None:
    """Make ``person_name`` and ``protected_marker`` available to every template."""
    app.add_template_global(person_name)
    app.add_template_global(protected_marker)
