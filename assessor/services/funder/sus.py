"""The SUS registration and worksheet of a person. The worksheet is in full only when the
policy allows ``sus.worksheet`` (the SUS consent, no protected identity); else it is anonymous:
gender and budget year, nothing else."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.funder.sus import Registration, Worksheet, check, worksheet
from assessor.models import ConsentPurpose, Person, SusRegistration
from assessor.services import policy, privacy
from assessor.services.placements.participation import enrolled_on, participation_of
from assessor.services.policy import Action

FIELDS = tuple(Registration.__dataclass_fields__)


def registration_of(session: Session, person: Person) -> SusRegistration | None:
    """The person's SUS registration record, if any (the caller asked the policy)."""
    return session.scalar(sa.select(SusRegistration).where(
        SusRegistration.person_id == person.id))


def as_registration(record: SusRegistration | None) -> Registration:
    """The record as the domain's Registration (empty when there is none)."""
    if record is None:
        return Registration()
    values = {name: getattr(record, name) for name in FIELDS}
    values["income_before"] = tuple(record.income_before or ())
    values["income_after"] = tuple(record.income_after or ())
    return Registration(**values)


def save_registration(session: Session, actor: object, person: Person,
                      data: Registration) -> SusRegistration:
    """Keep the registration in and out (``domain.funder.sus.check``: SusError when a
    field does not fit). Needs ``sus.record``: the SUS consent and no protected identity.
    Flushes."""
    policy.require(session, actor, Action.SUS_RECORD, person)
    check(data)
    record = registration_of(session, person) or SusRegistration(person_id=person.id)
    session.add(record)
    for name in FIELDS:
        value = getattr(data, name)
        setattr(record, name, list(value) if isinstance(value, tuple) else value)
    record.updated_by_id, record.updated_at = policy.Actor.of(actor).id, utcnow()
    session.flush()
    return record


def worksheet_of(session: Session, actor: object, person: Person) -> Worksheet:
    """The person's worksheet as ``actor`` may see it: in full under ``sus.worksheet``, else
    anonymous (the caller asked the policy for ``sus`` and logged it)."""
    participation = participation_of(session, person)
    full = policy.check(session, actor, Action.SUS_WORKSHEET, person).allowed
    return worksheet(full=full, gender=person.gender,
                     started=enrolled_on(person, participation),
                     ended=participation.left_on if participation else None,
                     birth_year=participation.birth_year if participation else None,
                     registration=as_registration(registration_of(session, person)))


def worksheet_rows(sheet: Worksheet, code: str) -> list[list[str]]:
    """The worksheet as (field, value) rows of codes, for a CSV file: the anonymous one has
    the gender and the budget year only. The person is named by ``code`` (their code name);
    the personnummer is never stored in Kodprov and is typed from form 9443."""
    rows = [["field", "value"], ["code", code], ["anonymous", "yes" if sheet.anonymous else "no"],
            ["gender", sheet.gender or ""], ["budget_year", str(sheet.budget_year)]]
    if sheet.anonymous:
        return rows
    reg = sheet.registration

    def text(value: object) -> str:
        if value is None:
            return ""
        return " ".join(value) if isinstance(value, tuple) else str(value)

    rows += [["registered_in", text(sheet.started)], ["birth_year", text(sheet.birth_year)],
             ["income_before", text(reg.income_before)],
             ["occupation_before", text(reg.occupation_before)],
             ["occupation_before_percent", text(sheet.percent_before)],
             ["education", text(reg.education)], ["support_time", text(reg.support_time)],
             ["registered_out", text(sheet.ended)], ["income_after", text(reg.income_after)],
             ["occupation_after", text(reg.occupation_after)],
             ["occupation_after_percent", text(sheet.percent_after)],
             ["end_reason", text(reg.end_reason)]]
    return rows


def record_sus_consent(session: Session, actor: object, person: Person, given: bool) -> None:
    """Write down the person's yes to SUS (form 9443 signed), or take it back, on their
    behalf (``consent``: staff only for a person without a login). Flushes."""
    policy.require(session, actor, Action.CONSENT_CHANGE, person)
    by = policy.Actor.of(actor).id
    if given:
        privacy.give_consent(session, person, ConsentPurpose.SUS, by)
        return
    active = privacy.active_consent(session, person, ConsentPurpose.SUS)
    if active is not None:
        privacy.withdraw_consent(session, person, active.id, by)
