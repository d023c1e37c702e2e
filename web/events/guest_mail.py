"""A guest's claim link by e-mail: the guest gives an address (optional), and the link is sent
through the app's mailer (SMTP, or the development outbox). The address is never shown to
staff; it goes when the results are claimed or the guest is deleted."""

from __future__ import annotations

import logging

from flask import flash, redirect, render_template, url_for
from flask import session as flask_session
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.infra import mail
from assessor.services import events
from web import database
from web.account_links import mailer
from web.events import participant_bp as bp
from web.events.forms import ClaimMailForm
from web.events.taking_part import own_place
from web.events.words import ERRORS
from web.guest_retention import guest_days

log = logging.getLogger(__name__)


@bp.route("/<int:event_id>/lank", methods=["POST"])
def email_claim_link(event_id: int):
    """Send the guest's personal claim link to the address they typed."""
    event, place = own_place(event_id)
    form = ClaimMailForm()
    if not place.guest or not form.validate_on_submit():
        flash(str(ERRORS["not_guest" if not place.guest else "bad_email"]), "error")
        return redirect(url_for(".evening", event_id=event_id))
    sender = mailer()
    if sender is None:
        flash(str(ERRORS["no_mail"]), "error")
        return redirect(url_for(".evening", event_id=event_id))
    try:
        token = events.new_claim_link(database.session(), place, form.email.data,
                                      by=current_user)
    except events.EventError as error:
        database.discard()
        flash(str(ERRORS[error.code]), "error")
        return redirect(url_for(".evening", event_id=event_id))
    url = url_for(".claim", token=token, _external=True)
    flask_session["claim_link"] = url
    database.commit_now(database.Early.LINK_BEFORE_MAIL)  # the link works when the mail comes
    if _send(sender, place.claim_email, event.name, url):
        flash(_("We sent your link to %(email)s.", email=place.claim_email), "success")
    else:
        flash(_("The email could not be sent. Copy the link from this page instead."), "error")
    return redirect(url_for(".evening", event_id=event_id))


def _send(sender: mail.Mailer, to: str, evening: str, url: str) -> bool:
    """Hand the message over in the guest's language; False when it could not be."""
    with force_locale(current_user.locale):
        subject = _("Your results from %(evening)s", evening=evening)
        body = render_template("mail/claim_link.txt", name=current_user.name, url=url,
                               evening=evening, days=guest_days())
    try:
        sender.send(mail.Mail(to=to, subject=subject, body=body))
    except mail.MailError as error:
        log.error("could not e-mail a guest's claim link (account %s): %s", current_user.id,
                  error)
        return False
    return True
