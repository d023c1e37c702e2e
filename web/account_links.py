"""Showing, printing and e-mailing one-time account links, and the words for account errors.

The code of a link exists only in the response that made it (the database keeps its hash):
``render_link`` shows it at once, as text, as a QR code and as a printable letter.
"""

from __future__ import annotations

import logging

import segno
from flask import current_app, flash, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from assessor.infra import mail
from assessor.services.account_links import LINK_PATH, IssuedLink
from assessor.services.accounts import AccountError
from assessor.services.invitations import may_email
from web import database

log = logging.getLogger(__name__)

#: what each ``AccountError.code`` means, in the user's language
ACCOUNT_ERRORS = {
    "role_unknown": _l("Choose a role from the list."),
    "bad_email": _l("That does not look like an email address."),
    "bad_name": _l("Write a name of at most 200 characters."),
    "password_short": _l("The password must be at least 8 characters."),
    "password_long": _l("The password may be at most 1000 characters."),
    "email_taken": _l("There is already an account with that email address."),
    "organisation_name": _l("Write a name of at most 200 characters."),
    "organisation_exists": _l("There is already an organisation with that name."),
    "no_such_organisation": _l("Choose an organisation from the list."),
    "own_role": _l("You cannot change your own role."),
    "own_account": _l("You cannot close your own account."),
    "role_change": _l("A candidate's account stays a candidate's, and staff stay staff."),
    "closed": _l("The account is closed. An administrator can open it again."),
    "coach_only": _l("Only a coach invites people into their programme."),
    "need_email": _l("Write the person's email address: it is their login."),
    "has_password": _l("The person has a password already. Make a new-password link instead."),
    "no_password": _l("The person has no password yet. Make an invitation instead."),
    "wrong_password": _l("Your current password is wrong."),
    "not_open": _l("That programme does not take registrations. Ask your coach."),
}


def account_error_text(error: AccountError) -> str:
    """The problem, in the user's language."""
    return str(ACCOUNT_ERRORS.get(error.code, _l("That did not work. Check the form.")))


def link_url(code: str) -> str:
    """The full address of a link: the configured site address, never the request's Host
    header (a forged Host would otherwise send people's links elsewhere)."""
    base = current_app.config["KODPROV_SETTINGS"].base_url or request.url_root.rstrip("/")
    return f"{base}{LINK_PATH}{code}"


def qr_data_uri(url: str) -> str:
    """The address as a QR code (SVG in a data: URI, which the page policy allows)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def render_link(link: IssuedLink, *, back: str, emailed: bool = False):
    """The page with a fresh link: the address, a QR code and a letter to print."""
    url = link_url(link.code)
    return render_template("accounts/link.html", link=link, url=url, qr=qr_data_uri(url),
                           back=back, emailed=emailed)


def mailer():
    """The mailer this app uses, or None when e-mail cannot be sent."""
    return mail.mailer_for(current_app.config["KODPROV_SETTINGS"], database.session())


def send_link(link: IssuedLink) -> bool:
    """E-mail the link to the account's address, in the person's language; True when it was
    handed over. Never for a protected identity. The link is committed first
    (``Early.LINK_BEFORE_MAIL``); the development outbox keeps the message in the request's
    transaction."""
    sender = mailer()
    if sender is None or not may_email(database.session(), link.user):
        return False
    database.commit_now(database.Early.LINK_BEFORE_MAIL)
    template = "mail/invitation.txt" if link.purpose == "invitation" else "mail/reset.txt"
    with force_locale(link.user.locale):
        subject = (_("Your invitation to Kodprov") if link.purpose == "invitation"
                   else _("A new password for Kodprov"))
        body = render_template(template, link=link, url=link_url(link.code))
    try:
        sender.send(mail.Mail(to=link.user.email, subject=subject, body=body))
    except mail.MailError as error:
        log.error("could not e-mail a %s link to account %s: %s", link.purpose, link.user.id,
                  error)
        return False
    return True


def deliver(link, delivery: str, back: str):
    """The page with the fresh link (``back`` leads on from it); e-mailed too when asked
    and allowed."""
    emailed = False
    if delivery == "email":
        if mailer() is None:
            flash(_("Kodprov sends no email here. Give the link on screen or print the "
                    "letter."), "info")
        elif not may_email(database.session(), link.user):
            flash(_("The link was not emailed: this person gets links only on paper or on "
                    "screen. Print the letter."), "info")
        elif not (emailed := send_link(link)):
            flash(_("The email could not be sent. Give the link on screen or print the "
                    "letter."), "error")
    return render_link(link, back=back, emailed=emailed)
