"""The SUS registration and worksheet through the services: only under the SUS consent and
without a protected identity; else the worksheet is anonymous and nothing is recorded."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from assessor.domain.funder.sus import Registration, SusError
from assessor.models import Consent, Person, SusRegistration
from assessor.services import policy, privacy
from assessor.services.funder.sus import (
    record_sus_consent,
    registration_of,
    save_registration,
    worksheet_of,
    worksheet_rows,
)
from assessor.services.placements.participation import ParticipationInput, save_participation

DATA = Registration(income_before=("aktivitetsersattning", "forsorjningsstod"),
                    occupation_before="ingen", education="gymnasial", support_time="3_4_ar",
                    income_after=("lon",), occupation_after="arbete", hours_after=30,
                    end_reason="arbete")


def sus_yes(db_session, person: Person) -> Consent:
    consent = Consent(person_id=person.id, purpose="sus", recorded_by_id=person.user_id)
    db_session.add(consent)
    db_session.commit()
    return consent


def test_without_the_sus_consent_nothing_is_recorded_and_the_sheet_is_anonymous(
        db_session, world):
    with pytest.raises(policy.AccessDeniedError) as refused:
        save_registration(db_session, world.coach, world.tove, DATA)
    assert refused.value.decision.reason == "no_sus_consent"
    assert registration_of(db_session, world.tove) is None
    sheet = worksheet_of(db_session, world.coach, world.tove)
    assert sheet.anonymous and sheet.registration is None


def test_with_the_sus_consent_the_coach_records_and_reads_the_full_sheet(db_session, world):
    sus_yes(db_session, world.tove)
    save_participation(db_session, world.coach, world.tove, ParticipationInput(
        enrolled_on=date(2025, 9, 1), left_on=date(2026, 3, 1), birth_year=2001),
        today=date(2026, 6, 1))
    save_registration(db_session, world.coach, world.tove, DATA)
    db_session.commit()
    db_session.expire_all()
    stored = db_session.scalar(sa.select(SusRegistration))
    assert stored.income_before == ["aktivitetsersattning", "forsorjningsstod"]
    sheet = worksheet_of(db_session, world.coach, world.tove)
    assert not sheet.anonymous and sheet.percent_after == 75
    assert (sheet.budget_year, sheet.started, sheet.birth_year) == (2025, date(2025, 9, 1), 2001)
    rows = dict(worksheet_rows(sheet, world.tove.public_id)[1:])
    assert rows["income_before"] == "aktivitetsersattning forsorjningsstod"
    assert rows["registered_out"] == "2026-03-01" and rows["end_reason"] == "arbete"


def test_a_protected_identity_makes_the_sheet_anonymous_even_with_the_consent(
        db_session, world):
    sus_yes(db_session, world.tove)
    save_registration(db_session, world.coach, world.tove, DATA)
    world.tove.protected_identity = True
    db_session.commit()
    sheet = worksheet_of(db_session, world.coach, world.tove)
    assert sheet.anonymous
    rows = worksheet_rows(sheet, world.tove.public_id)
    assert [name for name, _ in rows[1:]] == ["code", "anonymous", "gender", "budget_year"]
    with pytest.raises(policy.AccessDeniedError):
        save_registration(db_session, world.coach, world.tove, DATA)


def test_taking_the_consent_back_makes_the_sheet_anonymous_again(db_session, world):
    consent = sus_yes(db_session, world.tove)
    save_registration(db_session, world.coach, world.tove, DATA)
    privacy.withdraw_consent(db_session, world.tove, consent.id, world.tove.user_id)
    db_session.commit()
    assert worksheet_of(db_session, world.coach, world.tove).anonymous


def test_a_registration_that_does_not_fit_changes_nothing(db_session, world):
    sus_yes(db_session, world.tove)
    save_registration(db_session, world.coach, world.tove, DATA)
    db_session.commit()
    with pytest.raises(SusError):
        save_registration(db_session, world.coach, world.tove,
                          Registration(occupation_after=None, hours_after=20))
    db_session.rollback()
    assert registration_of(db_session, world.tove).occupation_after == "arbete"


def test_a_coach_of_another_programme_records_nothing(db_session, world):
    sus_yes(db_session, world.tove)
    with pytest.raises(policy.AccessDeniedError):
        save_registration(db_session, world.users["coach other org"], world.tove, DATA)


def test_staff_write_down_the_yes_only_for_a_person_without_a_login(db_session, world):
    no_login = Person(name="Utan Inloggning", organisation_id=world.tove.organisation_id)
    db_session.add(no_login)
    db_session.commit()
    record_sus_consent(db_session, world.coach, no_login, given=True)
    assert privacy.active_consent(db_session, no_login, "sus").recorded_by_id == world.coach.id
    record_sus_consent(db_session, world.coach, no_login, given=False)
    assert privacy.active_consent(db_session, no_login, "sus") is None
    with pytest.raises(policy.AccessDeniedError):
        record_sus_consent(db_session, world.coach, world.tove, given=True)


def test_the_sus_consent_is_its_own_purpose(db_session, world):
    db_session.add(Consent(person_id=world.tove.id, purpose="statistics"))
    db_session.commit()
    assert not policy.facts_of(db_session, world.tove).sus_consent
    sus_yes(db_session, world.tove)
    facts = policy.facts_of(db_session, world.tove)
    assert facts.sus_consent and facts.statistics_consent
