"""Intake pools through the services, on SQLite and PostgreSQL: areas as configuration,
queues, offers, admissions, lending and giving back, ends with their reason, the log, the
policy and the access log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from assessor.domain.intake.pools import PoolError
from assessor.models import AccessLog, Lead, Organisation, Participation, Person, PoolMove
from assessor.services import policy
from assessor.services.intake import admission, leads, pools
from assessor.services.placements import today_here
from tests.services import BOTH_DATABASES, database_of_kind


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_pools") as url:
        yield url


@pytest.fixture
def coach(db_session, programme_coach):
    return programme_coach()


def lead_of(db_session, coach, name: str) -> Lead:
    lead = Lead(programme_id=coach.organisation_id, sender="self", name=name,
                email=f"{name.lower()}@example.se")
    db_session.add(lead)
    db_session.flush()
    return lead


def person_of(db_session, coach, name: str) -> Person:
    person = Person(name=name, gender="woman", organisation_id=coach.organisation_id)
    db_session.add(person)
    db_session.flush()
    return person


def kinds(db_session) -> list[tuple[str, str, str]]:
    """The log, oldest first: (kind, area, own area)."""
    return [(m.kind, m.area_name, m.own_area_name) for m in db_session.scalars(
        sa.select(PoolMove).order_by(PoolMove.id))]


def test_a_place_goes_to_the_first_in_the_queue_and_admission_starts_the_participation(
        db_session, coach):
    hoglandet = pools.add_area(db_session, coach, "Höglandet", 1)
    first = admission.queue(db_session, coach, hoglandet.id,
                        person=person_of(db_session, coach, "Alva"))
    second = admission.queue(db_session, coach, hoglandet.id,
                         person=person_of(db_session, coach, "Bo"))
    assert (first.status, first.place_area_id, second.status) == ("offered", hoglandet.id,
                                                                  "waiting")
    admission.admit(db_session, coach, first)
    record = db_session.scalar(sa.select(Participation).where(
        Participation.person_id == first.person_id))
    assert record.enrolled_on == today_here() and record.left_on is None
    admission.end(db_session, coach, first, "studies")
    db_session.commit()
    assert (record.left_on, record.end_reason) == (today_here(), "studies")
    assert (first.status, second.status, second.place_area_id) == ("ended", "offered",
                                                                   hoglandet.id)
    assert kinds(db_session) == [
        ("places", "Höglandet", ""), ("queued", "Höglandet", "Höglandet"),
        ("own", "Höglandet", "Höglandet"), ("queued", "Höglandet", "Höglandet"),
        ("admitted", "Höglandet", "Höglandet"), ("ended", "Höglandet", "Höglandet"),
        ("own", "Höglandet", "Höglandet")]


def test_an_empty_queue_lends_its_place_and_gets_it_back_at_the_next_change(db_session, coach):
    north = pools.add_area(db_session, coach, "Norr", 1)
    south = pools.add_area(db_session, coach, "Söder", 1)
    own = admission.queue(db_session, coach, south.id, person=person_of(db_session, coach, "Sid"))
    borrower = admission.queue(db_session, coach, south.id,
                           person=person_of(db_session, coach, "Saga"))
    assert (own.place_area_id, borrower.place_area_id) == (south.id, north.id)
    admission.admit(db_session, coach, own)
    admission.admit(db_session, coach, borrower)
    waiting = admission.queue(db_session, coach, north.id, lead=lead_of(db_session, coach, "Nils"))
    assert waiting.status == "waiting"  # nothing is free: the lent place comes back later
    admission.end(db_session, coach, own, "other_job")  # South's own place frees up
    db_session.commit()
    assert borrower.place_area_id == south.id  # moved onto South's own place
    assert (waiting.status, waiting.place_area_id) == ("offered", north.id)  # given back
    assert kinds(db_session)[-2:] == [("given_back", "Söder", "Söder"),
                                      ("own", "Norr", "Norr")]
    given_back = db_session.scalars(sa.select(PoolMove).where(
        PoolMove.kind == "given_back")).one()
    assert given_back.from_area_name == "Norr"


def test_a_lead_offered_a_place_takes_it_when_invited_to_the_questionnaire(db_session, coach):
    area = pools.add_area(db_session, coach, "Vätterbygden", 2)
    lead = lead_of(db_session, coach, "Vera")
    entry = admission.queue(db_session, coach, area.id, lead=lead)
    assert entry.status == "offered"
    leads.invite_to_questionnaire(db_session, coach, lead, "vera@example.se",
                                  lifetime=timedelta(days=2))
    db_session.commit()
    assert (entry.status, entry.person_id) == ("admitted", lead.person_id)
    record = db_session.scalar(sa.select(Participation).where(
        Participation.person_id == lead.person_id))
    assert record.enrolled_on == today_here()


def test_lowered_places_keep_the_people_holding_them_and_offer_none_until_enough_left(
        db_session, coach):
    area = pools.add_area(db_session, coach, "Höglandet", 2)
    holders = [admission.queue(db_session, coach, area.id,
                           person=person_of(db_session, coach, name)) for name in ("A", "B")]
    waiting = admission.queue(db_session, coach, area.id, person=person_of(db_session, coach, "C"))
    pools.change_area(db_session, coach, area.id, "Höglandet", 1)
    admission.admit(db_session, coach, holders[0])
    admission.leave(db_session, coach, holders[1])  # said no to the place
    assert waiting.status == "waiting"  # one place, and it is held
    admission.end(db_session, coach, holders[0], "health")
    assert waiting.status == "offered"


@pytest.mark.parametrize(("change", "code"), [
    (lambda s, c, a, e: admission.queue(s, c, a.id, person=e.person), "already"),
    (lambda s, c, a, e: admission.end(s, c, e, "completed"), "not_admitted"),
    (lambda s, c, a, e: pools.add_area(s, c, " höglandet ", 3), "name_taken"),
    (lambda s, c, a, e: pools.add_area(s, c, "Nytt", 101), "places"),
    (lambda s, c, a, e: pools.add_area(s, c, "\x00\x01", 1), "name"),
    (lambda s, c, a, e: pools.remove_area(s, c, a.id), "in_use"),
])
def test_what_the_rules_refuse_names_why_and_changes_nothing(db_session, coach, change, code):
    area = pools.add_area(db_session, coach, "Höglandet", 0)
    entry = admission.queue(db_session, coach, area.id, person=person_of(db_session, coach, "Ann"))
    db_session.commit()
    moves = db_session.scalar(sa.select(sa.func.count()).select_from(PoolMove))
    with pytest.raises(PoolError) as error:
        change(db_session, coach, area, entry)
    assert error.value.code == code
    db_session.rollback()
    assert db_session.scalar(sa.select(sa.func.count()).select_from(PoolMove)) == moves


def test_an_end_needs_a_known_reason_and_a_day_not_in_the_future(db_session, coach):
    area = pools.add_area(db_session, coach, "Höglandet", 1)
    entry = admission.queue(db_session, coach, area.id, person=person_of(db_session, coach, "Ann"))
    admission.admit(db_session, coach, entry)
    for reason, day, code in [("employer", None, "reason"),
                              ("moved", today_here() + timedelta(days=1), "future"),
                              ("moved", date(2000, 1, 1), "before_enrolled")]:
        with pytest.raises(PoolError) as error:
            admission.end(db_session, coach, entry, reason, day)
        assert error.value.code == code
    assert entry.status == "admitted"


def test_a_coach_of_another_programme_is_refused_and_it_is_logged(db_session, coach,
                                                                   programme_coach):
    area = pools.add_area(db_session, coach, "Höglandet", 1)
    entry = admission.queue(db_session, coach, area.id, person=person_of(db_session, coach, "Ann"))
    db_session.commit()
    other = programme_coach()
    with pytest.raises(policy.AccessDeniedError):
        admission.admit(db_session, other, entry)
    with pytest.raises(policy.AccessDeniedError):
        pools.change_area(db_session, other, area.id, "Mitt", 3)
    denied = db_session.scalars(sa.select(AccessLog.what).where(
        AccessLog.actor_id == other.id, AccessLog.action == "denied")).all()
    assert denied == ["pool.place", "pools"]
    assert entry.status == "offered" and area.places == 1


def test_an_admin_sets_the_areas_of_their_programme_but_handles_no_queue(db_session, coach,
                                                                          make_user):
    admin = make_user(role="admin")
    admin.organisation_id = coach.organisation_id
    area = pools.add_area(db_session, admin, "Höglandet", 5)
    assert area.programme_id == coach.organisation_id
    with pytest.raises(policy.AccessDeniedError):
        admission.queue(db_session, admin, area.id, person=person_of(db_session, coach, "Ann"))


def test_each_change_about_a_person_is_in_the_access_log(db_session, coach):
    area = pools.add_area(db_session, coach, "Höglandet", 1)
    person = person_of(db_session, coach, "Ann")
    entry = admission.queue(db_session, coach, area.id, person=person)
    admission.admit(db_session, coach, entry)
    logged = db_session.scalars(sa.select(AccessLog.what).where(
        AccessLog.person_id == person.id)).all()
    assert logged == [f"pool.place #{entry.id}"] * 3  # queued, offered, admitted


def test_a_person_of_another_programme_cannot_be_queued(db_session, coach, programme_coach):
    area = pools.add_area(db_session, coach, "Höglandet", 1)
    other_programme = db_session.get(Organisation, programme_coach().organisation_id)
    stranger = Person(name="Ext", organisation_id=other_programme.id)
    db_session.add(stranger)
    db_session.flush()
    with pytest.raises(policy.AccessDeniedError):
        admission.queue(db_session, coach, area.id, person=stranger)


def test_the_person_finds_their_places_and_queues_in_their_own_export(db_session, coach):
    area = pools.add_area(db_session, coach, "Höglandet", 1)
    person = person_of(db_session, coach, "Ann")
    admission.admit(db_session, coach, admission.queue(db_session, coach, area.id, person=person))
    found = pools.pool_data(db_session, person)["intake_pools"]
    assert [(e["area"], e["status"], e["place_of_area"]) for e in found] == [
        ("Höglandet", "admitted", "Höglandet")]
