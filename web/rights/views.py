"""What the rights pages of the person and of staff do alike."""

from __future__ import annotations

from flask import flash
from flask_login import current_user

from assessor.models import Person
from assessor.services.rights import requests
from web import database
from web.rights.forms import RightsRequestForm


def take_request(form: RightsRequestForm, person: Person, done: str) -> bool:
    """Record the request a sent, valid ``form`` asks for (the policy decides; logged) and
    flash ``done``; False when no valid form was sent."""
    if not form.validate_on_submit():
        return False
    session = database.session()
    requests.ask(session, current_user, person, form.kind.data)
    flash(done, "success")
    return True
