"""Names on staff pages: the person's name where the policy lets the viewer see it, else a
neutral marker (protected identity; see ``assessor.services.identity``)."""

from __future__ import annotations

from collections.abc import Container

from flask import Flask
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import Lead, Person
from assessor.services.identity import shown_name
from assessor.services.intake.lead_privacy import shown_lead_name
from assessor.services.policy import Action
from web import database


def person_name(person: Person, may: Container[Action] | None = None) -> str:
    """The name, or "Protected identity". ``may``: what the viewer may do about the person,
    when a list already knows it (saves a query per row)."""
    if may is not None:
        return person.name if Action.CONTACT_VIEW in may else protected_marker()
    name = shown_name(database.session(), current_user, person)
    return name if name is not None else protected_marker()


def lead_name(lead: Lead) -> str | None:
    """A lead's name as the policy lets the viewer see it; None when hidden (show the code
    name and the marker): the lead's protected identity, or the person's it became."""
    return shown_lead_name(database.session(), current_user, lead)


def protected_marker() -> str:
    """What staff see instead of a protected person's name."""
    return _("Protected identity")


def init_app(app: Flask) -> None:
    """Make ``person_name``, ``lead_name`` and ``protected_marker`` available to every
    template."""
    app.add_template_global(person_name)
    app.add_template_global(lead_name)
    app.add_template_global(protected_marker)
