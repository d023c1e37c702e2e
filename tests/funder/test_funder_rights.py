"""The person's own export shows the SUS registration and the survey answers; an erasure
deletes both (they rest on consent alone), even when archived records keep the person
restricted."""

from __future__ import annotations

import sqlalchemy as sa

from assessor.domain.funder.indicators import ITEMS
from assessor.domain.funder.sus import Registration
from assessor.models import Consent, FollowUp, IndicatorAnswer, SusRegistration
from assessor.services.funder.indicators import answer
from assessor.services.funder.sus import save_registration
from assessor.services.rights import requests
from assessor.services.rights.export import collect
from tests.app_settings import catalogue


def recorded(db_session, world):
    db_session.add(Consent(person_id=world.tove.id, purpose="sus"))
    db_session.flush()
    save_registration(db_session, world.coach, world.tove,
                      Registration(education="gymnasial", income_before=("studiemedel",)))
    answer(db_session, world.users["candidate self"], world.tove, "start",
           dict.fromkeys(ITEMS, 4))
    db_session.commit()


def count(db_session, model, person_id) -> int:
    return db_session.scalar(sa.select(sa.func.count()).select_from(model)
                             .where(model.person_id == person_id))


def test_the_export_has_the_sus_registration_and_the_survey_answers(db_session, world):
    recorded(db_session, world)
    data = collect(db_session, world.tove, catalogue=catalogue)
    assert data["sus_registration"]["education"] == "gymnasial"
    assert data["sus_registration"]["income_before"] == ["studiemedel"]
    assert [(a["point"], a["answers"]) for a in data["indicator_answers"]] == [
        ("start", dict.fromkeys(ITEMS, 4))]


def test_an_erasure_deletes_them_even_when_the_person_stays_restricted(db_session, world):
    recorded(db_session, world)
    request = requests.ask(db_session, world.users["candidate self"], world.tove, "erasure")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "restricted"
    db_session.commit()
    assert count(db_session, FollowUp, world.tove.id) == 1  # archived: kept
    assert count(db_session, SusRegistration, world.tove.id) == 0
    assert count(db_session, IndicatorAnswer, world.tove.id) == 0


def test_a_full_erasure_deletes_them_with_the_person(db_session, world):
    recorded(db_session, world)
    db_session.delete(db_session.get(FollowUp, world.follow_up.id))
    request = requests.ask(db_session, world.coach, world.tove, "erasure")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "erased"
    db_session.commit()
    assert db_session.scalar(sa.select(sa.func.count()).select_from(SusRegistration)) == 0
    assert db_session.scalar(sa.select(sa.func.count()).select_from(IndicatorAnswer)) == 0
