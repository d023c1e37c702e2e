"""A coach helps a person of the programme fill in "så här fungerar jag" (recorded)."""

from __future__ import annotations

from flask import request, url_for

from assessor.services.policy import Action
from web.access import allow, person_or_404
from web.matching import bp
from web.profiles.routes import edit_page


@bp.route("/person/<public_id>/profil", methods=["GET", "POST"])
def help_profile(public_id: str):
    """The person's profile, edited by the coach on their behalf; the person sees who."""
    person = person_or_404(public_id)
    allow(Action.PROFILE_EDIT if request.method == "POST" else Action.PROFILE_VIEW, person)
    return edit_page(person, url_for(".help_profile", public_id=public_id), None)
