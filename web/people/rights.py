"""Staff on a person's behalf: ask for erasure or restriction, and set or lift the protected
identity. Each asks the access policy; each change is logged."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.services import policy
from assessor.services.identity import set_protected
from assessor.services.policy import Action
from assessor.services.rights import requests
from web import database
from web.access import allow, person_or_404
from web.people import bp
from web.rights.forms import ProtectForm, RightsRequestForm
from web.rights.views import take_request


@bp.route("/<public_id>/integritet", methods=["GET", "POST"])
def privacy(public_id: str):
    """The person's requests, a request on their behalf, and their protected identity."""
    person = person_or_404(public_id)
    allow(Action.RIGHTS_REQUEST, person)
    session = database.session()
    form = RightsRequestForm()
    if take_request(form, person, _("The request is received. An administrator carries it "
                                    "out within a month.")):
        return redirect(url_for(".privacy", public_id=public_id))
    may_protect = policy.check(session, current_user, Action.PROTECT, person).allowed
    protect = ProtectForm(prefix="protect", data={"protected": person.protected_identity})
    return render_template("people/privacy.html", person=person, form=form, protect=protect,
                           may_protect=may_protect,
                           requests=requests.requests_of(session, person))


@bp.route("/<public_id>/skyddad", methods=["POST"])
def protect(public_id: str):
    """Set or lift the person's protected identity (a coach or admin of their programme)."""
    person = person_or_404(public_id)
    allow(Action.PROTECT, person)
    form = ProtectForm(prefix="protect")
    if form.validate_on_submit():
        session = database.session()
        set_protected(session, current_user, person, bool(form.protected.data))
        flash(_("Saved."), "success")
    return redirect(url_for(".privacy", public_id=public_id))
