"""Demo data for development: one account per role with fixed, documented logins."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.accounts import create_user
from assessor.models import Organisation, Role, User

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo-kodprov"
PROGRAMME = "Kodprov demo-program"
AGENCY = "Arbetsförmedlingen (demo)"

#: (email, name, role, organisation)
DEMO_ACCOUNTS = [
    ("kandidat@demo.kodprov.se", "Kim Kandidat", Role.CANDIDATE, None),
    ("handledare@demo.kodprov.se", "Hanna Handledare", Role.FACILITATOR, PROGRAMME),
    ("handlaggare@demo.kodprov.se", "Harald Handläggare", Role.CASEWORKER, AGENCY),
    ("admin@demo.kodprov.se", "Alva Admin", Role.ADMIN, PROGRAMME),
]


def database_is_empty(session: Session) -> bool:
    """True when no account exists yet."""
    return session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def create_demo(session: Session) -> list[str]:
    """Create the demo organisations and accounts; returns the emails. Flushes, never commits."""
    organisations = {name: Organisation(name=name) for name in (PROGRAMME, AGENCY)}
    session.add_all(organisations.values())
    session.flush()
    for email, name, role, organisation in DEMO_ACCOUNTS:
        user = create_user(session, email=email, name=name, role=role, password=DEMO_PASSWORD)
        user.organisation = organisations.get(organisation) if organisation else None
    session.flush()
    log.info("created %d demo accounts", len(DEMO_ACCOUNTS))
    return [email for email, *_ in DEMO_ACCOUNTS]
