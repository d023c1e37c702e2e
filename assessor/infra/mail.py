"""Sending e-mail: a small port with an SMTP adapter and a development outbox.

``mailer_for`` picks one: SMTP when ``KODPROV_SMTP_URL`` is set; outside production without it,
the outbox (a table the admin's outbox page lists); in production without it, none (the pages
then offer no e-mail). SMTP hands a message over after the transaction that made it has
committed; the outbox keeps it in that transaction.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import unquote, urlsplit

from sqlalchemy.orm import Session

from assessor.infra.settings import Settings
from assessor.models import OutboxMessage

log = logging.getLogger(__name__)
SMTP_TIMEOUT = 20  #: seconds; a stuck mail server must not hold a page for long


class MailError(RuntimeError):
    """The message could not be handed over (the text is safe to log, never to show)."""


@dataclass(frozen=True)
class Mail:
    """One plain-text message to one address."""

    to: str
    subject: str
    body: str


class Mailer(Protocol):
    """Hands a message over for delivery."""

    def send(self, mail: Mail) -> None: ...


class SmtpMailer:
    """Delivers through an SMTP server: ``smtp://`` (STARTTLS when offered; required unless
    the host is local) or ``smtps://`` (TLS from the start), with optional user:password."""

    def __init__(self, url: str, sender: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise MailError("KODPROV_SMTP_URL must look like smtp://user:password@host:587")
        self.parts, self.sender = parts, sender

    def send(self, mail: Mail) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, mail.to, mail.subject
        message.set_content(mail.body)
        try:
            with self._connect() as server:
                if self.parts.username:
                    server.login(unquote(self.parts.username), unquote(self.parts.password or ""))
                server.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"SMTP: {error.__class__.__name__}") from error

    def _connect(self) -> smtplib.SMTP:
        host, context = self.parts.hostname, ssl.create_default_context()
        if self.parts.scheme == "smtps":
            return smtplib.SMTP_SSL(host, self.parts.port or 465, timeout=SMTP_TIMEOUT,
                                    context=context)
        server = smtplib.SMTP(host, self.parts.port or 587, timeout=SMTP_TIMEOUT)
        server.ehlo()
        if server.has_extn("starttls"):
            server.starttls(context=context)
            server.ehlo()
        elif host not in ("localhost", "127.0.0.1", "::1"):
            server.close()
            raise MailError("the SMTP server offers no STARTTLS; use smtps:// or a local relay")
        return server


class OutboxMailer:
    """Keeps each message in the outbox table (development and tests only), in the session's
    transaction: the unit of work that made the message commits it, or drops it."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def send(self, mail: Mail) -> None:
        self.session.add(OutboxMessage(to_address=mail.to[:254], subject=mail.subject[:200],
                                       body=mail.body))
        self.session.flush()
        log.info("outbox: kept a message to %s (no KODPROV_SMTP_URL)", mail.to)


def mailer_for(settings: Settings, session: Session) -> Mailer | None:
    """The mailer these settings call for, or None when e-mail cannot be sent."""
    if settings.smtp_url:
        return SmtpMailer(settings.smtp_url, settings.mail_from)
    if settings.is_production:
        return None
    return OutboxMailer(session)


def uses_outbox(settings: Settings) -> bool:
    """Whether e-mail ends up in the development outbox instead of being sent."""
    return not settings.smtp_url and not settings.is_production
