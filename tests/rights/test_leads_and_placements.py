"""Leads and placements under the person's rights and the retention rules, on SQLite and
PostgreSQL: a lead that never became a person is deleted once untouched for the lead period;
one that did is in the person's export and goes with the person's erasure; placements are
kept for the placement period after anything last happened in them, past an erasure request
(the person restricted meanwhile), and then removed. Times are put in the past."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from assessor.models import (
    EligibilityAnswer,
    EligibilityCriterion,
    InvolvedAgency,
    Lead,
    Person,
    Placement,
    PlacementFollowUp,
    PlacementStep,
)
from assessor.services.rights import erasure, export, periods, requests, retention
from tests.app_settings import catalogue

NOW = datetime.now(UTC)
TODAY = NOW.date()


def due_ids(db_session) -> dict[str, tuple[int, ...]]:
    return {d.category: d.ids for d in retention.due(db_session)}


def applied(db_session) -> None:
    """``kodprov retention`` as one unit of work; the session then reads afresh."""
    retention.apply(db_session)
    db_session.commit()
    db_session.expire_all()


def a_lead(db_session, world, *, at: datetime = NOW, person: Person | None = None) -> Lead:
    programme = world.organisations["Programme A"]
    criterion = EligibilityCriterion(programme_id=programme.id, text="19 år eller äldre")
    db_session.add(criterion)
    db_session.flush()
    lead = Lead(programme_id=programme.id, sender="on_behalf", relation="family",
                sender_name="Mamma Ny", person_knows=True, name="Vera Ny",
                email="vera@example.se", phone="070-1234567", message="Hon kodar Python.",
                created_at=at, person_id=person.id if person else None)
    lead.agencies.append(InvolvedAgency(name="LSS-handläggning", added_at=at))
    lead.eligibility.append(EligibilityAnswer(criterion_id=criterion.id, answer="met",
                                              basis="person_says", recorded_at=at))
    db_session.add(lead)
    db_session.commit()
    return lead


def lead_count(db_session) -> tuple[int, int, int]:
    return tuple(db_session.scalar(sa.select(sa.func.count()).select_from(model))
                 for model in (Lead, InvolvedAgency, EligibilityAnswer))


def test_a_lead_untouched_for_the_lead_period_is_deleted_with_its_notes(db_session, world):
    keep = periods.BY_NAME["lead"].keep
    old = a_lead(db_session, world, at=NOW - keep - timedelta(days=1))
    young = a_lead(db_session, world, at=NOW - keep + timedelta(days=2))
    touched = a_lead(db_session, world, at=NOW - 2 * keep)
    touched.contacted_at = NOW - timedelta(days=3)  # a coach called recently
    db_session.commit()
    assert due_ids(db_session)["lead"] == (old.id,)
    applied(db_session)
    assert db_session.get(Lead, old.id) is None
    assert {db_session.get(Lead, lead.id) is not None for lead in (young, touched)} == {True}
    assert lead_count(db_session) == (2, 2, 2)


def test_a_lead_that_became_a_person_goes_with_the_person_not_the_lead_period(db_session, world):
    ulf = db_session.scalar(sa.select(Person).where(Person.name == "Ulf Annan"))
    lead = a_lead(db_session, world, at=NOW - timedelta(days=4 * 365), person=ulf)
    assert due_ids(db_session)["lead"] == ()
    data = export.collect(db_session, ulf, catalogue=catalogue)
    (shown,) = data["leads"]
    assert (shown["name"], shown["email"], shown["sent_by"]["name"]) == (
        "Vera Ny", "vera@example.se", "Mamma Ny")
    assert shown["agencies"][0]["name"] == "LSS-handläggning"
    assert shown["eligibility"][0]["answer"] == "met"
    assert "lead" in {row["data"] for row in data["retention"]}
    assert erasure.erase(db_session, ulf, world.users["admin"]) == "erased"
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(Lead, lead.id) is None
    assert lead_count(db_session) == (0, 0, 0)  # no name or e-mail left behind


def placed(db_session, person: Person, *, last: date, follow_up_until: date | None = None,
           made: datetime | None = None) -> Placement:
    placement = Placement(person_id=person.id, workplace="Verkstan", kind="praktik",
                          state="ended", end_reason="interest", follow_up_until=follow_up_until,
                          created_at=made or datetime.combine(last, datetime.min.time(), UTC))
    placement.steps = [PlacementStep(state="proposed", day=last - timedelta(days=200)),
                       PlacementStep(state="ended", day=last, reason="interest")]
    placement.follow_ups = [PlacementFollowUp(due_on=last - timedelta(days=30),
                                              held_on=last - timedelta(days=30))]
    db_session.add(placement)
    db_session.commit()
    return placement


def test_a_placement_is_kept_for_the_placement_period_after_its_last_step(db_session, world):
    ulf = db_session.scalar(sa.select(Person).where(Person.name == "Ulf Annan"))
    keep = periods.BY_NAME["placement"].keep
    old = placed(db_session, ulf, last=TODAY - keep - timedelta(days=2))
    young = placed(db_session, ulf, last=TODAY - keep + timedelta(days=20))
    followed = placed(db_session, ulf, last=TODAY - keep - timedelta(days=2),
                      follow_up_until=TODAY - timedelta(days=10))
    assert due_ids(db_session)["placement"] == (old.id,)
    applied(db_session)
    assert db_session.get(Placement, old.id) is None
    assert db_session.get(Placement, young.id) is not None
    assert db_session.get(Placement, followed.id) is not None
    assert db_session.scalar(sa.select(sa.func.count()).select_from(PlacementStep)) == 4
    assert db_session.scalar(sa.select(sa.func.count()).select_from(PlacementFollowUp)) == 2


def test_a_recent_placement_keeps_an_otherwise_inactive_person(db_session, world):
    ulf = db_session.scalar(sa.select(Person).where(Person.name == "Ulf Annan"))
    long_ago = NOW - timedelta(days=4 * 365)
    db_session.execute(sa.update(Person).where(Person.id == ulf.id).values(created_at=long_ago))
    db_session.commit()
    assert ulf.id in due_ids(db_session)["person"]
    placed(db_session, ulf, last=TODAY - timedelta(days=40), made=long_ago)
    assert ulf.id not in due_ids(db_session)["person"]


def test_an_erasure_keeps_placements_restricted_until_their_period_ends(db_session, world):
    ulf = db_session.scalar(sa.select(Person).where(Person.name == "Ulf Annan"))
    placement = placed(db_session, ulf, last=TODAY - timedelta(days=40))
    lead = a_lead(db_session, world, person=ulf)
    outcome = erased_on_request(db_session, world, ulf)
    assert outcome == "restricted"
    db_session.expire_all()
    assert db_session.get(Person, ulf.id).restricted_at is not None
    assert db_session.get(Lead, lead.id) is None  # the lead is not archived: it is gone
    assert due_ids(db_session)["erased_person"] == ()
    old = TODAY - periods.BY_NAME["placement"].keep - timedelta(days=1)
    db_session.execute(sa.update(PlacementStep).values(day=old))
    db_session.execute(sa.update(PlacementFollowUp).values(due_on=old, held_on=old))
    db_session.execute(sa.update(Placement).values(created_at=NOW - timedelta(days=4 * 365)))
    db_session.commit()
    assert due_ids(db_session)["placement"] == (placement.id,)
    applied(db_session)
    assert db_session.get(Placement, placement.id) is None
    assert db_session.get(Person, ulf.id) is None  # nothing archived is left: erased


def erased_on_request(db_session, world, person: Person) -> str:
    """An erasure asked for by the person and carried out by an admin."""
    asked = requests.ask(db_session, world.users["candidate other"], person, "erasure")
    db_session.commit()
    outcome = requests.carry_out(db_session, world.users["admin"], asked)
    db_session.commit()
    return outcome

