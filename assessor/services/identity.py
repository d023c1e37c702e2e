"""Protected identity (skyddad identitet): who sees a person's name, and setting the flag.

Whether a viewer sees the name and contact data is the access policy's ``person.contact``;
everywhere else (lists, pages, reports, PDFs, CSV files) shows the code name and a neutral
marker instead. Kodprov holds no phone number or address; the contact data it holds are the
person's name and, for a person with a login, the account's name and e-mail.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from assessor.models import Person
from assessor.services import policy


def shown_name(session: Session, viewer: object, person: Person) -> str | None:
    """The person's name as ``viewer`` (a User or policy Actor) may see it; None when the
    viewer may not (show the code name and a neutral marker instead)."""
    if policy.check(session, viewer, policy.Action.CONTACT_VIEW, person).allowed:
        return person.name
    return None


def set_protected(session: Session, actor: object, person: Person, protected: bool) -> None:
    """Set or lift the person's protected identity; the change is logged. Flushes.
    AccessDeniedError unless ``actor`` may (a coach or admin of the person's programme)."""
    policy.require(session, actor, policy.Action.PROTECT, person)
    if person.protected_identity != protected:
        person.protected_identity = protected
        policy.service.log(session, policy.Actor.of(actor), person, "change",
                           str(policy.Action.PROTECT), "on" if protected else "off")
