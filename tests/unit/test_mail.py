"""E-mail: which way it goes, and what the SMTP adapter says to the server."""

from __future__ import annotations

import dataclasses

import pytest

from assessor.infra import mail
from assessor.infra.settings import ConfigurationError, Settings, check_production

STRONG_KEY = "x7Qp2mV9sL4tR8wZ1cF6hJ3kN5bD0gY" * 2


class FakeServer:
    """Stands in for smtplib.SMTP / SMTP_SSL and records what the adapter asked of it."""

    calls: list = []

    def __init__(self, host, port, timeout=None, context=None, starttls=True) -> None:
        FakeServer.calls.append(("connect", host, port))
        self.offers_starttls = starttls

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        FakeServer.calls.append(("quit",))

    def ehlo(self) -> None:
        pass

    def has_extn(self, name: str) -> bool:
        return name == "starttls" and self.offers_starttls

    def starttls(self, context=None) -> None:
        FakeServer.calls.append(("starttls",))

    def login(self, user: str, password: str) -> None:
        FakeServer.calls.append(("login", user, password))

    def send_message(self, message) -> None:
        FakeServer.calls.append(("send", message["To"], message["Subject"],
                                 message.get_content()))

    def close(self) -> None:
        FakeServer.calls.append(("close",))


@pytest.fixture
def fake_smtp(monkeypatch):
    FakeServer.calls = []
    monkeypatch.setattr(mail.smtplib, "SMTP", FakeServer)
    monkeypatch.setattr(mail.smtplib, "SMTP_SSL", FakeServer)
    return FakeServer.calls


def settings(**changes) -> Settings:
    base = Settings(environment="development", database_url="sqlite://", secret_key="x",
                    sandbox="auto", queue="inprocess", redis_url="",
                    allow_sqlite_in_production=True)
    return dataclasses.replace(base, **changes)


def test_smtp_sends_after_starttls_and_logs_in_with_the_url_s_user(fake_smtp):
    sender = mail.SmtpMailer("smtp://kodprov%40x.se:hemligt%21@mail.x.se:2525", "k@x.se")
    sender.send(mail.Mail(to="nova@x.se", subject="Hej", body="En länk"))
    assert fake_smtp == [("connect", "mail.x.se", 2525), ("starttls",),
                         ("login", "kodprov@x.se", "hemligt!"),
                         ("send", "nova@x.se", "Hej", "En länk\n"), ("quit",)]


def test_smtp_refuses_a_remote_server_without_tls(fake_smtp, monkeypatch):
    monkeypatch.setattr(mail.smtplib, "SMTP",
                        lambda *a, **k: FakeServer(*a, **k, starttls=False))
    with pytest.raises(mail.MailError, match="STARTTLS"):
        mail.SmtpMailer("smtp://mail.x.se", "k@x.se").send(mail.Mail("a@x.se", "s", "b"))
    assert ("send", "a@x.se", "s", "b\n") not in fake_smtp


def test_a_bad_smtp_url_is_refused_at_once():
    with pytest.raises(mail.MailError, match="smtp://"):
        mail.SmtpMailer("http://mail.x.se", "k@x.se")


def test_mail_goes_to_smtp_when_set_to_the_outbox_in_development_and_nowhere_in_production():
    assert isinstance(mail.mailer_for(settings(smtp_url="smtps://m.x.se"), None),
                      mail.SmtpMailer)
    assert isinstance(mail.mailer_for(settings(), None), mail.OutboxMailer)
    assert mail.mailer_for(settings(environment="production"), None) is None
    assert not mail.uses_outbox(settings(environment="production"))


def test_production_with_smtp_needs_the_sites_own_address():
    production = settings(environment="production", secret_key=STRONG_KEY, sandbox="docker",
                          smtp_url="smtp://m.x.se")
    with pytest.raises(ConfigurationError, match="KODPROV_BASE_URL"):
        check_production(production)
    check_production(dataclasses.replace(production, base_url="https://kodprov.x.se"))


def test_the_invitation_days_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("KODPROV_INVITATION_DAYS", "30")
    assert Settings.from_env().invitation_days == 30
    monkeypatch.setenv("KODPROV_INVITATION_DAYS", "0")
    with pytest.raises(ConfigurationError, match="KODPROV_INVITATION_DAYS"):
        Settings.from_env()
