"""E-mail about the calendar through the app's mailer (``assessor.infra.mail``): the
confirmation of a sign-up with its withdrawal link, and the notice that an evening is
cancelled. Over SMTP a message leaves after the request's transaction is committed; the
development outbox keeps it in that transaction."""

from __future__ import annotations

import logging

from flask import current_app, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from assessor.infra import mail
from assessor.services.calendar import SignUp
from web import database
from web.account_links import mailer

log = logging.getLogger(__name__)


def can_send() -> bool:
    """Whether this app sends e-mail at all (without it, nobody can be told or withdraw)."""
    return mailer() is not None


def _site() -> str:
    """The configured site address (never the request's Host header), as the links use."""
    return current_app.config["KODPROV_SETTINGS"].base_url or request.url_root.rstrip("/")


def _send(messages: list[mail.Mail]) -> None:
    sender = mailer()
    if sender is None or not messages:
        return
    if mail.uses_outbox(current_app.config["KODPROV_SETTINGS"]):
        for message in messages:
            sender.send(message)
        return

    def deliver() -> None:
        for message in messages:
            try:
                sender.send(message)
            except mail.MailError as error:
                log.error("could not e-mail a calendar message: %s", error)

    database.after_commit(deliver)


def send_confirmation(signed_up: SignUp) -> None:
    """The mail after signing up: what it means, and the link to withdraw."""
    url = _site() + url_for("calendar.withdraw", code=signed_up.code)
    with force_locale(signed_up.locale):
        subject = _("You signed up for a Mini Hackathon evening")
        body = render_template("mail/calendar_signed_up.txt", sign_up=signed_up, url=url)
    _send([mail.Mail(to=signed_up.email, subject=subject, body=body)])


def send_cancellations(told: list[SignUp]) -> None:
    """One mail to each person who signed up for an evening that is now cancelled."""
    messages = []
    for signed_up in told:
        with force_locale(signed_up.locale):
            subject = _("The Mini Hackathon evening is cancelled")
            body = render_template("mail/calendar_cancelled.txt", sign_up=signed_up,
                                   url=_site() + url_for("calendar.index"))
        messages.append(mail.Mail(to=signed_up.email, subject=subject, body=body))
    _send(messages)
